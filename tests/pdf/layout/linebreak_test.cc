// Tests for the line breaker on hand-built boxes, glue and penalties: every
// character is one unit wide (or 5 pt, as FixedMetrics sets 10 pt text), so the
// expected lines can be checked with a ruler.
#include "pdf/layout/linebreak.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace gobook::layout {
namespace {

// The Grimm opening the Knuth-Plass paper sets.
constexpr char kFrogKing[] =
    "In olden times when wishing still helped one, there lived a king whose daughters were "
    "all beautiful, but the youngest was so beautiful that the sun itself, which has seen so "
    "much, was astonished whenever it shone in her face.";

// A paragraph as items, with the word each box stands for.
struct Paragraph {
  std::vector<BreakItem> items;
  std::vector<std::string> words;  // per item; "" for glue and penalties
};

BreakItem Box(double width) { return {BreakItem::kBox, width, 0, 0, 0, false}; }
BreakItem Glue(double width, double stretch, double shrink) {
  return {BreakItem::kGlue, width, stretch, shrink, 0, false};
}
BreakItem Penalty(double cost, double width = 0, bool flagged = false) {
  return {BreakItem::kPenalty, width, 0, 0, cost, flagged};
}

void Add(Paragraph* paragraph, BreakItem item, std::string word = "") {
  paragraph->items.push_back(item);
  paragraph->words.push_back(std::move(word));
}

void Finish(Paragraph* paragraph) {
  Add(paragraph, Penalty(kInfinitePenalty));
  Add(paragraph, Glue(0, kFilStretch, 0));
  Add(paragraph, Penalty(-kInfinitePenalty));
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Justified text: 5 pt characters, spaces of 5 pt plus 2.5 minus 1.667 (the
// proportions the paragraph composer uses).
Paragraph Justified(const std::string& text) {
  Paragraph paragraph;
  for (const std::string& word : Words(text)) {
    if (!paragraph.items.empty()) Add(&paragraph, Glue(5, 2.5, 5.0 / 3));
    Add(&paragraph, Box(5.0 * static_cast<double>(word.size())), word);
  }
  Finish(&paragraph);
  return paragraph;
}

// Ragged-right text in the paper's form: one-unit characters and spaces, and
// stretch of 3 at each possible break that vanishes when the line goes on.
Paragraph Ragged(const std::string& text) {
  Paragraph paragraph;
  for (const std::string& word : Words(text)) {
    if (!paragraph.items.empty()) {
      Add(&paragraph, Penalty(kInfinitePenalty));
      Add(&paragraph, Glue(0, 3, 0));
      Add(&paragraph, Penalty(0));
      Add(&paragraph, Glue(1, -3, 0));
    }
    Add(&paragraph, Box(static_cast<double>(word.size())), word);
  }
  Finish(&paragraph);
  return paragraph;
}

// The words of each line, space-separated.
std::vector<std::string> Lines(const Paragraph& paragraph, const LineBreaks& breaks) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end : breaks.breaks) {
    std::string line;
    for (size_t i = start; i < end; ++i) {
      if (paragraph.words[i].empty()) continue;
      line += (line.empty() ? "" : " ") + paragraph.words[i];
    }
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

LineBreaks Break(const Paragraph& paragraph, double width, BreakStrategy strategy) {
  BreakParams params;
  params.strategy = strategy;
  return BreakLines(paragraph.items, [width](size_t) { return width; }, params);
}

// The paper's measure of quality: the sum of the lines' badness 100 |r|^3
// (the last line, set loose by its fill glue, excluded).
double TotalBadness(const LineBreaks& breaks) {
  double total = 0;
  for (size_t k = 0; k + 1 < breaks.ratios.size(); ++k) {
    total += 100 * std::pow(std::abs(breaks.ratios[k]), 3);
  }
  return total;
}

TEST_CASE("Total-fit sets the Frog King to the exact lines", "[layout][linebreak]") {
  Paragraph paragraph = Justified(kFrogKing);
  LineBreaks breaks = Break(paragraph, 190, BreakStrategy::kTotalFit);  // 38 characters
  CHECK(breaks.total_fit);
  CHECK(Lines(paragraph, breaks) == std::vector<std::string>{
                                        "In olden times when wishing still helped",
                                        "one, there lived a king whose daughters",
                                        "were all beautiful, but the youngest",
                                        "was so beautiful that the sun itself,",
                                        "which has seen so much, was astonished",
                                        "whenever it shone in her face.",
                                    });
  // "In olden times when wishing still helped" is 40 characters: 200 pt shrunk by
  // all of its six spaces' 10 pt of shrink.
  REQUIRE(breaks.ratios.size() == 6);
  CHECK(breaks.ratios[0] == Approx(-1.0));
  CHECK(breaks.ratios[1] == Approx(-0.5));
  CHECK(breaks.ratios[2] == Approx(0.8));
  CHECK(breaks.ratios[4] == Approx(0.0));
  CHECK(breaks.breaks.back() == paragraph.items.size() - 1);
}

TEST_CASE("Total-fit beats first-fit on the Frog King", "[layout][linebreak]") {
  Paragraph paragraph = Justified(kFrogKing);
  LineBreaks total = Break(paragraph, 190, BreakStrategy::kTotalFit);
  LineBreaks first = Break(paragraph, 190, BreakStrategy::kFirstFit);
  CHECK_FALSE(first.total_fit);
  // Greedy filling packs the third and fourth lines tight and leaves the fifth
  // with its spaces stretched to 2.2 times their width.
  CHECK(Lines(paragraph, first) == std::vector<std::string>{
                                       "In olden times when wishing still helped",
                                       "one, there lived a king whose daughters",
                                       "were all beautiful, but the youngest was",
                                       "so beautiful that the sun itself, which",
                                       "has seen so much, was astonished",
                                       "whenever it shone in her face.",
                                   });
  CHECK(first.ratios[4] == Approx(2.4));
  double worst_total = 0, worst_first = 0;
  for (size_t k = 0; k + 1 < total.ratios.size(); ++k) {
    worst_total = std::max(worst_total, std::abs(total.ratios[k]));
  }
  for (size_t k = 0; k + 1 < first.ratios.size(); ++k) {
    worst_first = std::max(worst_first, std::abs(first.ratios[k]));
  }
  CHECK(worst_total == Approx(1.0));
  CHECK(worst_first == Approx(2.4));
  CHECK(TotalBadness(total) < TotalBadness(first) / 5);
}

TEST_CASE("Total-fit evens a ragged edge that first-fit leaves jagged", "[layout][linebreak]") {
  // The textbook case: six units wide, greedy gives "aaa bb" / "cc" / "ddddd"
  // (slack 0, 4, 1); total-fit gives "aaa" / "bb cc" / "ddddd" (3, 1, 1).
  Paragraph paragraph = Ragged("aaa bb cc ddddd");
  CHECK(Lines(paragraph, Break(paragraph, 6, BreakStrategy::kTotalFit)) ==
        std::vector<std::string>{"aaa", "bb cc", "ddddd"});
  CHECK(Lines(paragraph, Break(paragraph, 6, BreakStrategy::kFirstFit)) ==
        std::vector<std::string>{"aaa bb", "cc", "ddddd"});
}

TEST_CASE("Breaks honour forced and forbidden penalties", "[layout][linebreak]") {
  Paragraph paragraph;
  Add(&paragraph, Box(10), "a");
  Add(&paragraph, Glue(5, 2.5, 1));
  Add(&paragraph, Box(10), "b");
  Add(&paragraph, Penalty(kInfinitePenalty));  // "b c" is one unit: never split
  Add(&paragraph, Glue(5, 2.5, 1));
  Add(&paragraph, Box(10), "c");
  Add(&paragraph, Penalty(kInfinitePenalty));
  Add(&paragraph, Glue(0, kFilStretch, 0));
  Add(&paragraph, Penalty(-kInfinitePenalty));  // a forced break, as for '\n'
  Add(&paragraph, Box(10), "d");
  Finish(&paragraph);
  for (BreakStrategy strategy : {BreakStrategy::kTotalFit, BreakStrategy::kFirstFit}) {
    // 25 pt: "a b" would fit, but "b c" may not be split.
    LineBreaks breaks = Break(paragraph, 25, strategy);
    CHECK(Lines(paragraph, breaks) == std::vector<std::string>{"a", "b c", "d"});
  }
  LineBreaks wide = Break(paragraph, 1000, BreakStrategy::kTotalFit);
  CHECK(Lines(paragraph, wide) == std::vector<std::string>{"a b c", "d"});
}

TEST_CASE("Two hyphenated lines in a row cost flagged_demerits", "[layout][linebreak]") {
  // Eight words "abc-def" (two 3-unit syllables, a 1-unit hyphen between them) in
  // a 17-unit measure: the tightest setting ends two lines in a row with hyphens.
  Paragraph paragraph;
  for (int i = 0; i < 8; ++i) {
    if (i > 0) Add(&paragraph, Glue(1, 1, 0.5));
    Add(&paragraph, Box(3), "abc");
    Add(&paragraph, Penalty(50, 1, true));
    Add(&paragraph, Box(3), "def");
  }
  Finish(&paragraph);
  // The longest run of consecutive lines that end with a hyphen.
  auto ladder = [&](double flagged_demerits) {
    BreakParams params;
    params.flagged_demerits = flagged_demerits;
    LineBreaks breaks = BreakLines(paragraph.items, [](size_t) { return 17; }, params);
    int run = 0, longest = 0;
    for (size_t end : breaks.breaks) {
      run = paragraph.items[end].flagged ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest;
  };
  CHECK(ladder(0) == 2);
  CHECK(ladder(BreakParams{}.flagged_demerits) == 1);
}

TEST_CASE("A line width may differ for the first line", "[layout][linebreak]") {
  Paragraph paragraph = Justified("aaaa bbbb cccc dddd eeee ffff");
  // The first line is 10 characters, the rest 20.
  LineBreaks breaks = BreakLines(paragraph.items,
                                 [](size_t line) { return line == 0 ? 50.0 : 100.0; }, {});
  CHECK(breaks.total_fit);
  CHECK(Lines(paragraph, breaks) ==
        std::vector<std::string>{"aaaa bbbb", "cccc dddd eeee ffff"});
}

TEST_CASE("First-fit takes over when total-fit finds nothing", "[layout][linebreak]") {
  // A lone word narrower than the line, with nothing to stretch, cannot be set
  // within any tolerance: total-fit has no solution.
  Paragraph paragraph = Justified("aaaaaa bbbbbbbbbbbbbbbbbb cc");
  LineBreaks breaks = Break(paragraph, 100, BreakStrategy::kTotalFit);
  CHECK_FALSE(breaks.total_fit);
  CHECK(Lines(paragraph, breaks) ==
        std::vector<std::string>{"aaaaaa", "bbbbbbbbbbbbbbbbbb", "cc"});
  CHECK(std::isinf(breaks.ratios[0]));
}

TEST_CASE("An overfull box gets a line of its own", "[layout][linebreak]") {
  Paragraph paragraph = Justified("a bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb c");
  LineBreaks breaks = Break(paragraph, 50, BreakStrategy::kTotalFit);
  CHECK_FALSE(breaks.total_fit);
  CHECK(Lines(paragraph, breaks) ==
        std::vector<std::string>{"a", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "c"});
  CHECK(breaks.ratios[1] < -1);
}

TEST_CASE("Breaking is fast on a long paragraph", "[layout][linebreak]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += i % 7 == 0 ? "concurrency " : i % 3 == 0 ? "go " : "word ";
  Paragraph paragraph = Justified(text + kFrogKing);
  LineBreaks breaks = Break(paragraph, 190, BreakStrategy::kTotalFit);
  CHECK(breaks.total_fit);
  CHECK(breaks.breaks.size() > 1000);
}

TEST_CASE("Empty items give no lines", "[layout][linebreak]") {
  CHECK(BreakLines({}, [](size_t) { return 100; }, {}).breaks.empty());
}

}  // namespace
}  // namespace gobook::layout
