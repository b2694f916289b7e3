#include "lesson_book.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "book/book.h"
#include "doc/passes.h"
#include "markdown/lesson_converter.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::fuzz {
namespace {

// As the loader's limit: what fits the printed page in the mono face.
constexpr int kMaxCodeColumns = 72;

// The lesson's place in the book, as the loader would name it.
constexpr const char* kLessonFile = "lessons/fuzz.md";

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "fuzz harness: %s\n", message.c_str());
  std::abort();
}

// A lesson's headings alone, with plain-text content: what links into the
// lesson resolve against, and little for the writers to copy or lay out.
doc::Blocks HeadingsOnly(const doc::Blocks& blocks) {
  doc::Blocks headings;
  for (const doc::Block& block : blocks) {
    if (block.kind == doc::BlockKind::kHeading) {
      doc::Block heading;
      heading.kind = doc::BlockKind::kHeading;
      heading.level = block.level;
      heading.id = block.id;
      heading.pos = block.pos;
      doc::Inline text;
      text.text = doc::PlainText(block.inlines);
      heading.inlines.push_back(std::move(text));
      headings.push_back(std::move(heading));
    }
    doc::Blocks inner = HeadingsOnly(block.children);
    for (const doc::Blocks& item : block.items) {
      doc::Blocks in_item = HeadingsOnly(item);
      inner.insert(inner.end(), in_item.begin(), in_item.end());
    }
    headings.insert(headings.end(), inner.begin(), inner.end());
  }
  return headings;
}

doc::Book ReadTemplate() {
  DiagnosticSink sink;
  std::optional<doc::Book> book = book::LoadBook(BookDir(), &sink);
  if (!book) Fail(std::string("the real book in ") + BookDir() + " has errors");
  for (doc::Lesson& lesson : book->lessons) {
    lesson.blocks = HeadingsOnly(lesson.blocks);
    lesson.footnotes.clear();
  }
  doc::Track track;
  track.title = "Fuzzed path";
  track.slug = GitHubSlug(track.title);
  track.description = "The lesson under test.";
  book->tracks.push_back(track);
  return std::move(*book);
}

// The book's image files ("images/x.svg"), listed once: a lesson may use them.
const std::set<std::string>& BookImages() {
  static const std::set<std::string> images = [] {
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(JoinPath(BookDir(), "images"))) {
      if (entry.is_regular_file()) found.insert("images/" + entry.path().filename().string());
    }
    return found;
  }();
  return images;
}

// The loader's text clean-up: UTF-8 only, no byte-order mark, no CRs before LFs.
std::optional<std::string> CleanText(std::string_view bytes) {
  if (FindInvalidUtf8(bytes) != std::string_view::npos) return std::nullopt;
  std::string text(bytes);
  if (StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  std::string unix_text;
  unix_text.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    unix_text += text[i];
  }
  return unix_text;
}

bool IsRemote(const std::string& url) {
  return StartsWith(url, "http://") || StartsWith(url, "https://") || StartsWith(url, "//");
}

// The loader's image check, against the listing instead of the disk: a local
// image must be one of the book's files (all of which are valid images).
void CheckImages(doc::Book* book, DiagnosticSink* sink) {
  doc::Lesson& lesson = book->lessons.back();
  auto visit = [&](doc::Inline& in) {
    if (in.kind != doc::InlineKind::kImage || IsRemote(in.url)) return;
    std::optional<std::string> path;
    if (!in.url.empty() && in.url[0] != '/' && in.url.find(':') == std::string::npos) {
      path = NormalizeRelative(JoinPath(DirName(lesson.file), in.url));
    }
    if (!path || !BookImages().contains(*path)) {
      sink->Error(lesson.source_path, in.pos.line, in.pos.column, "image not in the book");
      return;
    }
    in.url = *path;
    for (const doc::ImageRef& known : book->images) {
      if (known.path == *path) return;
    }
    book->images.push_back({*path});
  };
  doc::ForEachInline(lesson, visit);
}

}  // namespace

const char* BookDir() { return GOBOOK_SOURCE_DIR "/book"; }

const doc::Book& TemplateBook() {
  static const doc::Book book = ReadTemplate();
  return book;
}

std::optional<doc::Book> LessonBook(std::string_view bytes, DiagnosticSink* sink) {
  std::optional<std::string> text = CleanText(bytes);
  if (!text) return std::nullopt;
  doc::Book book = TemplateBook();
  doc::Lesson lesson;
  lesson.number = static_cast<int>(book.lessons.size()) + 1;
  lesson.track = static_cast<int>(book.tracks.size()) - 1;
  lesson.file = kLessonFile;
  lesson.source_path = JoinPath(BookDir(), kLessonFile);
  lesson.slug = "fuzz";
  book::FrontMatter front;
  std::string markdown = book::ReadFrontMatter(*text, lesson.source_path, &front, sink);
  lesson.summary = front.summary;
  markdown::ConvertLesson(markdown, &lesson, sink);
  book.tracks.back().lessons.push_back(static_cast<int>(book.lessons.size()));
  book.lessons.push_back(std::move(lesson));

  // The loader's passes, in its order.
  doc::Lesson& added = book.lessons.back();
  doc::AssignAnchors(&added);
  doc::CheckHtmlIds(added, sink);
  doc::CheckCodeWidth(added, kMaxCodeColumns, sink);
  if (!sink->HasErrors()) doc::ResolveLinks(&book, sink);
  CheckImages(&book, sink);
  doc::ComputeReadTimes(&book);
  if (sink->HasErrors()) return std::nullopt;
  return book;
}

}  // namespace gobook::fuzz
