// Lessons and books built in memory from Markdown text, for tests of the passes
// that run after conversion (anchors, links, tracks, read times).
#ifndef GOBOOK_TESTS_SUPPORT_LESSONS_H_
#define GOBOOK_TESTS_SUPPORT_LESSONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/model.h"
#include "doc/passes.h"
#include "markdown/lesson_converter.h"
#include "support/diagnostics_text.h"
#include "util/diagnostics.h"
#include "util/text.h"

namespace gobook::testing {

// Converts `text` into a lesson shown as `source_path`; conversion must be clean.
inline doc::Lesson LessonFrom(std::string_view text, std::string source_path = "l.md") {
  doc::Lesson lesson;
  lesson.source_path = std::move(source_path);
  DiagnosticSink sink;
  markdown::ConvertLesson(text, &lesson, &sink);
  if (sink.HasErrors()) throw std::runtime_error("bad test lesson: " + AllDiagnostics(sink));
  return lesson;
}

struct LessonSpec {
  std::string file;  // book-relative, e.g. "lessons/01-a.md"
  std::string text;
  int track = 0;
};

// A book of converted lessons (shown as "book/<file>"), numbered in order, with
// anchors assigned, as the loader leaves it before resolving links.
inline doc::Book BookFrom(const std::vector<std::string>& track_titles,
                          const std::vector<LessonSpec>& lessons) {
  doc::Book book;
  book.root = "book";
  for (const std::string& title : track_titles) {
    doc::Track track;
    track.title = title;
    track.slug = GitHubSlug(title);
    book.tracks.push_back(track);
  }
  for (const LessonSpec& spec : lessons) {
    doc::Lesson lesson = LessonFrom(spec.text, "book/" + spec.file);
    lesson.file = spec.file;
    lesson.number = static_cast<int>(book.lessons.size()) + 1;
    lesson.track = spec.track;
    std::string base = spec.file.substr(spec.file.rfind('/') + 1);
    lesson.slug = base.substr(0, base.size() - 3);
    doc::AssignAnchors(&lesson);
    book.tracks[static_cast<size_t>(spec.track)].lessons.push_back(
        static_cast<int>(book.lessons.size()));
    book.lessons.push_back(std::move(lesson));
  }
  return book;
}

// The first inline of kind `kind` in the lesson (body and footnotes), depth first.
inline doc::Inline* FindInline(doc::Lesson& lesson, doc::InlineKind kind, int skip = 0) {
  doc::Inline* found = nullptr;
  auto visit = [&](doc::Inline& in) {
    if (found == nullptr && in.kind == kind && skip-- == 0) found = &in;
  };
  doc::ForEachInline(lesson, visit);
  return found;
}

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_LESSONS_H_
