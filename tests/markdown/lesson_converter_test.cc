// Unit tests for the lesson converter: Markdown text in, document model and
// diagnostics out. Diagnostics are compared verbatim, place and hint included.
#include "markdown/lesson_converter.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "support/diagnostics_text.h"
#include "support/model_dump.h"

namespace gobook::markdown {
namespace {

using doc::BlockKind;
using doc::InlineKind;
using testing::DumpBlocks;
using testing::DumpInlines;
using testing::DumpLesson;

struct Converted {
  doc::Lesson lesson;
  std::string diagnostics;
};

Converted Convert(std::string_view text) {
  Converted out;
  out.lesson.source_path = "l.md";
  DiagnosticSink sink;
  ConvertLesson(text, &out.lesson, &sink);
  out.diagnostics = testing::AllDiagnostics(sink);
  return out;
}

// The diagnostics of a lesson whose body (after "# T" and a blank line) is `body`:
// the body's first line is line 3.
std::string ErrorsInBody(std::string_view body) {
  return Convert("# T\n\n" + std::string(body)).diagnostics;
}

// The body blocks of a lesson made of "# T", a blank line and `body`.
std::string BodyDump(std::string_view body) {
  Converted converted = Convert("# T\n\n" + std::string(body));
  INFO(converted.diagnostics);
  CHECK(converted.diagnostics.empty());
  return DumpBlocks(converted.lesson.blocks);
}

// ---- Title ------------------------------------------------------------------

TEST_CASE("ConvertLesson: the level-1 heading is the lesson's title", "[markdown][converter]") {
  Converted c = Convert("# The *append* trap\n\nBody text.\n\n## Setup\n");
  CHECK(c.diagnostics.empty());
  CHECK(c.lesson.title == "The append trap");
  CHECK(DumpInlines(c.lesson.title_inlines) ==
        "text \"The \"\n"
        "emph\n"
        "  text \"append\"\n"
        "text \" trap\"\n");
  // The title is not part of the body.
  CHECK(DumpBlocks(c.lesson.blocks) ==
        "paragraph\n"
        "  text \"Body text.\"\n"
        "heading 2\n"
        "  text \"Setup\"\n");
}

TEST_CASE("ConvertLesson: a title with inline code keeps the code's text", "[markdown][converter]") {
  Converted c = Convert("# Using `errors.Is`\n");
  CHECK(c.diagnostics.empty());
  CHECK(c.lesson.title == "Using errors.Is");
}

TEST_CASE("ConvertLesson: a lesson without a level-1 heading is an error", "[markdown][converter]") {
  // Only the missing title: the section heading would be a cascade.
  CHECK(Convert("Just text.\n\n## A section\n").diagnostics ==
        "l.md:1:1: error: the lesson has no title\n"
        "hint: start the lesson with a level-1 heading: '# Title'\n");
  CHECK(Convert("").diagnostics ==
        "l.md:1:1: error: the lesson has no title\n"
        "hint: start the lesson with a level-1 heading: '# Title'\n");
}

TEST_CASE("ConvertLesson: a section heading before the title is an error", "[markdown][converter]") {
  CHECK(Convert("Intro.\n\n## Setup\n\n# Title\n").diagnostics ==
        "l.md:3:1: error: a section heading comes before the lesson's title\n"
        "hint: start the lesson with '# Title'\n");
}

TEST_CASE("ConvertLesson: a second level-1 heading is an error at its place", "[markdown][converter]") {
  Converted c = Convert("# One\n\ntext\n\n# Two\n");
  CHECK(c.diagnostics ==
        "l.md:5:1: error: a lesson has one title (a level-1 heading); this is a second one\n"
        "hint: use '##' for a section heading\n");
  CHECK(DumpInlines(c.lesson.title_inlines) == "text \"One\"\n");
}

TEST_CASE("ConvertLesson: the title text matches the title inlines when there are two H1s",
          "[markdown][converter]") {
  // Regression (fixed): title_text_ is overwritten by every level-1 heading converted, so the
  // plain title is the last H1's while title_inlines are the first's.
  Converted c = Convert("# One\n\ntext\n\n# Two\n");
  CHECK(c.lesson.title == "One");
}

TEST_CASE("ConvertLesson: a level-1 heading inside a block quote does not change the title",
          "[markdown][converter]") {
  // A nested H1 (in a quote, list, callout or <div>) is not the title: it is
  // reported, and the title stays the first top-level H1.
  Converted c = Convert("# Real title\n\n> # Quoted heading\n");
  CHECK(c.diagnostics ==
        "l.md:3:3: error: a level-1 heading is the lesson's title and cannot be nested\n"
        "hint: use '##' or below inside quotes, lists and HTML blocks\n");
  CHECK(DumpInlines(c.lesson.title_inlines) == "text \"Real title\"\n");
  CHECK(c.lesson.title == "Real title");
}

// ---- Callouts ---------------------------------------------------------------

TEST_CASE("ConvertLesson: GitHub alerts become callouts without their marker", "[markdown][converter]") {
  CHECK(BodyDump("> [!NOTE]\n> Slices share memory.\n") ==
        "callout note\n"
        "  paragraph\n"
        "    text \"Slices share memory.\"\n");
  CHECK(BodyDump("> [!TIP]\n> Use `copy`.\n") ==
        "callout tip\n"
        "  paragraph\n"
        "    text \"Use \"\n"
        "    code \"copy\"\n"
        "    text \".\"\n");
  CHECK(BodyDump("> [!WARNING]\n> Careful.\n") ==
        "callout warning\n"
        "  paragraph\n"
        "    text \"Careful.\"\n");
  CHECK(BodyDump("> [!TRAP]\n> Gotcha.\n") ==
        "callout trap\n"
        "  paragraph\n"
        "    text \"Gotcha.\"\n");
}

TEST_CASE("ConvertLesson: callout markers are case-insensitive", "[markdown][converter]") {
  CHECK(BodyDump("> [!note]\n> a\n") == "callout note\n  paragraph\n    text \"a\"\n");
  CHECK(BodyDump("> [!Tip]\n> a\n") == "callout tip\n  paragraph\n    text \"a\"\n");
  CHECK(BodyDump("> [!wArNiNg]\n> a\n") == "callout warning\n  paragraph\n    text \"a\"\n");
  CHECK(BodyDump("> [!trap]\n> a\n") == "callout trap\n  paragraph\n    text \"a\"\n");
}

TEST_CASE("ConvertLesson: a callout marker on a paragraph of its own is removed with it",
          "[markdown][converter]") {
  CHECK(BodyDump("> [!NOTE]\n>\n> First.\n>\n> Second.\n") ==
        "callout note\n"
        "  paragraph\n"
        "    text \"First.\"\n"
        "  paragraph\n"
        "    text \"Second.\"\n");
  CHECK(BodyDump("> [!TIP]\n") == "callout tip\n");
}

TEST_CASE("ConvertLesson: a marker followed by a hard break still makes a callout", "[markdown][converter]") {
  CHECK(BodyDump("> [!NOTE]\\\n> Text.\n") ==
        "callout note\n"
        "  paragraph\n"
        "    text \"Text.\"\n");
}

TEST_CASE("ConvertLesson: an unknown callout is an error at the marker", "[markdown][converter]") {
  CHECK(ErrorsInBody("> [!IMPORTANT]\n> Read this.\n") ==
        "l.md:3:3: error: unknown callout '[!IMPORTANT]'\n"
        "hint: use [!NOTE], [!TIP], [!WARNING] or [!TRAP]\n");
  CHECK(ErrorsInBody("Intro.\n\n>   [!caution]\n").find("l.md:5:5: error: unknown callout '[!caution]'\n") == 0);
}

TEST_CASE("ConvertLesson: a quote that only mentions a marker is a plain block quote", "[markdown][converter]") {
  CHECK(BodyDump("> See [!NOTE] below.\n") ==
        "quote\n"
        "  paragraph\n"
        "    text \"See [!NOTE] below.\"\n");
  CHECK(BodyDump("> First line.\n> [!NOTE]\n") ==
        "quote\n"
        "  paragraph\n"
        "    text \"First line.\"\n"
        "    softbreak\n"
        "    text \"[!NOTE]\"\n");
  // Text on the marker's line: not GitHub's alert syntax.
  CHECK(BodyDump("> [!NOTE] inline text\n") ==
        "quote\n"
        "  paragraph\n"
        "    text \"[!NOTE] inline text\"\n");
  CHECK(BodyDump("> Just a quote.\n") == "quote\n  paragraph\n    text \"Just a quote.\"\n");
}

// ---- Code blocks ------------------------------------------------------------

TEST_CASE("ConvertLesson: fence info strings give the code block's role and language", "[markdown][converter]") {
  CHECK(BodyDump("```go\npackage main\n```\n") ==
        "code program lang=\"go\" \"package main\"\n");
  CHECK(BodyDump("```go fragment\nx := 1\n```\n") ==
        "code fragment lang=\"go\" \"x := 1\"\n");
  CHECK(BodyDump("```output\nhello\n```\n") == "code output lang=\"output\" \"hello\"\n");
  CHECK(BodyDump("```sh\ngo test ./...\n```\n") == "code other lang=\"sh\" \"go test ./...\"\n");
  CHECK(BodyDump("```\nplain\n```\n") == "code other lang=\"\" \"plain\"\n");
  CHECK(BodyDump("~~~Go\nfunc main() {}\n~~~\n") ==
        "code program lang=\"go\" \"func main() {}\"\n");
  CHECK(BodyDump("```golang\nx\n```\n") == "code other lang=\"golang\" \"x\"\n");
  CHECK(BodyDump("    indented code\n") == "code other lang=\"\" \"indented code\"\n");
}

TEST_CASE("ConvertLesson: the whole info string is kept", "[markdown][converter]") {
  Converted c = Convert("# T\n\n```go  fragment title=x  \nx\n```\n");
  REQUIRE(c.lesson.blocks.size() == 1);
  CHECK(c.lesson.blocks[0].info == "go  fragment title=x");
  CHECK(c.lesson.blocks[0].code_role == doc::CodeRole::kFragment);
}

TEST_CASE("ConvertLesson: code has tabs expanded to 4 columns and no final newline", "[markdown][converter]") {
  CHECK(BodyDump("```go\nfunc f() {\n\treturn\n}\n```\n") ==
        "code program lang=\"go\" \"func f() {\\n    return\\n}\"\n");
  CHECK(BodyDump("```go\nx :=\t1 //\tone\n```\n") ==
        "code program lang=\"go\" \"x :=    1 //    one\"\n");
  // Blank lines inside the code are kept; only the final newline goes.
  CHECK(BodyDump("```\na\n\nb\n\n```\n") == "code other lang=\"\" \"a\\n\\nb\\n\"\n");
  CHECK(BodyDump("```\n```\n") == "code other lang=\"\" \"\"\n");
}

// ---- Tables -----------------------------------------------------------------

TEST_CASE("ConvertLesson: tables keep alignments, header and rows; short rows are padded",
          "[markdown][converter]") {
  Converted c = Convert(
      "# T\n\n"
      "| Name | Left | Center | Right |\n"
      "|------|:-----|:------:|------:|\n"
      "| a | **b** | `c` | d |\n"
      "| only |\n");
  CHECK(c.diagnostics.empty());
  REQUIRE(c.lesson.blocks.size() == 1);
  const doc::Block& table = c.lesson.blocks[0];
  CHECK(table.kind == BlockKind::kTable);
  CHECK(table.header.size() == 4);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].size() == 4);
  CHECK(table.rows[1].size() == 4);
  CHECK(DumpBlocks(c.lesson.blocks) ==
        "table none left center right\n"
        "  header\n"
        "    cell\n"
        "      text \"Name\"\n"
        "    cell\n"
        "      text \"Left\"\n"
        "    cell\n"
        "      text \"Center\"\n"
        "    cell\n"
        "      text \"Right\"\n"
        "  row\n"
        "    cell\n"
        "      text \"a\"\n"
        "    cell\n"
        "      strong\n"
        "        text \"b\"\n"
        "    cell\n"
        "      code \"c\"\n"
        "    cell\n"
        "      text \"d\"\n"
        "  row\n"
        "    cell\n"
        "      text \"only\"\n"
        "    cell\n"
        "    cell\n"
        "    cell\n");
}

