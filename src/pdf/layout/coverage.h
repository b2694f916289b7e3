// Finds characters that none of the PDF's faces can draw, at their place in the
// book, so they are fixed instead of printing as empty boxes.
#ifndef GOBOOK_PDF_LAYOUT_COVERAGE_H_
#define GOBOOK_PDF_LAYOUT_COVERAGE_H_

#include "doc/model.h"
#include "pdf/layout/fonts.h"
#include "util/diagnostics.h"

namespace gobook::layout {

// Reports each character no face has (once per line): an error when a PDF is
// being written, a warning from `gobook check` (the EPUB does not need it).
void CheckGlyphCoverage(const doc::Book& book, const FontMetrics& metrics, Severity severity,
                        DiagnosticSink* sink);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_COVERAGE_H_
