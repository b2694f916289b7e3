// The PDF writer: draws the pages layout produced (pdf/layout/frame.h) with
// libharu 2.3.0 and adds the outline, links, page labels and document info.
// It only draws: every position, face and line break was decided by layout.
// Every libharu call in gobook lives in src/pdf/, behind WritePdf; the
// workarounds for libharu's traps (../shared/reference/libharu.md) are in
// hpdf_fixes.h and pdf_png.cc.
#ifndef GOBOOK_PDF_PDF_WRITER_H_
#define GOBOOK_PDF_PDF_WRITER_H_

#include <optional>
#include <string>
#include <string_view>

#include "pdf/layout/fonts.h"
#include "pdf/layout/frame.h"
#include "util/diagnostics.h"

namespace gobook::pdf {

// Draws the laid-out book and returns the PDF's bytes (PDF 1.7, compressed, with
// a /ID derived from the book, so the same book gives the same bytes). Reports
// every problem to `sink` as "gobook: error: PDF: ..." and returns nullopt on
// any error; the caller writes the bytes to the file atomically.
std::optional<std::string> WritePdf(const layout::LaidOutBook& book,
                                    const layout::FontPaths& fonts, DiagnosticSink* sink);

// Checks a PNG fully with libpng (every chunk, CRC and row) before libharu sees
// it: a corrupt or truncated PNG makes libharu abort the process, and it cannot
// load interlaced ones. Returns "" or a lower-case reason.
std::string CheckPng(std::string_view bytes);

// Checks that `bytes` look like a whole JPEG (start and end markers): libharu
// embeds JPEGs as they are and accepts a truncated one silently. Returns "" or
// a lower-case reason.
std::string CheckJpeg(std::string_view bytes);

}  // namespace gobook::pdf

#endif  // GOBOOK_PDF_PDF_WRITER_H_