TEST_CASE("ConvertLesson: extra cells in a table row are dropped", "[markdown][converter]") {
  Converted c = Convert("# T\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n");
  REQUIRE(c.lesson.blocks.size() == 1);
  REQUIRE(c.lesson.blocks[0].rows.size() == 1);
  CHECK(c.lesson.blocks[0].rows[0].size() == 2);
}

// ---- Footnotes --------------------------------------------------------------

TEST_CASE("ConvertLesson: footnotes are numbered by first reference", "[markdown][converter]") {
  Converted c = Convert(
      "# T\n\n"
      "Text[^b] and[^a] again[^b].\n\n"
      "[^a]: Note A.\n\n"
      "[^b]: Note B.\n\n"
      "[^unused]: Never referenced.\n");
  CHECK(c.diagnostics.empty());
  CHECK(DumpLesson(c.lesson) ==
        "title \"T\"\n"
        "  text \"T\"\n"
        "paragraph\n"
        "  text \"Text\"\n"
        "  footnote 0\n"
        "  text \" and\"\n"
        "  footnote 1\n"
        "  text \" again\"\n"
        "  footnote 0\n"
        "  text \".\"\n"
        "footnote 0\n"
        "  paragraph\n"
        "    text \"Note B.\"\n"
        "footnote 1\n"
        "  paragraph\n"
        "    text \"Note A.\"\n");
}

