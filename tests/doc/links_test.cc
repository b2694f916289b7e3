// Unit tests for link resolution and one-track builds.
#include <catch2/catch.hpp>

#include <string>

#include "doc/passes.h"
#include "support/diagnostics_text.h"
#include "support/lessons.h"

namespace gobook::doc {
namespace {

using testing::BookFrom;
using testing::FindInline;

// A two-lesson book: lessons/01-a.md links with `links` (starting on line 3);
// lessons/02-b.md has "# Second lesson" and "## Details".
Book TwoLessons(const std::string& links) {
  return BookFrom({"Track"}, {{"lessons/01-a.md", "# First\n\n" + links + "\n\n## Setup\n"},
                              {"lessons/02-b.md", "# Second lesson\n\n## Details\n\nText.\n"}});
}

std::string ResolveErrors(Book* book) {
  DiagnosticSink sink;
  ResolveLinks(book, &sink);
  return testing::AllDiagnostics(sink);
}

TEST_CASE("ResolveLinks: a link to another lesson's heading", "[doc][links]") {
  Book book = TwoLessons("[details](02-b.md#details) and [top](02-b.md)");
  CHECK(ResolveErrors(&book).empty());
  Inline* details = FindInline(book.lessons[0], InlineKind::kLink);
  REQUIRE(details);
  CHECK(details->link_target == LinkTarget::kLesson);
  CHECK(details->target_lesson == 1);
  CHECK(details->target_id == "details");
  Inline* top = FindInline(book.lessons[0], InlineKind::kLink, 1);
  REQUIRE(top);
  CHECK(top->link_target == LinkTarget::kLesson);
  CHECK(top->target_lesson == 1);
  CHECK(top->target_id.empty());
}

TEST_CASE("ResolveLinks: the title's anchor links to the lesson's start", "[doc][links]") {
  Book book = TwoLessons("[start](02-b.md#second-lesson) [top](#first)");
  CHECK(ResolveErrors(&book).empty());
  Inline* start = FindInline(book.lessons[0], InlineKind::kLink);
  CHECK(start->link_target == LinkTarget::kLesson);
  CHECK(start->target_lesson == 1);
  CHECK(start->target_id.empty());
  Inline* top = FindInline(book.lessons[0], InlineKind::kLink, 1);
  CHECK(top->link_target == LinkTarget::kSameLesson);
  CHECK(top->target_id.empty());
}

TEST_CASE("ResolveLinks: a fragment alone links within the lesson", "[doc][links]") {
  Book book = TwoLessons("[below](#setup)");
  CHECK(ResolveErrors(&book).empty());
  Inline* link = FindInline(book.lessons[0], InlineKind::kLink);
  CHECK(link->link_target == LinkTarget::kSameLesson);
  CHECK(link->target_lesson == 0);
  CHECK(link->target_id == "setup");
}

TEST_CASE("ResolveLinks: a link to the lesson's own file is a same-lesson link", "[doc][links]") {
  Book book = TwoLessons("[me](01-a.md#setup) [me too](../lessons/01-a.md)");
  CHECK(ResolveErrors(&book).empty());
  CHECK(FindInline(book.lessons[0], InlineKind::kLink)->link_target == LinkTarget::kSameLesson);
  CHECK(FindInline(book.lessons[0], InlineKind::kLink, 1)->link_target == LinkTarget::kSameLesson);
}

TEST_CASE("ResolveLinks: URLs with a scheme are external and kept", "[doc][links]") {
  Book book = TwoLessons("[Go](https://go.dev/doc#x) [mail](mailto:a@example.com) <http://x.org>");
  CHECK(ResolveErrors(&book).empty());
  for (int i = 0; i < 3; ++i) {
    Inline* link = FindInline(book.lessons[0], InlineKind::kLink, i);
    REQUIRE(link);
    CHECK(link->link_target == LinkTarget::kExternal);
    CHECK(link->target_lesson == -1);
  }
  CHECK(FindInline(book.lessons[0], InlineKind::kLink)->url == "https://go.dev/doc#x");
}

TEST_CASE("ResolveLinks: links in footnotes, tables, callouts and emphasis", "[doc][links]") {
  Book book = BookFrom(
      {"Track"},
      {{"lessons/01-a.md",
        "# First\n\nA note[^n].\n\n| x |\n|---|\n| [t](02-b.md) |\n\n> [!TIP]\n> *[c](02-b.md)*\n\n"
        "[^n]: See [f](02-b.md#details).\n"},
       {"lessons/02-b.md", "# Second\n\n## Details\n"}});
  CHECK(ResolveErrors(&book).empty());
  for (int i = 0; i < 3; ++i) {
    Inline* link = FindInline(book.lessons[0], InlineKind::kLink, i);
    REQUIRE(link);
    CHECK(link->link_target == LinkTarget::kLesson);
    CHECK(link->target_lesson == 1);
  }
}

TEST_CASE("ResolveLinks: a link to a missing file is an error", "[doc][links]") {
  Book book = TwoLessons("See [nine](09-nope.md).");
  CHECK(ResolveErrors(&book) ==
        "book/lessons/01-a.md:3:5: error: link to '09-nope.md', which is not a lesson of this book\n"
        "hint: lessons are linked by their file, relative to this one\n");
}

TEST_CASE("ResolveLinks: a link to a missing heading suggests a close one", "[doc][links]") {
  Book book = TwoLessons("[d](02-b.md#detials) [s](#setpu) [z](02-b.md#zzzzzzzzzz)");
  CHECK(ResolveErrors(&book) ==
        "book/lessons/01-a.md:3:1: error: no heading '#detials' in 'book/lessons/02-b.md'\n"
        "hint: did you mean '#details'?\n"
        "book/lessons/01-a.md:3:22: error: no heading '#setpu' in 'book/lessons/01-a.md'\n"
        "hint: did you mean '#setup'?\n"
        "book/lessons/01-a.md:3:34: error: no heading '#zzzzzzzzzz' in 'book/lessons/02-b.md'\n");
}

TEST_CASE("ResolveLinks: a link leaving the book folder is an error", "[doc][links]") {
  Book book = TwoLessons("[out](../../outside.md) [abs](/lessons/02-b.md)");
  CHECK(ResolveErrors(&book) ==
        "book/lessons/01-a.md:3:1: error: link to '../../outside.md', which is not a lesson of "
        "this book\n"
        "book/lessons/01-a.md:3:25: error: link to an absolute path '/lessons/02-b.md'\n"
        "hint: link to another lesson by its file name, e.g. '06-slices.md#heading'\n");
}

TEST_CASE("ResolveLinks: links are relative to the linking lesson's folder", "[doc][links]") {
  Book book = BookFrom({"Track"}, {{"lessons/part1/01-a.md", "# A\n\n[b](../part2/02-b.md#x)\n"},
                                   {"lessons/part2/02-b.md", "# B\n\n## X\n"}});
  CHECK(ResolveErrors(&book).empty());
  CHECK(FindInline(book.lessons[0], InlineKind::kLink)->target_lesson == 1);
}

TEST_CASE("ResolveLinks: a link in the title is resolved too", "[doc][links]") {
  // Regression (fixed): ResolveLinks visits the body and footnotes but not title_inlines, which
  // the EPUB writer renders; a link in the H1 keeps its raw url (kExternal) and a
  // broken one is never reported.
  Book book = BookFrom({"Track"}, {{"lessons/01-a.md", "# See [the next one](09-nope.md)\n"}});
  CHECK(ResolveErrors(&book) ==
        "book/lessons/01-a.md:1:7: error: link to '09-nope.md', which is not a lesson of this book\n"
        "hint: lessons are linked by their file, relative to this one\n");
}

// ---- SelectTrack ------------------------------------------------------------

// Twelve lessons: 01..10 in "Beginner path", 11 and 12 in "Senior path". Every
// lesson has a "## Part" heading.
Book TwelveLessons() {
  std::vector<testing::LessonSpec> specs;
  for (int n = 1; n <= 12; ++n) {
    char file[32];
    std::snprintf(file, sizeof file, "lessons/%02d.md", n);
    std::string body;
    if (n == 1) body = "See [eleven](11.md#part) and [two](02.md).\n\n";
    if (n == 12) body = "Back to [eleven](11.md), [one](01.md) and [here](#part).\n\n";
    specs.push_back({file, "# Lesson " + std::to_string(n) + "\n\n" + body + "## Part\n",
                     n <= 10 ? 0 : 1});
  }
  Book book = BookFrom({"Beginner path", "Senior path"}, specs);
  DiagnosticSink sink;
  ResolveLinks(&book, &sink);
  if (sink.HasErrors()) throw std::runtime_error(testing::AllDiagnostics(sink));
  return book;
}

TEST_CASE("SelectTrack keeps one track; lessons keep their numbers", "[doc][links][tracks]") {
  Book book = TwelveLessons();
  DiagnosticSink sink;
  SelectTrack(&book, 1, &sink);
  CHECK(book.single_track);
  REQUIRE(book.tracks.size() == 1);
  CHECK(book.tracks[0].title == "Senior path");
  CHECK(book.tracks[0].lessons == std::vector<int>{0, 1});
  REQUIRE(book.lessons.size() == 2);
  CHECK(book.lessons[0].number == 11);
  CHECK(book.lessons[0].title == "Lesson 11");
  CHECK(book.lessons[0].track == 0);
  CHECK(book.lessons[1].number == 12);
  CHECK(book.lessons[1].track == 0);
}

TEST_CASE("SelectTrack drops links into other tracks with a note and a warning",
          "[doc][links][tracks]") {
  Book book = TwelveLessons();
  DiagnosticSink sink;
  SelectTrack(&book, 1, &sink);
  CHECK(testing::AllDiagnostics(sink) ==
        "book/lessons/12.md:3:26: warning: link to a lesson outside track 'Senior path'; it is "
        "shown as text with '(Lesson 01, Beginner path)'\n");
  CHECK_FALSE(sink.HasErrors());

  Lesson& twelve = book.lessons[1];
  Inline* eleven = FindInline(twelve, InlineKind::kLink, 0);
  Inline* one = FindInline(twelve, InlineKind::kLink, 1);
  Inline* here = FindInline(twelve, InlineKind::kLink, 2);
  REQUIRE((eleven && one && here));
  // Remaining links follow their lessons to their new indices.
  CHECK(eleven->link_target == LinkTarget::kLesson);
  CHECK(eleven->target_lesson == 0);
  CHECK(here->link_target == LinkTarget::kSameLesson);
  CHECK(here->target_lesson == 1);
  CHECK(here->target_id == "part");
  // The dropped link becomes its text plus a note.
  CHECK(one->link_target == LinkTarget::kDropped);
  CHECK(one->target_lesson == -1);
  CHECK(one->text == "Lesson 01, Beginner path");
}

TEST_CASE("SelectTrack: the note names the lesson's number and track", "[doc][links][tracks]") {
  Book book = TwelveLessons();
  DiagnosticSink sink;
  SelectTrack(&book, 0, &sink);
  CHECK(testing::AllDiagnostics(sink) ==
        "book/lessons/01.md:3:5: warning: link to a lesson outside track 'Beginner path'; it is "
        "shown as text with '(Lesson 11, Senior path)'\n");
  REQUIRE(book.lessons.size() == 10);
  Inline* eleven = FindInline(book.lessons[0], InlineKind::kLink, 0);
  Inline* two = FindInline(book.lessons[0], InlineKind::kLink, 1);
  CHECK(eleven->link_target == LinkTarget::kDropped);
  CHECK(eleven->text == "Lesson 11, Senior path");
  CHECK(two->link_target == LinkTarget::kLesson);
  CHECK(two->target_lesson == 1);
  CHECK(book.lessons[9].number == 10);
}

}  // namespace
}  // namespace gobook::doc
