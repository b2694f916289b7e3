// Unit tests for read times: words / 230 + code lines / 40, rounded half up, at
// least one minute.
#include <catch2/catch.hpp>

#include <string>

#include "doc/passes.h"
#include "support/lessons.h"

namespace gobook::doc {
namespace {

using testing::LessonFrom;

std::string Words(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += i == 0 ? "w" : " w";
  return text;
}

std::string CodeLines(int count) {
  std::string code;
  for (int i = 0; i < count; ++i) code += (i == 0 ? "" : "\n") + std::string("x++");
  return code;
}

// A lesson with no title, one paragraph of `words` words and one code block of
// `code_lines` lines.
Lesson Made(int words, int code_lines) {
  Lesson lesson;
  if (words > 0) {
    Block paragraph;
    Inline text;
    text.text = Words(words);
    paragraph.inlines.push_back(text);
    lesson.blocks.push_back(paragraph);
  }
  if (code_lines > 0) {
    Block code;
    code.kind = BlockKind::kCodeBlock;
    code.code = CodeLines(code_lines);
    lesson.blocks.push_back(code);
  }
  return lesson;
}

int Minutes(int words, int code_lines) { return ComputeReadTime(Made(words, code_lines)).minutes; }

TEST_CASE("ComputeReadTime rounds half a minute up", "[doc][read_time]") {
  CHECK(Minutes(345, 0) == 2);  // 1.5
  CHECK(Minutes(344, 0) == 1);  // 1.4957
  CHECK(Minutes(0, 20) == 1);   // 0.5
  CHECK(Minutes(0, 60) == 2);   // 1.5
  CHECK(Minutes(0, 59) == 1);   // 1.475
  CHECK(Minutes(115, 20) == 1);  // 0.5 + 0.5
  CHECK(Minutes(230, 20) == 2);  // 1.5
  CHECK(Minutes(805, 0) == 4);  // 3.5
  CHECK(Minutes(804, 0) == 3);
  CHECK(Minutes(2300, 400) == 20);
}

TEST_CASE("ComputeReadTime is at least one minute", "[doc][read_time]") {
  CHECK(Minutes(0, 0) == 1);
  CHECK(Minutes(1, 0) == 1);
  CHECK(Minutes(0, 10) == 1);
}

TEST_CASE("ComputeReadTime counts words and non-blank code lines", "[doc][read_time]") {
  ReadTime time = ComputeReadTime(Made(345, 7));
  CHECK(time.words == 345);
  CHECK(time.code_lines == 7);

  Lesson lesson;
  Block code;
  code.kind = BlockKind::kCodeBlock;
  code.code = "a\n\n   \nb\n\t\nc";
  lesson.blocks.push_back(code);
  CHECK(ComputeReadTime(lesson).code_lines == 3);
  CHECK(ComputeReadTime(lesson).words == 0);  // code is not prose
}

TEST_CASE("ComputeReadTime counts the title, headings and inline code", "[doc][read_time]") {
  Lesson lesson = LessonFrom("# The append trap\n\n## Two words\n\nCall `fmt.Println` now.\n");
  CHECK(ComputeReadTime(lesson).words == 3 + 2 + 3);
}

TEST_CASE("ComputeReadTime counts tables, callouts, lists, footnotes and HTML blocks",
          "[doc][read_time]") {
  Lesson lesson = LessonFrom(
      "# T\n\n"
      "| a b | c |\n|---|---|\n| d | e f |\n\n"   // 6
      "> [!NOTE]\n> four words in callout\n\n"   // 4
      "- one\n- two three\n\n"                   // 3
      "Text[^1].\n\n"                            // 1
      "<details><summary>Sum mary</summary>\n\n" // 2
      "Inside.\n\n"                              // 1
      "</details>\n\n"
      "```go\nfunc main() {\n\n}\n```\n\n"       // 2 code lines
      "[^1]: Note has three.\n");                // 3
  ReadTime time = ComputeReadTime(lesson);
  CHECK(time.words == 1 + 6 + 4 + 3 + 1 + 2 + 1 + 3);
  CHECK(time.code_lines == 2);
  CHECK(time.minutes == 1);
}

TEST_CASE("ComputeReadTimes totals tracks and the book", "[doc][read_time]") {
  Book book;
  book.lessons.push_back(Made(345, 0));   // 2
  book.lessons.push_back(Made(10, 0));    // 1
  book.lessons.push_back(Made(690, 0));   // 3
  book.tracks.resize(2);
  book.tracks[0].lessons = {0, 1};
  book.tracks[1].lessons = {2};
  book.minutes = 99;
  book.tracks[0].minutes = 99;
  ComputeReadTimes(&book);
  CHECK(book.lessons[0].read_time.minutes == 2);
  CHECK(book.lessons[1].read_time.minutes == 1);
  CHECK(book.lessons[2].read_time.minutes == 3);
  CHECK(book.lessons[2].read_time.words == 690);
  CHECK(book.tracks[0].minutes == 3);
  CHECK(book.tracks[1].minutes == 3);
  CHECK(book.minutes == 6);
}

TEST_CASE("ComputeReadTimes after SelectTrack counts only the kept track", "[doc][read_time]") {
  Book book;
  book.lessons.push_back(Made(345, 0));
  book.lessons.push_back(Made(690, 0));
  book.lessons[0].number = 1;
  book.lessons[1].number = 2;
  book.tracks.resize(2);
  book.tracks[0].title = "A";
  book.tracks[0].lessons = {0};
  book.tracks[1].title = "B";
  book.tracks[1].lessons = {1};
  ComputeReadTimes(&book);
  CHECK(book.minutes == 5);
  DiagnosticSink sink;
  SelectTrack(&book, 1, &sink);
  ComputeReadTimes(&book);
  CHECK(book.minutes == 3);
  CHECK(book.tracks[0].minutes == 3);
}

}  // namespace
}  // namespace gobook::doc
