// The EPUB writer: the document model in, the bytes of an EPUB 3.3 (with an
// EPUB 2 NCX for older readers) out. It reads nothing from disk but the fonts and
// the images the model names, and writes nothing: the caller saves the bytes.
#ifndef GOBOOK_EPUB_EPUB_WRITER_H_
#define GOBOOK_EPUB_EPUB_WRITER_H_

#include <ctime>
#include <optional>
#include <string>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::epub {

struct EpubOptions {
  std::time_t modified = 0;  // dcterms:modified and every ZIP entry's time
};

std::optional<std::string> BuildEpub(const doc::Book& book, const EpubOptions& options,
                                     DiagnosticSink* sink);

// The stylesheet compiled into gobook from styles/epub.css.
extern const char* const kEpubStylesheet;

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_EPUB_WRITER_H_
