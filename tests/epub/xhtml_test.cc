// Snapshot tests of the XHTML the EPUB writer gives each Markdown element.
//
// Each case converts a Markdown snippet into the first lesson of a small book,
// renders it with epub::LessonPage and compares what follows the lesson's
// <header> inside <section> byte for byte with tests/epub/expected/<case>.xhtml.
// The writer adds no whitespace, so the expected files put a newline between
// top-level blocks (and nowhere else) to stay readable; everything inside a
// block, <pre> included, is exactly as written.
//
// To accept new output after a deliberate change, run the tests with
// GOBOOK_UPDATE_EXPECTED=1: the expected files are rewritten instead of compared
// (as mdBook's snapshot tests do), and the diff is reviewed in version control.
#include <pugixml.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "epub/epub_test_support.h"
#include "epub/pages.h"
#include "epub/plan.h"

namespace gobook::epub {
namespace {

using testing::MakeLessonBook;
using testing::TestDataPath;

bool UpdateExpected() {
  const char* value = std::getenv("GOBOOK_UPDATE_EXPECTED");
  return value != nullptr && std::string(value) == "1";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The checks every content document must pass, whatever its content.
void CheckWellFormedXhtml(const std::string& page) {
  const std::string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  CHECK(page.rfind(declaration, 0) == 0);
  CHECK(page.find("<!DOCTYPE html>") != std::string::npos);
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_string(page.c_str());
  INFO(page);
  REQUIRE(parsed);
  pugi::xml_node html = document.child("html");
  REQUIRE(html);
  CHECK(std::string(html.attribute("xmlns").value()) == "http://www.w3.org/1999/xhtml");
  CHECK(std::string(html.attribute("lang").value()) == "en");
  CHECK(std::string(html.attribute("xml:lang").value()) == "en");
  // Empty non-void elements must carry an end tag: an HTML parser would read
  // <span/> as an open tag and swallow what follows.
  for (const char* name : {"span", "a", "p", "td", "th", "code", "div", "li", "section"}) {
    CHECK(page.find("<" + std::string(name) + "/>") == std::string::npos);
  }
  size_t self_closing = page.find("/>");
  while (self_closing != std::string::npos) {
    size_t open = page.rfind('<', self_closing);
    std::string element = page.substr(open + 1, page.find_first_of(" /", open) - open - 1);
    INFO("self-closing <" << element << "/>");
    CHECK((element == "br" || element == "img" || element == "meta" || element == "link" ||
           element == "hr"));
    self_closing = page.find("/>", self_closing + 2);
  }
}

// The lesson section's content after its <header>, one top-level block a line.
std::string SectionBody(const std::string& page) {
  pugi::xml_document document;
  REQUIRE(document.load_string(page.c_str()));
  pugi::xml_node section = document.child("html").child("body").child("section");
  REQUIRE(section);
  REQUIRE(std::string(section.first_child().name()) == "header");
  size_t end = page.rfind("</section>");
  REQUIRE(end != std::string::npos);
  // offset_debug() gives the offset of an element's name, just after its '<'.
  std::vector<size_t> starts;
  for (pugi::xml_node child = section.first_child().next_sibling(); child;
       child = child.next_sibling()) {
    REQUIRE(child.type() == pugi::node_element);
    starts.push_back(static_cast<size_t>(child.offset_debug()) - 1);
  }
  REQUIRE(page.compare(starts.empty() ? end : starts.front(), 0, "") == 0);
  std::string body;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t stop = i + 1 < starts.size() ? starts[i + 1] : end;
    REQUIRE(page[starts[i]] == '<');
    body += page.substr(starts[i], stop - starts[i]) + "\n";
  }
  return body;
}

// Compares `actual` with tests/epub/expected/<name>.xhtml, or rewrites it.
void CompareWithExpected(const std::string& name, const std::string& actual) {
  std::string path = TestDataPath("expected/" + name + ".xhtml");
  if (UpdateExpected()) {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::string expected = ReadAll(path);
  INFO("expected file: " << path << " (GOBOOK_UPDATE_EXPECTED=1 rewrites it)");
  CHECK(actual == expected);
}

// The first lesson of a book made from `markdown`, as the EPUB carries it.
std::string RenderLesson(const std::string& markdown) {
  doc::Book book = MakeLessonBook(markdown);
  Plan plan = MakePlan(book);
  std::string page = LessonPage(book, plan, 0);
  CheckWellFormedXhtml(page);
  return page;
}

void CheckCase(const std::string& name, const std::string& markdown) {
  INFO("case " << name);
  CompareWithExpected(name, SectionBody(RenderLesson(markdown)));
}

TEST_CASE("a whole lesson page", "[epub][xhtml]") {
  doc::Book book = MakeLessonBook("# First *lesson*\n\nHello.\n");
  book.lessons[0].summary = "What this lesson is about.";
  Plan plan = MakePlan(book);
  std::string page = LessonPage(book, plan, 0);
  CheckWellFormedXhtml(page);
  CompareWithExpected("page", page);
}

TEST_CASE("paragraph with inline markup", "[epub][xhtml]") {
  CheckCase("paragraph",
            "# First lesson\n\n"
            "Some *emphasis*, **strong**, `a < b && c` code and ~~struck~~ text,\n"
            "a second line with < and & and \"quotes\".\n");
}

TEST_CASE("headings get ids, prefixed when they start with a digit", "[epub][xhtml]") {
  CheckCase("headings",
            "# First lesson\n\n"
            "## Getting started\n\n"
            "### A `detail`\n\n"
            "## 5 things to know\n\n"
            "#### Getting started\n\n"
            "##### Deep\n\n"
            "###### Deepest\n");
}

TEST_CASE("Go code blocks are highlighted, escaped and kept exact", "[epub][xhtml]") {
  const std::string markdown =
      "# First lesson\n\n"
      "```go\n"
      "package main\n"
      "\n"
      "import \"fmt\"\n"
      "\n"
      "// main prints a greeting.\n"
      "func main() {\n"
      "\tvar n int = 42\n"
      "\tif n < 50 && n > 0 {\n"
      "\t\tfmt.Println(\"small\", 3.14)\n"
      "\t}\n"
      "}\n"
      "```\n";
  std::string body = SectionBody(RenderLesson(markdown));
  CompareWithExpected("go_code", body);
  // Nothing between <pre> and <code>, tabs expanded to four spaces.
  CHECK(body.find("<pre class=\"code\" translate=\"no\"><code class=\"language-go\">"
                  "<span class=\"kw\">package</span> main\n") != std::string::npos);
  CHECK(body.find("}</code></pre>") != std::string::npos);
  CHECK(body.find("\n        fmt.Println") != std::string::npos);
  CHECK(body.find("n &lt; <span class=\"nu\">50</span> &amp;&amp; n &gt; ") != std::string::npos);
  for (const char* css : {"kw", "ty", "st", "co", "nu"}) {
    CHECK(body.find("<span class=\"" + std::string(css) + "\">") != std::string::npos);
  }
}

TEST_CASE("output blocks are labelled and not highlighted", "[epub][xhtml]") {
  CheckCase("output",
            "# First lesson\n\n"
            "```go\nfunc main() {}\n```\n\n"
            "```output\nsmall 3.14\n<done> & ok\n```\n");
}

TEST_CASE("other code blocks are escaped but not highlighted", "[epub][xhtml]") {
  std::string body = SectionBody(RenderLesson(
      "# First lesson\n\n```sh\n$ go run . < input.txt && echo \"ok\"\n```\n\n"
      "```\nno language\n```\n"));
  CompareWithExpected("sh_code", body);
  CHECK(body.find("<span") == std::string::npos);
}

TEST_CASE("lists: bulleted, numbered, nested, tight and loose", "[epub][xhtml]") {
  CheckCase("lists",
            "# First lesson\n\n"
            "- one\n"
            "- two\n"
            "  - nested *a*\n"
            "  - nested b\n"
            "- three\n\n"
            "3. third\n"
            "4. fourth\n\n"
            "Loose:\n\n"
            "1. loose one\n\n"
            "   more of one\n\n"
            "2. loose two\n");
}

TEST_CASE("block quote", "[epub][xhtml]") {
  CheckCase("blockquote", "# First lesson\n\n> Quoted *text*.\n>\n> Second paragraph.\n");
}

TEST_CASE("callouts of each kind", "[epub][xhtml]") {
  CheckCase("callouts",
            "# First lesson\n\n"
            "> [!NOTE]\n> A note.\n\n"
            "> [!TIP]\n> A tip with `code`.\n\n"
            "> [!WARNING]\n> A warning.\n\n"
            "> [!TRAP]\n> A trap.\n>\n> Its second paragraph.\n");
}

TEST_CASE("table with alignments", "[epub][xhtml]") {
  CheckCase("table",
            "# First lesson\n\n"
            "| Left | Center | Right | None |\n"
            "|:-----|:------:|------:|------|\n"
            "| a | `b` | 1 | x |\n"
            "| c | **d** | 22 | |\n");
}

TEST_CASE("footnotes: references and notes at the end", "[epub][xhtml]") {
  std::string body = SectionBody(RenderLesson(
      "# First lesson\n\n"
      "A claim[^a] and another[^b], then the first again[^a].\n\n"
      "## Later\n\nText.\n\n"
      "[^a]: The first note.\n"
      "[^b]: The second note, with *emphasis*.\n"));
  CompareWithExpected("footnotes", body);
  // Both references to note 1 point at it, with distinct ids.
  CHECK(body.find("id=\"fnref.1\" href=\"#fn.1\"") != std::string::npos);
  CHECK(body.find("id=\"fnref.1.2\" href=\"#fn.1\"") != std::string::npos);
  // The notes come last, after the lesson's last section.
  CHECK(body.find("<div class=\"footnotes\">") > body.find("<h2 id=\"later\">"));
}

TEST_CASE("links: another lesson, this lesson, the web", "[epub][xhtml]") {
  CheckCase("links",
            "# First lesson\n\n"
            "See [the next lesson](02-second.md), [its anchor](02-second.md#second-anchor),\n"
            "[a section](#local-section) and [Go](https://go.dev \"The Go site\").\n\n"
            "## Local section\n\nText.\n");
}

TEST_CASE("images are referred to by their planned file", "[epub][xhtml]") {
  std::string markdown =
      "# First lesson\n\n"
      "![A slice header](../images/slice-header.svg)\n\n"
      "![A photo](<../images/my photo+café.JPEG> \"Taken in 2020\")\n\n"
      "![Again](../images/slice-header.svg)\n";
  CheckCase("images", markdown);
}

TEST_CASE("remote images are shown as a link with their description", "[epub][xhtml]") {
  CheckCase("remote_image",
            "# First lesson\n\n"
            "![The Go gopher](https://go.dev/images/gopher.png) and "
            "![](https://example.com/no-alt.png)\n");
}

TEST_CASE("raw inline HTML is written as XHTML", "[epub][xhtml]") {
  CheckCase("raw_inline",
            "# First lesson\n\n"
            "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>Then x<sup>2</sup>, H<sub>2</sub>O,\n"
            "<abbr title=\"Garbage collector\">GC</abbr> and an empty "
            "<span class=\"gap\"></span> span, <span lang=\"fr\">bonjour</span>.\n");
}

TEST_CASE("a raw <div> holds Markdown", "[epub][xhtml]") {
  CheckCase("div",
            "# First lesson\n\n"
            "<div class=\"x\">\n\n"
            "Some **markdown** inside.\n\n"
            "- item\n\n"
            "</div>\n");
}

TEST_CASE("<details> with a <summary>", "[epub][xhtml]") {
  CheckCase("details",
            "# First lesson\n\n"
            "<details>\n<summary>Show the <kbd>answer</kbd></summary>\n\n"
            "The answer is `42`.\n\n"
            "</details>\n\n"
            "<details open>\n<summary>Open</summary>\n\nShown.\n\n</details>\n");
}

TEST_CASE("empty elements get an end tag; thematic breaks and hard breaks do not",
          "[epub][xhtml]") {
  CheckCase("empty_elements",
            "# First lesson\n\n"
            "An empty link [](https://example.com) and <span class=\"x\"></span>.\\\n"
            "After a hard break.\n\n"
            "---\n\n"
            "| A | B |\n|---|---|\n| | 1 |\n");
}

}  // namespace
}  // namespace gobook::epub