TEST_CASE("ConvertLesson: a footnote definition keeps its place in the file", "[markdown][converter]") {
  Converted c = Convert("# T\n\nSee[^x].\n\n[^x]: The note.\n");
  REQUIRE(c.lesson.footnotes.size() == 1);
  CHECK(c.lesson.footnotes[0].pos.file == "l.md");
  CHECK(c.lesson.footnotes[0].pos.line == 5);
}

// ---- Raw inline HTML --------------------------------------------------------

TEST_CASE("ConvertLesson: <br> is a line break", "[markdown][converter][html]") {
  CHECK(BodyDump("a<br>b\n") ==
        "paragraph\n"
        "  text \"a\"\n"
        "  linebreak\n"
        "  text \"b\"\n");
  CHECK(BodyDump("a<br/>b<BR />c\n") ==
        "paragraph\n"
        "  text \"a\"\n"
        "  linebreak\n"
        "  text \"b\"\n"
        "  linebreak\n"
        "  text \"c\"\n");
}

TEST_CASE("ConvertLesson: allowed inline elements hold their content", "[markdown][converter][html]") {
  CHECK(BodyDump("Press <kbd>Ctrl</kbd>.\n") ==
        "paragraph\n"
        "  text \"Press \"\n"
        "  <kbd>\n"
        "    text \"Ctrl\"\n"
        "  text \".\"\n");
  CHECK(BodyDump("x<sup>2</sup> and H<sub>2</sub>O\n") ==
        "paragraph\n"
        "  text \"x\"\n"
        "  <sup>\n"
        "    text \"2\"\n"
        "  text \" and H\"\n"
        "  <sub>\n"
        "    text \"2\"\n"
        "  text \"O\"\n");
  CHECK(BodyDump("<abbr title=\"GNU's Not Unix\">GNU</abbr> <span class=\"k\" lang=\"en\">*x*</span>\n") ==
        "paragraph\n"
        "  <abbr title=\"GNU's Not Unix\">\n"
        "    text \"GNU\"\n"
        "  text \" \"\n"
        "  <span class=\"k\" lang=\"en\">\n"
        "    emph\n"
        "      text \"x\"\n");
  CHECK(BodyDump("<kbd><kbd>Ctrl</kbd>+<kbd>C</kbd></kbd>\n") ==
        "paragraph\n"
        "  <kbd>\n"
        "    <kbd>\n"
        "      text \"Ctrl\"\n"
        "    text \"+\"\n"
        "    <kbd>\n"
        "      text \"C\"\n");
}

