// The book loader: reads book.toml, the SUMMARY.md manifest and every lesson file
// it lists, has the Markdown stage convert each lesson, checks what the lessons
// point at on disk (images, the cover, the fonts), and runs the document passes.
// The result is the complete, read-only document model the writers take.
#ifndef GOBOOK_BOOK_BOOK_H_
#define GOBOOK_BOOK_BOOK_H_

#include <optional>
#include <string>
#include <string_view>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::book {

// What a command needs of the book beyond its text.
enum class Purpose {
  kWrite,  // an output is written (or checked as if): fonts and cover must exist
  kRead,   // the text alone (stats, test)
};

// Loads the book in `dir` (e.g. "book"). Every problem found is reported to the
// sink; the result is nullopt when any of them is an error.
std::optional<doc::Book> LoadBook(const std::string& dir, DiagnosticSink* sink,
                                  Purpose purpose = Purpose::kWrite);

// Reads book.toml's text into the metadata, fonts and cover of `book`.
void ReadMetadata(std::string_view toml_text, const std::string& display_path,
                  doc::Book* book, DiagnosticSink* sink);

// A lesson's front matter (TOML between '+++' lines at the top).
struct FrontMatter {
  std::string summary;
};

// Splits off the front matter: fills `front` and returns the Markdown with the
// front matter lines blanked, so line numbers still match the file.
std::string ReadFrontMatter(std::string_view text, const std::string& display_path,
                            FrontMatter* front, DiagnosticSink* sink);

// Finds the track named by `name`: its slug or a unique prefix of it. Returns
// its index, or -1 after reporting an error.
int FindTrack(const doc::Book& book, const std::string& name, DiagnosticSink* sink);

}  // namespace gobook::book

#endif  // GOBOOK_BOOK_BOOK_H_
