// Helpers shared by the EPUB writer's tests: a small book model built in memory
// from Markdown snippets, run through the same passes as book/loader.cc, so the
// writer sees exactly what it would see for a real book.
#ifndef GOBOOK_TESTS_EPUB_EPUB_TEST_SUPPORT_H_
#define GOBOOK_TESTS_EPUB_EPUB_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::epub::testing {

// One lesson: its file (relative to the book folder, as SUMMARY.md would list
// it) and its Markdown, which must start with the "# Title" line.
struct LessonSource {
  std::string file;
  std::string markdown;
  std::string summary;  // front matter's summary, optional
};

struct TrackSource {
  std::string title;
  std::string description;
  std::vector<LessonSource> lessons;
};

// Fixed metadata for every test book.
inline constexpr const char* kIdentifier = "urn:uuid:0e8f2a3c-5b1d-4c7e-9a6f-1d2e3f4a5b6c";

// Builds a book from tracks of lessons: converts each lesson, then assigns
// anchors, resolves links, registers local images (as the loader does, without
// reading the files) and computes read times. Diagnostics go to `sink`.
doc::Book MakeBook(const std::vector<TrackSource>& tracks, DiagnosticSink* sink);

// A one-track book whose first lesson ("lessons/01-first.md") is `markdown`,
// followed by a second lesson ("lessons/02-second.md", title "Second lesson",
// with a section "## Second anchor") for cross-lesson links. REQUIREs no errors.
doc::Book MakeLessonBook(const std::string& markdown);

// A two-track book: "Track One" with lessons 1-2, "Track Two" with lesson 3;
// lesson 1 has two H2 sections, lesson 3 has one. REQUIREs no errors.
doc::Book MakeTwoTrackBook();

// The path of a file under tests/epub/ in the source tree.
std::string TestDataPath(const std::string& relative);

}  // namespace gobook::epub::testing

#endif  // GOBOOK_TESTS_EPUB_EPUB_TEST_SUPPORT_H_
