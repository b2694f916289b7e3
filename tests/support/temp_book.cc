#include "support/temp_book.h"

#include "book/book.h"
#include "support/diagnostics_text.h"

namespace gobook::testing {

std::string DefaultBookToml() {
  return "title = \"Test Book\"\n"
         "authors = [\"Ada Lovelace\"]\n"
         "language = \"en\"\n"
         "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n"
         "date = \"2024-05-01\"\n"
         "\n"
         "[fonts]\n"
         "dir = \"" GOBOOK_SOURCE_DIR "/fonts\"\n";
}

TempBook::TempBook() { dir_.Write("book.toml", DefaultBookToml()); }

std::optional<doc::Book> TempBook::Load(DiagnosticSink* sink) const {
  return book::LoadBook(dir_.path(), sink);
}

std::string TempBook::Diagnostics(const DiagnosticSink& sink) const {
  return ReplaceAll(AllDiagnostics(sink), dir_.path(), "book");
}

}  // namespace gobook::testing
