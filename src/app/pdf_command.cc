// `gobook pdf`: the book laid out for print and drawn with libharu.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "app/app.h"
#include "app/command_support.h"
#include "pdf/layout/book_layout.h"
#include "pdf/layout/coverage.h"
#include "pdf/layout/hyphenator.h"
#include "pdf/pdf_writer.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::app {

layout::FontPaths FontPathsOf(const doc::Book& book) {
  std::string folder = JoinPath(book.root, book.fonts_dir);
  const doc::FontFiles& f = book.fonts;
  return {JoinPath(folder, f.regular),   JoinPath(folder, f.italic), JoinPath(folder, f.bold),
          JoinPath(folder, f.bold_italic), JoinPath(folder, f.mono), JoinPath(folder, f.mono_bold),
          JoinPath(folder, f.mono_italic), JoinPath(folder, f.symbols), JoinPath(folder, f.cjk)};
}

int RunPdf(const BookOptions& options, std::string output, const std::string& paper) {
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  std::optional<layout::PageSize> size = layout::PaperSize(paper);
  if (!size) {
    sink.Error("", 0, 0, "unknown paper size '" + paper + "'", "use a4, letter, a5 or 6x9");
    sink.Flush(std::cerr);
    return 1;
  }
  std::optional<doc::Book> book = Load(options, &sink);
  if (!book) return 1;
  std::optional<AtomicOutput> target = OpenOutput(*book, options, output, ".pdf", &sink);
  if (!target) return 1;
  std::string error;
  std::unique_ptr<layout::TrueTypeMetrics> metrics =
      layout::TrueTypeMetrics::Load(FontPathsOf(*book), &error);
  if (!metrics) {
    sink.Error("", 0, 0, error);
    sink.Flush(std::cerr);
    return 1;
  }
  layout::CheckGlyphCoverage(*book, *metrics, Severity::kError, &sink);
  std::unique_ptr<layout::Hyphenator> hyphenator;
  if (book->metadata.language.rfind("en", 0) == 0) {
    hyphenator = layout::Hyphenator::Load(GOBOOK_HYPHEN_DICTIONARY, &error);
    if (!hyphenator) sink.Warning("", 0, 0, "no hyphenation: " + error);
  }
  std::optional<std::time_t> time = BuildTime(*book, &sink);
  std::optional<std::string> bytes;
  if (time && !sink.HasErrors()) {
    layout::BookLayoutOptions layout_options{*size, FormatUtc(*time, "D:%Y%m%d%H%M%S+00'00'")};
    layout::LaidOutBook laid =
        layout::LayoutBook(*book, layout_options, *metrics, hyphenator.get(), &sink);
    if (!sink.HasErrors()) bytes = pdf::WritePdf(laid, FontPathsOf(*book), &sink);
    KeepUntilExit(std::move(laid));
  }
  int status = FinishOutput(*target, bytes, book->lessons.size(), start, &sink);
  KeepUntilExit(std::move(*book));
  return status;
}

}  // namespace gobook::app
