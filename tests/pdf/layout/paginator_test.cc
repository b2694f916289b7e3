#include <catch2/catch.hpp>

#include "pdf/layout/paginator.h"

namespace gobook::layout {
namespace {

// A flow of `count` boxes of height 10, every break allowed.
Flow Lines(size_t count) {
  Flow flow(count);
  for (FlowItem& item : flow) item.height = 10;
  return flow;
}

TEST_CASE("PageStarts: fills each page, then breaks", "[layout][paginate]") {
  CHECK(PageStarts(Lines(25), 100, 0) == std::vector<size_t>{0, 10, 20});
}

TEST_CASE("PageStarts: a forbidden break moves lines to the next page", "[layout][paginate]") {
  Flow flow = Lines(12);
  // A paragraph of lines 8..11 may not leave one line at the page foot: line 9
  // cannot start a page, and neither can line 10 (one line would stay behind).
  flow[9].can_break_before = false;
  flow[10].can_break_before = false;
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 8});
}

TEST_CASE("PageStarts: a heading kept with what follows never ends a page",
          "[layout][paginate]") {
  Flow flow = Lines(15);
  flow[10].can_break_before = false;  // item 9 is a heading; item 10 keeps with it
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 9});
}

TEST_CASE("PageStarts: space before is dropped at the top of a page", "[layout][paginate]") {
  Flow flow = Lines(20);
  flow[10].space_before = 50;
  // Item 10 does not fit after item 9 with its gap, so it starts page 2 at the
  // very top: the remaining 10 items fill it exactly.
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 10});
}

TEST_CASE("PageStarts: a new page starts where asked", "[layout][paginate]") {
  Flow flow = Lines(6);
  flow[3].new_page = true;
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 3});
}

TEST_CASE("PageStarts: a keep taller than a page breaks where it must", "[layout][paginate]") {
  Flow flow = Lines(30);
  for (size_t i = 1; i < flow.size(); ++i) flow[i].can_break_before = false;
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 10, 20});
}

TEST_CASE("PageStarts: a code block continued on a new page leaves room for its mark",
          "[layout][paginate]") {
  Flow flow = Lines(20);
  for (FlowItem& item : flow) item.continues_code = true;
  // The second page starts with the mark (height 10), so it holds 9 lines.
  CHECK(PageStarts(flow, 100, 10) == std::vector<size_t>{0, 10, 19});
}

TEST_CASE("Paginate: anchors land on the page and height where their box is placed",
          "[layout][paginate]") {
  Flow flow = Lines(15);
  flow[12].anchors.push_back({"here", 2});
  PageStyle style;
  style.top = 50;
  style.body_height = 100;
  FixedMetrics metrics;
  Pagination pages = Paginate(flow, style, metrics);
  REQUIRE(pages.pages.size() == 2);
  REQUIRE(pages.anchors.size() == 1);
  CHECK(pages.anchors[0].id == "here");
  CHECK(pages.anchors[0].page == 1);
  CHECK(pages.anchors[0].y == Approx(50 + 20 + 2));
}

}  // namespace
}  // namespace gobook::layout

namespace gobook::layout {
namespace {

TEST_CASE("PageStarts: a line that cites a footnote goes where its note fits too",
          "[layout][paginate]") {
  Flow flow = Lines(12);
  FlowItem note;
  note.height = 15;
  flow[8].notes.push_back(note);  // line 8 needs 15 for its note and 5 for the rule
  // Lines 0..7 fill 80; line 8 needs 10 + 15 + 5 more: 110 > 100, so it opens page 2.
  CHECK(PageStarts(flow, 100, 0, 5) == std::vector<size_t>{0, 8});
  // Without the note, line 9 would still fit on page 1.
  flow[8].notes.clear();
  CHECK(PageStarts(flow, 100, 0, 5) == std::vector<size_t>{0, 10});
}

TEST_CASE("Paginate: footnotes sit at the page foot, with their anchors", "[layout][paginate]") {
  Flow flow = Lines(3);
  FlowItem note;
  note.height = 12;
  note.anchors.push_back({"note.0.0", 0});
  note.items.push_back(GlyphRun{72, 9, Face::kRegular, 8, {}, "1. A note."});
  flow[1].notes.push_back(note);
  PageStyle style;
  style.top = 50;
  style.body_height = 100;
  style.leading = 10;
  FixedMetrics metrics;
  Pagination pages = Paginate(flow, style, metrics);
  REQUIRE(pages.pages.size() == 1);
  REQUIRE(pages.anchors.size() == 1);
  CHECK(pages.anchors[0].y == Approx(50 + 100 - 12));
  bool found = false;
  for (const PageItem& item : pages.pages[0].items) {
    if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text == "1. A note.") {
      CHECK(run->baseline == Approx(50 + 100 - 12 + 9));
      found = true;
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace gobook::layout

namespace gobook::layout {
namespace {

TEST_CASE("Paginate: a table continued on a new page repeats its header", "[layout][paginate]") {
  auto header = std::make_shared<FlowItem>();
  header->height = 10;
  header->items.push_back(GlyphRun{72, 8, Face::kBold, 8, {}, "Name  Size"});
  Flow flow;
  flow.push_back(*header);
  for (int row = 0; row < 14; ++row) {
    FlowItem item;
    item.height = 10;
    item.table_header = header;
    item.items.push_back(GlyphRun{72, 8, Face::kRegular, 8, {}, "row " + std::to_string(row)});
    flow.push_back(item);
  }
  CHECK(PageStarts(flow, 100, 0) == std::vector<size_t>{0, 10});
  PageStyle style;
  style.top = 50;
  style.body_height = 100;
  FixedMetrics metrics;
  Pagination pages = Paginate(flow, style, metrics);
  REQUIRE(pages.pages.size() == 2);
  const auto* first = std::get_if<GlyphRun>(&pages.pages[1].items.front());
  REQUIRE(first != nullptr);
  CHECK(first->text == "Name  Size");
  CHECK(first->baseline == Approx(58));
  const auto* row = std::get_if<GlyphRun>(&pages.pages[1].items[1]);
  REQUIRE(row != nullptr);
  CHECK(row->text == "row 9");
  CHECK(row->baseline == Approx(68));
}

}  // namespace
}  // namespace gobook::layout
