// A small book written into a temporary folder, for loader tests: book.toml (with
// [fonts] dir pointing at the repository's fonts), SUMMARY.md and lesson files.
// The folder is removed when the object goes out of scope.
#ifndef GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_
#define GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_

#include <optional>
#include <string>

#include "doc/model.h"
#include "support/temp_dir.h"
#include "util/diagnostics.h"

namespace gobook::testing {

// book.toml with every required key and the repository's fonts.
std::string DefaultBookToml();

class TempBook {
 public:
  // Writes book.toml; SUMMARY.md and the lessons are up to the test.
  TempBook();

  const std::string& root() const { return dir_.path(); }
  const TempDir& dir() const { return dir_; }

  void Write(const std::string& relative, const std::string& content) const {
    dir_.Write(relative, content);
  }
  void MakeDir(const std::string& relative) const { dir_.MakeDir(relative); }

  // Runs book::LoadBook on the folder.
  std::optional<doc::Book> Load(DiagnosticSink* sink) const;

  // The sink's diagnostics as printed, with the temporary folder shown as "book".
  std::string Diagnostics(const DiagnosticSink& sink) const;

 private:
  TempDir dir_;
};

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_TEMP_BOOK_H_