TEST_CASE("ConvertLesson: an <img> becomes an image", "[markdown][converter][html]") {
  CHECK(BodyDump("See <img src=\"../images/a.png\" alt=\"A\"> here.\n") ==
        "paragraph\n"
        "  text \"See \"\n"
        "  image \"../images/a.png\" alt=\"A\"\n"
        "  text \" here.\"\n");
  // On a line of its own it is an HTML block, and still an image in a paragraph.
  Converted block = Convert("# T\n\n<img src=\"../images/a.png\" alt=\"A\">\n");
  CHECK(block.diagnostics.empty());
  REQUIRE(block.lesson.blocks.size() == 1);
  CHECK(block.lesson.blocks[0].kind == BlockKind::kParagraph);
  REQUIRE_FALSE(block.lesson.blocks[0].inlines.empty());
  CHECK(DumpInlines({block.lesson.blocks[0].inlines[0]}) ==
        "image \"../images/a.png\" alt=\"A\"\n");
  // Anything after the image is the block's final newline.
  for (size_t i = 1; i < block.lesson.blocks[0].inlines.size(); ++i) {
    CHECK(block.lesson.blocks[0].inlines[i].kind == InlineKind::kText);
    CHECK(block.lesson.blocks[0].inlines[i].text == "\n");
  }
  CHECK(ErrorsInBody("An <img alt=\"x\"> here.\n") ==
        "l.md:3:4: error: <img> needs a 'src' attribute\n");
}

