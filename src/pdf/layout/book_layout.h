// Layout of the whole book for print: the document model in, pages of positioned
// items out (frame.h). Paragraphs go through the paragraph composer; blocks
// become a flow of boxes that the paginator places on pages under a
// typesetter's rules (no heading at a page foot, no widow or orphan line, lists
// and callouts whole where they fit, code split only between lines).
#ifndef GOBOOK_PDF_LAYOUT_BOOK_LAYOUT_H_
#define GOBOOK_PDF_LAYOUT_BOOK_LAYOUT_H_

#include <optional>
#include <string>

#include "doc/model.h"
#include "pdf/layout/fonts.h"
#include "pdf/layout/frame.h"
#include "util/diagnostics.h"

namespace gobook::layout {

class Hyphenator;

// The paper sizes gobook knows, by name ("a4", "letter", "a5", "6x9").
std::optional<PageSize> PaperSize(const std::string& name);

struct BookLayoutOptions {
  PageSize size;
  std::string date;  // PDF date string for the document info
};

LaidOutBook LayoutBook(const doc::Book& book, const BookLayoutOptions& options,
                       const FontMetrics& metrics, const Hyphenator* hyphenator,
                       DiagnosticSink* sink);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_BOOK_LAYOUT_H_
