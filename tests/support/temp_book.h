// A small book written into a temporary folder, for loader tests: book.toml (with
// [fonts] dir pointing at the repository's fonts), SUMMARY.md and lesson files.
// The folder is removed when the object goes out of scope.
//
// Header-only: CMake compiles only tests/**/*_test.cc, so a helper .cc here would
// not be built.
#ifndef GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_
#define GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_

#include <optional>
#include <string>

#include "book/book.h"
#include "support/diagnostics_text.h"
#include "support/temp_dir.h"
#include "util/diagnostics.h"

namespace gobook::testing {

// book.toml with every required key and the repository's fonts.
inline std::string DefaultBookToml() {
  return "title = \"Test Book\"\n"
         "authors = [\"Ada Lovelace\"]\n"
         "language = \"en\"\n"
         "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n"
         "date = \"2024-05-01\"\n"
         "\n"
         "[fonts]\n"
         "dir = \"" GOBOOK_SOURCE_DIR "/fonts\"\n";
}

class TempBook {
 public:
  // Writes book.toml; SUMMARY.md and the lessons are up to the test.
  TempBook() { dir_.Write("book.toml", DefaultBookToml()); }

  const std::string& root() const { return dir_.path(); }
  const TempDir& dir() const { return dir_; }

  void Write(const std::string& relative, const std::string& content) const {
    dir_.Write(relative, content);
  }
  void MakeDir(const std::string& relative) const { dir_.MakeDir(relative); }

  std::optional<doc::Book> Load(DiagnosticSink* sink) const {
    return book::LoadBook(dir_.path(), sink);
  }

  // The sink's diagnostics as printed, with the temporary folder shown as "book".
  std::string Diagnostics(const DiagnosticSink& sink) const {
    return ReplaceAll(AllDiagnostics(sink), dir_.path(), "book");
  }

 private:
  TempDir dir_;
};

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_
