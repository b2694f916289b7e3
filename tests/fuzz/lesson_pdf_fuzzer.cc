// Fuzzes a lesson file through the Markdown converter, the document passes, the
// print layout and the PDF writer, with the real fonts and hyphenation patterns.
// Layout must keep every item it positions on the page (a run of text, a rule,
// an image, a link area, a destination): what falls outside is lost in print.
// The paper size follows the input's length, so the narrow pages get fuzzed too.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "lesson_book.h"
#include "pdf/layout/book_layout.h"
#include "pdf/layout/coverage.h"
#include "pdf/layout/hyphenator.h"
#include "pdf/pdf_writer.h"
#include "util/files.h"

namespace gobook::fuzz {
namespace {

// Rounding in layout's sums; a real overflow is points, not hundredths.
constexpr double kSlack = 0.01;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "lesson_pdf: %s\n", message.c_str());
  std::abort();
}

layout::FontPaths FontPaths() {
  const doc::Book& book = TemplateBook();
  std::string folder = JoinPath(book.root, book.fonts_dir);
  const doc::FontFiles& f = book.fonts;
  return {JoinPath(folder, f.regular),     JoinPath(folder, f.italic),
          JoinPath(folder, f.bold),        JoinPath(folder, f.bold_italic),
          JoinPath(folder, f.mono),        JoinPath(folder, f.mono_bold),
          JoinPath(folder, f.mono_italic), JoinPath(folder, f.symbols),
          JoinPath(folder, f.cjk)};
}

// The fonts and patterns are loaded once, as `gobook pdf` loads them once a build.
const layout::FontMetrics& Metrics() {
  static const std::unique_ptr<layout::TrueTypeMetrics> metrics = [] {
    std::string error;
    auto loaded = layout::TrueTypeMetrics::Load(FontPaths(), &error);
    if (!loaded) Fail("cannot load the fonts: " + error);
    return loaded;
  }();
  return *metrics;
}

const layout::Hyphenator* Hyphenation() {
  static const std::unique_ptr<layout::Hyphenator> hyphenator = [] {
    std::string error;
    auto loaded = layout::Hyphenator::Load(GOBOOK_HYPHEN_DICTIONARY, &error);
    if (!loaded) Fail("cannot load the hyphenation patterns: " + error);
    return loaded;
  }();
  return hyphenator.get();
}

// Checks that the rectangle lies on a page of `size`.
void CheckBox(const layout::PageSize& size, int page, const char* what, double x, double y,
              double width, double height) {
  bool finite = std::isfinite(x) && std::isfinite(y) && std::isfinite(width) &&
                std::isfinite(height);
  if (finite && width >= -kSlack && height >= -kSlack && x >= -kSlack && y >= -kSlack &&
      x + width <= size.width + kSlack && y + height <= size.height + kSlack) {
    return;
  }
  char message[200];
  std::snprintf(message, sizeof message,
                "page %d (%s %.2fx%.2f): %s at x %.2f y %.2f size %.2fx%.2f is off the page",
                page + 1, size.name.c_str(), size.width, size.height, what, x, y, width, height);
  Fail(message);
}

// A run is drawn in its one face: a character the face lacks prints as an empty
// box, which `gobook pdf` promises never to print (fallback faces get own runs).
void CheckGlyphs(int page, const layout::GlyphRun& run) {
  for (size_t offset = 0; offset < run.text.size();) {
    char32_t code_point = layout::NextCodePoint(run.text, &offset);
    if (Metrics().HasGlyph(run.face, code_point)) continue;
    char message[120];
    std::snprintf(message, sizeof message, "page %d: U+%04X in a run of face %d, which lacks it",
                  page + 1, static_cast<unsigned>(code_point), static_cast<int>(run.face));
    Fail(message + (": '" + run.text + "'"));
  }
}

void CheckItem(const layout::PageSize& size, int page, const layout::PageItem& item) {
  if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
    const layout::FontMetrics& metrics = Metrics();
    CheckGlyphs(page, *run);
    double width = layout::TextWidth(metrics, run->face, run->text, run->size);
    double ascent = metrics.Ascent(run->face) * run->size / 1000;
    double depth = metrics.Descent(run->face) * run->size / 1000;
    CheckBox(size, page, ("text '" + run->text + "'").c_str(), run->x, run->baseline - ascent,
             width, ascent + depth);
  } else if (const auto* rect = std::get_if<layout::FilledRect>(&item)) {
    CheckBox(size, page, "filled rectangle", rect->x, rect->y, rect->width, rect->height);
  } else if (const auto* line = std::get_if<layout::StrokedLine>(&item)) {
    CheckBox(size, page, "line start", line->x1, line->y1, 0, 0);
    CheckBox(size, page, "line end", line->x2, line->y2, 0, 0);
  } else if (const auto* image = std::get_if<layout::ImageBox>(&item)) {
    CheckBox(size, page, "image", image->x, image->y, image->width, image->height);
  } else if (const auto* link = std::get_if<layout::LinkArea>(&item)) {
    CheckBox(size, page, "link area", link->x, link->y, link->width, link->height);
  }
}

void CheckLayout(const layout::LaidOutBook& laid) {
  for (size_t page = 0; page < laid.pages.size(); ++page) {
    for (const layout::PageItem& item : laid.pages[page].items) {
      CheckItem(laid.size, static_cast<int>(page), item);
    }
  }
  for (const layout::Destination& destination : laid.destinations) {
    if (destination.page < 0 || destination.page >= static_cast<int>(laid.pages.size())) {
      Fail("destination '" + destination.id + "' is on no page");
    }
    CheckBox(laid.size, destination.page, ("destination " + destination.id).c_str(), 0,
             destination.y, 0, 0);
  }
}

void TestLessonPdf(std::string_view text) {
  static const char* const kPapers[] = {"a4", "letter", "a5", "6x9"};
  DiagnosticSink sink;
  std::optional<doc::Book> book = LessonBook(text, &sink);
  if (!book) return;
  // A character no face has is an error `gobook pdf` reports before layout.
  layout::CheckGlyphCoverage(*book, Metrics(), Severity::kError, &sink);
  if (sink.HasErrors()) return;

  layout::BookLayoutOptions options{*layout::PaperSize(kPapers[text.size() % 4]),
                                    "D:20261129000000+00'00'"};
  layout::LaidOutBook laid = layout::LayoutBook(*book, options, Metrics(), Hyphenation(), &sink);
  if (sink.HasErrors()) return;
  CheckLayout(laid);

  static const layout::FontPaths paths = FontPaths();
  std::optional<std::string> pdf = pdf::WritePdf(laid, paths, &sink);
  // Layout accepted the book, so the writer must draw it: an error here is a
  // book `gobook pdf` fails on.
  if (!pdf || pdf->rfind("%PDF-", 0) != 0) {
    std::string messages;
    for (const Diagnostic& diagnostic : sink.diagnostics()) {
      messages += FormatDiagnostic(diagnostic);
    }
    Fail("the PDF writer failed on a laid-out book:\n" + messages);
  }
}

}  // namespace
}  // namespace gobook::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gobook::fuzz::TestLessonPdf({reinterpret_cast<const char*>(data), size});
  return 0;
}
