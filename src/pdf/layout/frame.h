// What layout produces and the PDF writer draws: pages of positioned items.
// Coordinates are in points, x from the left edge and y from the TOP edge of the
// page, growing downwards (the writer flips them for PDF). Nothing here knows
// libharu; a text dump of these pages is what the layout tests compare.
#ifndef GOBOOK_PDF_LAYOUT_FRAME_H_
#define GOBOOK_PDF_LAYOUT_FRAME_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pdf/layout/fonts.h"

namespace gobook::layout {

struct Color {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

// Text in one face and size; `x` is its left edge, `baseline` its baseline.
struct GlyphRun {
  double x = 0;
  double baseline = 0;
  Face face = Face::kRegular;
  double size = 10;
  Color color;
  std::string text;  // UTF-8, no tabs or control characters
};

struct FilledRect {
  double x = 0, y = 0, width = 0, height = 0;  // y: top edge
  Color color;
};

struct StrokedLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Color color;
  bool dashed = false;
};

// A raster image (PNG or JPEG bytes) scaled into a box.
struct ImageBox {
  double x = 0, y = 0, width = 0, height = 0;
  std::string source;  // a path, or "" with `bytes` set
  // PNG bytes rendered from an SVG, shared by every box that shows the figure.
  std::shared_ptr<const std::string> bytes;
  bool jpeg = false;
};

// A clickable area: to a destination in the book, or to a URI.
struct LinkArea {
  double x = 0, y = 0, width = 0, height = 0;
  std::string destination;  // a Destination::id, or "" for a URI
  std::string uri;
};

// Marks the runs between a begin and its end as one piece of text for copying:
// a code line keeps its exact spaces, a wrapped line its unwrapped text.
struct ActualTextBegin {
  std::string text;
};
struct ActualTextEnd {};

using PageItem = std::variant<GlyphRun, FilledRect, StrokedLine, ImageBox, LinkArea,
                              ActualTextBegin, ActualTextEnd>;

struct Page {
  std::vector<PageItem> items;
  std::string label;  // "iii", "12": what the reader sees as the page number
};

// A place links and bookmarks can point at.
struct Destination {
  std::string id;
  int page = 0;  // index into Book::pages
  double y = 0;  // from the top of the page
};

struct OutlineEntry {
  std::string title;
  std::string destination;
  std::vector<OutlineEntry> children;
};

struct PageLabelRange {
  int first_page = 0;
  bool roman = false;  // lower-case roman (front matter) or arabic
  int start = 1;
};

struct PageSize {
  std::string name;  // a4, letter, a5, 6x9
  double width = 595.276;
  double height = 841.89;
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator;
  std::string date;  // "D:YYYYMMDDHHmmSS+00'00'"
};

struct LaidOutBook {
  PageSize size;
  std::vector<Page> pages;
  std::vector<Destination> destinations;
  std::vector<OutlineEntry> outline;
  std::vector<PageLabelRange> page_labels;  // ascending first_page
  DocumentInfo info;
};

// A short line of text (a running head, a label) in `face`, each character that
// face lacks in its fallback face so none prints as an empty box: its runs,
// placed from `x` along `baseline`. LineWidth is the width they take.
std::vector<GlyphRun> SetLine(const FontMetrics& metrics, Face face, std::string_view text,
                              double size, Color color, double x, double baseline);
double LineWidth(const FontMetrics& metrics, Face face, std::string_view text, double size);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_FRAME_H_
