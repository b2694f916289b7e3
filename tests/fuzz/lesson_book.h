// The document model of the real book with one more lesson, built in memory from
// that lesson file's bytes the way book::LoadBook builds a book from a folder.
// The lesson fuzzers use it so that no input touches the disk: the loader only
// takes a folder.
#ifndef GOBOOK_TESTS_FUZZ_LESSON_BOOK_H_
#define GOBOOK_TESTS_FUZZ_LESSON_BOOK_H_

#include <optional>
#include <string_view>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::fuzz {

// The real book's folder (book.toml, lessons, fonts and images come from it).
const char* BookDir();

// The real book, loaded once, with its lessons cut down to their headings (all a
// link into them needs) and a last, empty track for the fuzzed lesson. Aborts
// when the real book has an error: the harness itself would be broken.
const doc::Book& TemplateBook();

// The template book with `text` as its last lesson ("lessons/fuzz.md", in the
// last track), after every pass the loader runs: anchors, HTML ids, code width,
// links, images, read times. nullopt when the loader would have reported an
// error: such an input stops early, as `gobook` stops before its writers.
std::optional<doc::Book> LessonBook(std::string_view text, DiagnosticSink* sink);

}  // namespace gobook::fuzz

#endif  // GOBOOK_TESTS_FUZZ_LESSON_BOOK_H_