TEST_CASE("ConvertLesson: an unclosed inline element is an error at its open tag", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("Press <kbd>Ctrl now.\n") ==
        "l.md:3:7: error: <kbd> is never closed\n"
        "hint: close it in the same paragraph: '</kbd>'\n");
}

TEST_CASE("ConvertLesson: a close tag without its open tag is an error", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("a </kbd> b\n") == "l.md:3:3: error: </kbd> closes nothing\n");
  CHECK(ErrorsInBody("<sup>a</sub></sup>\n") ==
        "l.md:3:7: error: </sub> closes nothing\n"
        "hint: the open element is <sup>\n");
}

TEST_CASE("ConvertLesson: an error on line 7 column 12 says so", "[markdown][converter][html]") {
  CHECK(Convert("# T\n\nOne.\n\nTwo.\n\nThen press <kbd>Esc.\n").diagnostics ==
        "l.md:7:12: error: <kbd> is never closed\n"
        "hint: close it in the same paragraph: '</kbd>'\n");
  // The same place on the second line of a paragraph.
  CHECK(Convert("# T\n\nOne.\n\nTwo.\nThree\nThen press <kbd>Esc.\n").diagnostics ==
        "l.md:7:12: error: <kbd> is never closed\n"
        "hint: close it in the same paragraph: '</kbd>'\n");
}

TEST_CASE("ConvertLesson: inline HTML errors in a block quote point at the file's column",
          "[markdown][converter][html]") {
  CHECK(Convert("# T\n\n> Press <kbd>Esc.\n").diagnostics ==
        "l.md:3:9: error: <kbd> is never closed\n"
        "hint: close it in the same paragraph: '</kbd>'\n");
}

TEST_CASE("ConvertLesson: inline HTML errors on a later line of a quoted paragraph point at the file's column",
          "[markdown][converter][html]") {
  // Line 4 is "> Then <kbd>Esc." : the tag starts at column 8 of the file.
  CHECK(Convert("# T\n\n> First line,\n> then <kbd>Esc.\n").diagnostics ==
        "l.md:4:8: error: <kbd> is never closed\n"
        "hint: close it in the same paragraph: '</kbd>'\n");
}

