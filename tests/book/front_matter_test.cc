// Unit tests for lesson front matter: TOML between '+++' lines, blanked out of
// the Markdown so that line numbers still match the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "book/book.h"
#include "markdown/lesson_converter.h"
#include "support/diagnostics_text.h"

namespace gobook::book {
namespace {

struct Read {
  std::string markdown;
  FrontMatter front;
  std::string diagnostics;
};

Read ReadIt(std::string_view text) {
  DiagnosticSink sink;
  Read out;
  out.markdown = ReadFrontMatter(text, "book/lessons/01.md", &out.front, &sink);
  out.diagnostics = testing::AllDiagnostics(sink);
  return out;
}

long Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

TEST_CASE("ReadFrontMatter reads the summary and blanks the front matter", "[book][front_matter]") {
  const std::string text =
      "+++\n"
      "summary = \"Why Go exists.\"\n"
      "+++\n"
      "# Why Go\n"
      "\n"
      "Text.\n";
  Read r = ReadIt(text);
  CHECK(r.diagnostics.empty());
  CHECK(r.front.summary == "Why Go exists.");
  CHECK(r.markdown.size() == text.size());
  CHECK(Lines(r.markdown) == Lines(text));
  CHECK(r.markdown.substr(r.markdown.find('#')) == "# Why Go\n\nText.\n");
  CHECK(r.markdown.find_first_not_of(" \n") == r.markdown.find('#'));

  // The Markdown stage sees the title on the file's line 4.
  doc::Lesson lesson;
  lesson.source_path = "book/lessons/01.md";
  DiagnosticSink sink;
  markdown::ConvertLesson(r.markdown, &lesson, &sink);
  CHECK(testing::AllDiagnostics(sink).empty());
  CHECK(lesson.title == "Why Go");
  REQUIRE_FALSE(lesson.title_inlines.empty());
  CHECK(lesson.title_inlines[0].pos.line == 4);
  REQUIRE(lesson.blocks.size() == 1);
  CHECK(lesson.blocks[0].pos.line == 6);
}

TEST_CASE("ReadFrontMatter returns a file without front matter unchanged", "[book][front_matter]") {
  const std::string text = "# Title\n\n+++\nsummary = \"x\"\n+++\n";
  Read r = ReadIt(text);
  CHECK(r.markdown == text);
  CHECK(r.front.summary.empty());
  CHECK(r.diagnostics.empty());
  CHECK(ReadIt("").markdown.empty());
  CHECK(ReadIt("+++").markdown == "+++");  // one line, no newline
}

TEST_CASE("ReadFrontMatter accepts fence lines with surrounding spaces", "[book][front_matter]") {
  Read r = ReadIt("+++  \nsummary = \"S\"\n +++\n# T\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.front.summary == "S");
  CHECK(Lines(r.markdown) == 4);
}

TEST_CASE("ReadFrontMatter: empty front matter is fine", "[book][front_matter]") {
  Read r = ReadIt("+++\n+++\n# T\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.front.summary.empty());
  CHECK(r.markdown == "   \n   \n# T\n");
}

TEST_CASE("ReadFrontMatter: unclosed front matter is an error", "[book][front_matter]") {
  const std::string text = "+++\nsummary = \"x\"\n# Title\n";
  Read r = ReadIt(text);
  CHECK(r.diagnostics ==
        "book/lessons/01.md:1:1: error: front matter is not closed\n"
        "hint: end it with a line '+++'\n");
  CHECK(r.markdown == text);
}

TEST_CASE("ReadFrontMatter: an unknown key is an error at its line", "[book][front_matter]") {
  // The front matter starts on the file's line 2, so its third line is line 4.
  Read r = ReadIt("+++\n# the summary for the contents page\n\nsumary = \"x\"\n+++\n# T\n");
  CHECK(r.diagnostics ==
        "book/lessons/01.md:4:1: error: unknown key 'sumary' in front matter\n"
        "hint: did you mean 'summary'?\n");
  CHECK(ReadIt("+++\nsummary = \"s\"\nweight = 3\n+++\n").diagnostics ==
        "book/lessons/01.md:3:1: error: unknown key 'weight' in front matter\n");
}

TEST_CASE("ReadFrontMatter: a summary that is not a string is an error", "[book][front_matter]") {
  CHECK(ReadIt("+++\nsummary = 42\n+++\n").diagnostics ==
        "book/lessons/01.md:2:11: error: 'summary' must be a string\n");
}

TEST_CASE("ReadFrontMatter: a TOML syntax error is reported at its line", "[book][front_matter]") {
  Read r = ReadIt("+++\nsummary = \"fine\"\nsummary_two = \n+++\n# T\n");
  // toml++'s description, its first letter lowered; column 15 is the newline.
  CHECK(r.diagnostics ==
        "book/lessons/01.md:3:15: error: error while parsing key-value pair: expected value, "
        "saw '\\n'\n");
  // The front matter is still blanked, so the Markdown keeps its lines.
  CHECK(Lines(r.markdown) == 5);
}

}  // namespace
}  // namespace gobook::book
