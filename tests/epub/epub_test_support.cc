// CMake globs only tests/**/*_test.cc into gobook_tests, so this file is compiled
// by being included from epub_test_support_test.cc (see there).
#include "epub/epub_test_support.h"

#include <catch2/catch.hpp>

#include <optional>

#include "doc/passes.h"
#include "markdown/lesson_converter.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::epub::testing {
namespace {

bool IsRemote(const std::string& url) {
  return StartsWith(url, "http://") || StartsWith(url, "https://");
}

// What the loader's CheckImages does for a valid local image: the url becomes
// the book-relative path, and the image is listed once in order of first use.
void RegisterImages(doc::Book* book, doc::Lesson* lesson) {
  auto visit = [&](doc::Inline& in) {
    if (in.kind != doc::InlineKind::kImage || IsRemote(in.url) || in.url.empty()) return;
    std::optional<std::string> path = NormalizeRelative(JoinPath(DirName(lesson->file), in.url));
    if (!path) return;
    in.url = *path;
    for (const doc::ImageRef& known : book->images) {
      if (known.path == *path) return;
    }
    book->images.push_back({*path});
  };
  doc::ForEachInline(*lesson, visit);
}

void RequireNoErrors(const DiagnosticSink& sink) {
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    INFO(FormatDiagnostic(diagnostic));
    CHECK(diagnostic.severity != Severity::kError);
  }
  REQUIRE_FALSE(sink.HasErrors());
}

}  // namespace

doc::Book MakeBook(const std::vector<TrackSource>& tracks, DiagnosticSink* sink) {
  doc::Book book;
  book.root = "book";
  book.metadata.title = "Test Book";
  book.metadata.authors = {"Ann Author", "Bob Writer"};
  book.metadata.language = "en";
  book.metadata.identifier = kIdentifier;
  book.metadata.publisher = "Test Press";
  book.metadata.date = "2026-01-02";
  for (const TrackSource& source : tracks) {
    doc::Track track;
    track.title = source.title;
    track.slug = GitHubSlug(source.title);
    track.description = source.description;
    for (const LessonSource& lesson_source : source.lessons) {
      doc::Lesson lesson;
      lesson.number = static_cast<int>(book.lessons.size()) + 1;
      lesson.track = static_cast<int>(book.tracks.size());
      lesson.file = lesson_source.file;
      lesson.source_path = "book/" + lesson_source.file;
      std::string base = BaseName(lesson_source.file);
      lesson.slug = base.substr(0, base.rfind('.'));
      lesson.summary = lesson_source.summary;
      markdown::ConvertLesson(lesson_source.markdown, &lesson, sink);
      track.lessons.push_back(static_cast<int>(book.lessons.size()));
      book.lessons.push_back(std::move(lesson));
    }
    book.tracks.push_back(std::move(track));
  }
  // The loader's order: anchors, links, images, read times.
  for (doc::Lesson& lesson : book.lessons) {
    doc::AssignAnchors(&lesson);
    doc::CheckHtmlIds(lesson, sink);
  }
  if (!sink->HasErrors()) doc::ResolveLinks(&book, sink);
  for (doc::Lesson& lesson : book.lessons) RegisterImages(&book, &lesson);
  doc::ComputeReadTimes(&book);
  return book;
}

doc::Book MakeLessonBook(const std::string& markdown) {
  DiagnosticSink sink;
  doc::Book book = MakeBook(
      {{"Basics",
        "",
        {{"lessons/01-first.md", markdown, ""},
         {"lessons/02-second.md", "# Second lesson\n\n## Second anchor\n\nText.\n", ""}}}},
      &sink);
  RequireNoErrors(sink);
  return book;
}

doc::Book MakeTwoTrackBook() {
  DiagnosticSink sink;
  doc::Book book = MakeBook(
      {{"Track One",
        "The first track.",
        {{"lessons/01-hello.md",
          "# Hello, Go\n\nIntro.\n\n## First steps\n\nText.\n\n### Detail\n\nMore.\n\n"
          "## 5 things & more\n\nEnd.\n",
          "Say hello."},
         {"lessons/02-values.md", "# Values\n\nNo sections here.\n", ""}}},
       {"Track Two",
        "",
        {{"lessons/03-slices.md", "# Slices and maps\n\n## Slices\n\nText.\n", ""}}}},
      &sink);
  RequireNoErrors(sink);
  return book;
}

std::string TestDataPath(const std::string& relative) {
  return std::string(GOBOOK_SOURCE_DIR) + "/tests/epub/" + relative;
}

}  // namespace gobook::epub::testing