TEST_CASE("ConvertLesson: <script> is refused with the allowed list", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("Run <script>alert(1)</script> now.\n") ==
        "l.md:3:5: error: HTML tag <script> is not allowed in a lesson\n"
        "hint: allowed tags: br, sup, sub, kbd, abbr, span, div, details, summary, img\n"
        "l.md:3:21: error: HTML tag <script> is not allowed in a lesson\n"
        "hint: allowed tags: br, sup, sub, kbd, abbr, span, div, details, summary, img\n");
  // As an HTML block (cmark's type 1) it is one piece and one error.
  CHECK(ErrorsInBody("<script>\nalert(1)\n</script>\n") ==
        "l.md:3:1: error: HTML tag <script> is not allowed in a lesson\n"
        "hint: allowed tags: br, sup, sub, kbd, abbr, span, div, details, summary, img\n");
}

TEST_CASE("ConvertLesson: &nbsp; in raw HTML is an entity error", "[markdown][converter][html]") {
  // In an attribute value. The rejected <span>'s close tag is not reported again.
  CHECK(ErrorsInBody("See <span title=\"a&nbsp;b\">x</span>.\n") ==
        "l.md:3:19: error: entity '&nbsp;' is not defined in XHTML\n"
        "hint: write the character itself, or a numeric reference such as '&#160;'\n");
  // Between tags of an HTML block, which is raw HTML as a whole.
  CHECK(ErrorsInBody("<div>&nbsp;</div>\n") ==
        "l.md:3:6: error: entity '&nbsp;' is not defined in XHTML\n"
        "hint: write the character itself, or a numeric reference such as '&#160;'\n");
}

TEST_CASE("ConvertLesson: &nbsp; in Markdown text is decoded by cmark, not refused", "[markdown][converter][html]") {
  CHECK(BodyDump("<kbd>a&nbsp;b</kbd>\n") ==
        "paragraph\n"
        "  <kbd>\n"
        "    text \"a\xC2\xA0" "b\"\n");
}

TEST_CASE("ConvertLesson: event attributes are refused", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("Click <span onclick=\"go()\">me</span>\n") ==
        "l.md:3:13: error: event attribute 'onclick' is not allowed\n");
  // Only one close tag is forgiven per rejected open tag.
  CHECK(ErrorsInBody("<span onclick=\"go()\">me</span></span>\n") ==
        "l.md:3:7: error: event attribute 'onclick' is not allowed\n"
        "l.md:3:31: error: </span> closes nothing\n");
  CHECK(ErrorsInBody("a<br onmouseover=\"x\">b\n") ==
        "l.md:3:6: error: event attribute 'onmouseover' is not allowed\n");
}

TEST_CASE("ConvertLesson: block elements cannot appear inside a paragraph", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("Text <div>x</div> more.\n") ==
        "l.md:3:6: error: <div> cannot appear inside a paragraph\n"
        "hint: put it on a line of its own, with blank lines around it\n"
        "l.md:3:12: error: </div> closes nothing\n");
}

// ---- Raw HTML blocks --------------------------------------------------------

TEST_CASE("ConvertLesson: a <div> around Markdown blocks holds them", "[markdown][converter][html]") {
  Converted c = Convert(
      "# T\n\n"
      "<div class=\"x\">\n\n"
      "Some *markdown*.\n\n"
      "- item\n\n"
      "</div>\n\n"
      "After.\n");
  CHECK(c.diagnostics.empty());
  CHECK(DumpBlocks(c.lesson.blocks, {true}) ==
        "<div class=\"x\"> @3:1\n"
        "  paragraph @5:1\n"
        "    text \"Some \" @5:1\n"
        "    emph @5:6\n"
        "      text \"markdown\" @5:7\n"
        "    text \".\" @5:16\n"
        "  list bullet tight @7:1\n"
        "    item\n"
        "      paragraph @7:3\n"
        "        text \"item\" @7:3\n"
        "paragraph @11:1\n"
        "  text \"After.\" @11:1\n");
}

