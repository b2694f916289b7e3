// Tests of the navigation document (nav.xhtml) and the legacy NCX (toc.ncx):
// both are parsed back and their structure checked against the book.
#include <pugixml.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "epub/epub_test_support.h"
#include "epub/package.h"
#include "epub/plan.h"

namespace gobook::epub {
namespace {

using testing::MakeTwoTrackBook;

std::string Attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

// The element children of `node` with the given name.
std::vector<pugi::xml_node> Children(pugi::xml_node node, const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : node.children(name)) out.push_back(child);
  return out;
}

pugi::xml_node FindNav(pugi::xml_node body, const char* type) {
  for (pugi::xml_node nav : body.children("nav")) {
    if (Attribute(nav, "epub:type") == type) return nav;
  }
  return {};
}

struct NavFixture {
  doc::Book book = MakeTwoTrackBook();
  Plan plan = MakePlan(book);
  std::string text = NavDocument(book, plan);
  pugi::xml_document document;

  pugi::xml_node Body() {
    INFO(text);
    REQUIRE(document.load_string(text.c_str()));
    return document.child("html").child("body");
  }
};

TEST_CASE("nav: nav.xhtml is an XHTML document", "[epub][nav]") {
  NavFixture nav;
  CHECK(nav.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE html>", 0) == 0);
  pugi::xml_node body = nav.Body();
  pugi::xml_node html = nav.document.child("html");
  CHECK(Attribute(html, "lang") == "en");
  CHECK(Attribute(html, "xml:lang") == "en");
  CHECK(Attribute(html, "xmlns:epub") == "http://www.idpf.org/2007/ops");
  CHECK(Attribute(html.child("head").child("link"), "href") == "css/book.css");
  CHECK(Children(body, "nav").size() == 2);
}

TEST_CASE("nav: the toc nav nests tracks, lessons and sections", "[epub][nav]") {
  NavFixture nav;
  pugi::xml_node toc = FindNav(nav.Body(), "toc");
  REQUIRE(toc);
  CHECK(Attribute(toc, "role") == "doc-toc");
  CHECK(Attribute(toc, "id") == "toc");
  // aria-labelledby names the heading inside the nav.
  CHECK(Attribute(toc.child("h1"), "id") == Attribute(toc, "aria-labelledby"));
  CHECK(std::string(toc.child("h1").text().get()) == "Contents");
  std::vector<pugi::xml_node> lists = Children(toc, "ol");
  REQUIRE(lists.size() == 1);

  std::vector<pugi::xml_node> tracks = Children(lists[0], "li");
  REQUIRE(tracks.size() == 2);
  CHECK(std::string(tracks[0].child("a").text().get()) == "Track One");
  CHECK(Attribute(tracks[0].child("a"), "href") == "text/part-01.xhtml");
  CHECK(std::string(tracks[1].child("a").text().get()) == "Track Two");
  CHECK(Attribute(tracks[1].child("a"), "href") == "text/part-02.xhtml");

  std::vector<pugi::xml_node> one = Children(tracks[0].child("ol"), "li");
  REQUIRE(one.size() == 2);
  const doc::Lesson& hello = nav.book.lessons[0];
  CHECK(std::string(one[0].child("a").text().get()) ==
        "01. Hello, Go (" + std::to_string(hello.read_time.minutes) + " min)");
  CHECK(Attribute(one[0].child("a"), "href") == "text/lesson-001.xhtml");
  CHECK(std::string(one[1].child("a").text().get()) ==
        "02. Values (" + std::to_string(nav.book.lessons[1].read_time.minutes) + " min)");
  CHECK(Attribute(one[1].child("a"), "href") == "text/lesson-002.xhtml");

  // Only H2 headings are listed, with fragment links (prefixed ids included).
  std::vector<pugi::xml_node> sections = Children(one[0].child("ol"), "li");
  REQUIRE(sections.size() == 2);
  CHECK(std::string(sections[0].child("a").text().get()) == "First steps");
  CHECK(Attribute(sections[0].child("a"), "href") == "text/lesson-001.xhtml#first-steps");
  CHECK(std::string(sections[1].child("a").text().get()) == "5 things & more");
  CHECK(Attribute(sections[1].child("a"), "href") == "text/lesson-001.xhtml#h.5-things--more");
  CHECK_FALSE(sections[0].child("ol"));
  // A lesson without sections has no empty list (an empty <ol> is invalid).
  CHECK_FALSE(one[1].child("ol"));

  std::vector<pugi::xml_node> two = Children(tracks[1].child("ol"), "li");
  REQUIRE(two.size() == 1);
  CHECK(Attribute(two[0].child("a"), "href") == "text/lesson-003.xhtml");
  CHECK(std::string(two[0].child("a").text().get()).rfind("03. Slices and maps (", 0) == 0);
  std::vector<pugi::xml_node> slices = Children(two[0].child("ol"), "li");
  REQUIRE(slices.size() == 1);
  CHECK(Attribute(slices[0].child("a"), "href") == "text/lesson-003.xhtml#slices");
}

TEST_CASE("nav: every toc entry has a non-empty label and a link", "[epub][nav]") {
  NavFixture nav;
  pugi::xml_node toc = FindNav(nav.Body(), "toc");
  pugi::xpath_node_set items = toc.select_nodes(".//li");
  CHECK(items.size() == 2 + 3 + 3);
  for (pugi::xpath_node item : items) {
    // nav > ol > li > (a or span) [ol]: the first child is the link.
    pugi::xml_node first = item.node().first_child();
    CHECK(std::string(first.name()) == "a");
    CHECK_FALSE(std::string(first.text().get()).empty());
    CHECK_FALSE(Attribute(first, "href").empty());
  }
}

TEST_CASE("nav: landmarks list the cover, title page, contents and body", "[epub][nav]") {
  NavFixture nav;
  nav.plan.has_cover = true;
  nav.text = NavDocument(nav.book, nav.plan);
  pugi::xml_node landmarks = FindNav(nav.Body(), "landmarks");
  REQUIRE(landmarks);
  CHECK(Attribute(landmarks, "hidden") == "hidden");
  std::vector<pugi::xml_node> items = Children(landmarks.child("ol"), "li");
  REQUIRE(items.size() == 4);
  const char* kTypes[] = {"cover", "titlepage", "toc", "bodymatter"};
  const char* kHrefs[] = {"text/cover.xhtml", "text/title.xhtml", "nav.xhtml#toc",
                          "text/part-01.xhtml"};
  for (size_t i = 0; i < items.size(); ++i) {
    pugi::xml_node a = items[i].child("a");
    CHECK(Attribute(a, "epub:type") == kTypes[i]);
    CHECK(Attribute(a, "href") == kHrefs[i]);
    CHECK_FALSE(std::string(a.text().get()).empty());
  }
}

TEST_CASE("nav: landmarks have no cover when the book has none", "[epub][nav]") {
  NavFixture nav;
  REQUIRE_FALSE(nav.plan.has_cover);
  pugi::xml_node landmarks = FindNav(nav.Body(), "landmarks");
  std::vector<pugi::xml_node> items = Children(landmarks.child("ol"), "li");
  REQUIRE(items.size() == 3);
  CHECK(Attribute(items[0].child("a"), "epub:type") == "titlepage");
  CHECK(landmarks.select_nodes(".//a[@epub:type='cover']").empty());
}

// An H2 with no text (only an image without alt text, or "##" alone) would give
// an empty toc label, which the nav content model forbids (epubcheck RSC-005):
// the converter refuses it, so no book with one reaches the writer.
TEST_CASE("nav: a heading without text, which would label the toc, is an error",
          "[epub][nav]") {
  DiagnosticSink sink;
  testing::MakeBook(
      {{"Basics", "", {{"lessons/01-first.md", "# First\n\n## ![](../images/x.png)\n\nText.\n", ""}}}},
      &sink);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(FormatDiagnostic(sink.diagnostics()[0]) ==
        "book/lessons/01-first.md:3:1: error: a heading needs text\n"
        "hint: headings label the table of contents\n");
}

// ---- NCX --------------------------------------------------------------------

struct NcxFixture {
  doc::Book book = MakeTwoTrackBook();
  Plan plan = MakePlan(book);
  std::string text = NcxDocument(book, plan);
  pugi::xml_document document;

  pugi::xml_node Ncx() {
    INFO(text);
    REQUIRE(document.load_string(text.c_str()));
    return document.child("ncx");
  }
};

std::string HeadMeta(pugi::xml_node ncx, const char* name) {
  for (pugi::xml_node meta : ncx.child("head").children("meta")) {
    if (Attribute(meta, "name") == name) return Attribute(meta, "content");
  }
  return "(missing)";
}

TEST_CASE("ncx: the NCX head names the book and its depth", "[epub][ncx]") {
  NcxFixture fixture;
  CHECK(fixture.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  pugi::xml_node ncx = fixture.Ncx();
  REQUIRE(ncx);
  CHECK(Attribute(ncx, "xmlns") == "http://www.daisy.org/z3986/2005/ncx/");
  CHECK(Attribute(ncx, "version") == "2005-1");
  CHECK(HeadMeta(ncx, "dtb:uid") == testing::kIdentifier);
  CHECK(HeadMeta(ncx, "dtb:depth") == "3");
  CHECK(std::string(ncx.child("docTitle").child("text").text().get()) == "Test Book");
}

TEST_CASE("ncx: NCX navPoints nest like the nav, in play order", "[epub][ncx]") {
  NcxFixture fixture;
  pugi::xml_node map = fixture.Ncx().child("navMap");
  std::vector<pugi::xml_node> tracks = Children(map, "navPoint");
  REQUIRE(tracks.size() == 2);
  CHECK(Attribute(tracks[0].child("content"), "src") == "text/part-01.xhtml");
  CHECK(std::string(tracks[0].child("navLabel").child("text").text().get()) == "Track One");
  std::vector<pugi::xml_node> lessons = Children(tracks[0], "navPoint");
  REQUIRE(lessons.size() == 2);
  CHECK(Attribute(lessons[0].child("content"), "src") == "text/lesson-001.xhtml");
  CHECK(std::string(lessons[0].child("navLabel").child("text").text().get()).rfind(
            "01. Hello, Go (", 0) == 0);
  std::vector<pugi::xml_node> sections = Children(lessons[0], "navPoint");
  REQUIRE(sections.size() == 2);
  CHECK(Attribute(sections[1].child("content"), "src") ==
        "text/lesson-001.xhtml#h.5-things--more");
  CHECK(Children(lessons[1], "navPoint").empty());
  std::vector<pugi::xml_node> two = Children(tracks[1], "navPoint");
  REQUIRE(two.size() == 1);
  CHECK(Attribute(two[0].child("content"), "src") == "text/lesson-003.xhtml");

  // playOrder is 1..N in document order; ids are unique; every point is complete.
  pugi::xpath_node_set points = map.select_nodes(".//navPoint");
  REQUIRE(points.size() == 2 + 3 + 3);
  std::vector<std::string> ids;
  int expected = 0;
  for (pugi::xpath_node point : points) {
    pugi::xml_node node = point.node();
    CHECK(node.attribute("playOrder").as_int() == ++expected);
    CHECK_FALSE(std::string(node.child("navLabel").child("text").text().get()).empty());
    CHECK_FALSE(Attribute(node.child("content"), "src").empty());
    ids.push_back(Attribute(node, "id"));
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("ncx: NCX depth is 2 when no lesson has sections", "[epub][ncx]") {
  DiagnosticSink sink;
  doc::Book book = testing::MakeBook(
      {{"Only", "", {{"lessons/01-a.md", "# A\n\n### Not a section\n", ""}}}}, &sink);
  REQUIRE_FALSE(sink.HasErrors());
  pugi::xml_document document;
  std::string text = NcxDocument(book, MakePlan(book));
  REQUIRE(document.load_string(text.c_str()));
  CHECK(HeadMeta(document.child("ncx"), "dtb:depth") == "2");
}

TEST_CASE("nav: nav and NCX list the same targets in the same order", "[epub][nav][ncx]") {
  NavFixture nav;
  NcxFixture ncx;
  std::vector<std::string> nav_targets;
  for (pugi::xpath_node a : FindNav(nav.Body(), "toc").select_nodes(".//a")) {
    nav_targets.push_back(Attribute(a.node(), "href"));
  }
  std::vector<std::string> ncx_targets;
  for (pugi::xpath_node content : ncx.Ncx().select_nodes("//navPoint/content")) {
    ncx_targets.push_back(Attribute(content.node(), "src"));
  }
  CHECK(nav_targets == ncx_targets);
}

}  // namespace
}  // namespace gobook::epub