TEST_CASE("ConvertLesson: <div> elements nest", "[markdown][converter][html]") {
  CHECK(BodyDump("<div class=\"a\">\n\n<div class=\"b\">\n\nIn.\n\n</div>\n\n</div>\n") ==
        "<div class=\"a\">\n"
        "  <div class=\"b\">\n"
        "    paragraph\n"
        "      text \"In.\"\n");
}

TEST_CASE("ConvertLesson: an unclosed <div> is an error at the div", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("Intro.\n\n<div class=\"x\">\n\nText.\n") ==
        "l.md:5:1: error: <div> is never closed\n"
        "hint: add '</div>' on a line of its own, after a blank line\n");
  CHECK(ErrorsInBody("</div>\n") == "l.md:3:1: error: </div> closes nothing\n");
  CHECK(ErrorsInBody("<div>\n\n</details>\n") ==
        "l.md:5:1: error: </details> closes nothing\n"
        "hint: the open element is <div>\n"
        "l.md:3:1: error: <div> is never closed\n"
        "hint: add '</div>' on a line of its own, after a blank line\n");
}

TEST_CASE("ConvertLesson: <details> with a <summary>", "[markdown][converter][html]") {
  CHECK(BodyDump("<details><summary>Hi <kbd>x</kbd></summary>\n\nBody.\n\n</details>\n") ==
        "<details>\n"
        "  <summary>\n"
        "    text \"Hi \"\n"
        "    <kbd>\n"
        "      text \"x\"\n"
        "  paragraph\n"
        "    text \"Body.\"\n");
  CHECK(BodyDump("<details open>\n<summary>More</summary>\n\nBody.\n\n</details>\n") ==
        "<details open=\"open\">\n"
        "  <summary>\n"
        "    text \"More\"\n"
        "  paragraph\n"
        "    text \"Body.\"\n");
}

TEST_CASE("ConvertLesson: <summary> outside <details> is an error", "[markdown][converter][html]") {
  CHECK(ErrorsInBody("<div><summary>x</summary>\n\n</div>\n") ==
        "l.md:3:6: error: <summary> belongs inside <details>\n");
}

TEST_CASE("ConvertLesson: HTML block errors on a later line point at the file's line and column",
          "[markdown][converter][html]") {
  CHECK(ErrorsInBody("<div class=\"x\"\n     title=\"a&nbsp;b\">\n").find(
            "l.md:4:14: error: entity '&nbsp;' is not defined in XHTML\n"
            "hint: write the character itself, or a numeric reference such as '&#160;'\n") == 0);
}

TEST_CASE("ConvertLesson: HTML block errors inside a block quote point at the file's column",
          "[markdown][converter][html]") {
  // Line 4 is '> title="a&nbsp;b">': the '&' is at column 11 of the file.
  // Regression (fixed): the column is counted from the start of cmark's literal, which has the
  // "> " prefix removed, so the error says column 9.
  CHECK(ErrorsInBody("> <div class=\"x\"\n> title=\"a&nbsp;b\">\n").find(
        "l.md:4:11: error: entity '&nbsp;' is not defined in XHTML\n"
        "hint: write the character itself, or a numeric reference such as '&#160;'\n") == 0);
}

TEST_CASE("ConvertLesson: a rejected <div> open tag does not also report its close tag",
          "[markdown][converter][html]") {
  CHECK(ErrorsInBody("<div onclick=\"x()\">\n\nText.\n\n</div>\n") ==
        "l.md:3:6: error: event attribute 'onclick' is not allowed\n");
}

TEST_CASE("ConvertLesson: HTML comments are dropped", "[markdown][converter][html]") {
  CHECK(BodyDump("<!-- a note for the author -->\n\nText <!-- hidden --> here.\n") ==
        "paragraph\n"
        "  text \"Text \"\n"
        "  text \" here.\"\n");
}

// ---- Other blocks -----------------------------------------------------------

TEST_CASE("ConvertLesson: lists, rules, links and images", "[markdown][converter]") {
  CHECK(BodyDump("3. one\n4. two\n\n---\n\n- a\n\n- b\n") ==
        "list ordered start=3 tight\n"
        "  item\n"
        "    paragraph\n"
        "      text \"one\"\n"
        "  item\n"
        "    paragraph\n"
        "      text \"two\"\n"
        "rule\n"
        "list bullet loose\n"
        "  item\n"
        "    paragraph\n"
        "      text \"a\"\n"
        "  item\n"
        "    paragraph\n"
        "      text \"b\"\n");
  CHECK(BodyDump("[next](02-b.md#setup) ![A *cat*](../images/cat.png \"t\") ~~old~~\n") ==
        "paragraph\n"
        "  link \"02-b.md#setup\"\n"
        "    text \"next\"\n"
        "  text \" \"\n"
        "  image \"../images/cat.png\" alt=\"A cat\"\n"
        "  text \" \"\n"
        "  strike\n"
        "    text \"old\"\n");
}

TEST_CASE("ConvertLesson: positions of blocks and inlines", "[markdown][converter]") {
  Converted c = Convert("# T\n\n## Sub\n\nSome `code` here.\n");
  CHECK(DumpBlocks(c.lesson.blocks, {true}) ==
        "heading 2 @3:1\n"
        "  text \"Sub\" @3:4\n"
        "paragraph @5:1\n"
        "  text \"Some \" @5:1\n"
        "  code \"code\" @5:7\n"  // cmark places a code span at its content
        "  text \" here.\" @5:12\n");
  CHECK(c.lesson.blocks[0].pos.file == "l.md");
}

// ---- Nesting ----------------------------------------------------------------

std::string NestedQuotes(int levels) {
  std::string text;
  for (int i = 0; i < levels; ++i) text += "> ";
  return text + "deep\n";
}

TEST_CASE("ConvertLesson: ten levels of quotes are allowed, the eleventh is an error once",
          "[markdown][converter]") {
  CHECK(ErrorsInBody(NestedQuotes(10)).empty());
  CHECK(ErrorsInBody(NestedQuotes(11)) ==
        "l.md:3:21: error: lists and block quotes nested 11 levels deep; gobook allows 10\n"
        "hint: flatten the structure: readers lose their way after three or four levels\n");
  // Far deeper input stops at the limit: one error, and no descent that could
  // exhaust the stack.
  CHECK(ErrorsInBody(NestedQuotes(20000)) == ErrorsInBody(NestedQuotes(11)));
}

TEST_CASE("ConvertLesson: lists count toward the same nesting limit as quotes",
          "[markdown][converter]") {
  std::string lists;
  for (int i = 0; i < 11; ++i) lists += std::string(static_cast<size_t>(2 * i), ' ') + "- item\n";
  CHECK(ErrorsInBody(lists).find("l.md:13:21: error: lists and block quotes nested 11 levels") ==
        0);
  CHECK(ErrorsInBody("> - > - > - > - > - x\n").empty());
}

// ---- Characters XML forbids -------------------------------------------------

TEST_CASE("ConvertLesson: a raw control character is an error at its place, nothing converted",
          "[markdown][converter]") {
  CHECK(ErrorsInBody("ok\n\na\x01" "b\n") ==
        "l.md:5:2: error: control character U+0001 in the text\n"
        "hint: delete it: XML, and so EPUB, forbids it\n");
  CHECK(ErrorsInBody("tab\there\r\n").empty());
}

TEST_CASE("ConvertLesson: a reference to a character XML forbids is an error",
          "[markdown][converter]") {
  CHECK(ErrorsInBody("x &#1; y\n").find("l.md:3:1: error: character reference to U+0001") == 0);
  CHECK(ErrorsInBody("&#xFFFF;\n").find("character reference to a noncharacter") != std::string::npos);
  CHECK(ErrorsInBody("&#233; &#x2014;\n").empty());
}

}  // namespace
}  // namespace gobook::markdown

