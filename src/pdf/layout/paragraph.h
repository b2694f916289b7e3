// The paragraph composer: styled text in, placed lines out. It turns spans of
// text into Knuth-Plass boxes, glue and penalties (words, spaces, hyphenation
// points, places long words may be cut), lets linebreak.h choose the breaks, and
// places every word as its own GlyphRun at a computed x. Justification moves the
// words, never the PDF's word spacing: with the Go fonts' two-byte encoding a
// viewer ignores Tw (see the libharu report), so spaces are never drawn at all.
#ifndef GOBOOK_PDF_LAYOUT_PARAGRAPH_H_
#define GOBOOK_PDF_LAYOUT_PARAGRAPH_H_

#include <string>
#include <vector>

#include "pdf/layout/fonts.h"
#include "pdf/layout/frame.h"
#include "pdf/layout/hyphenator.h"

namespace gobook::layout {

// A piece of a paragraph's text in one style.
struct InlineSpan {
  std::string text;        // UTF-8; '\n' is a forced line break; no tabs
  Face face = Face::kRegular;
  double size = 10;        // points
  Color color;
  std::string link_destination;  // internal link target id, or ""
  std::string link_uri;          // external link, or ""
  bool code = false;       // inline code: never hyphenated, may break only after . / _ ( , etc.
  double rise = 0;         // points above the baseline: superscript note numbers
};

// How a paragraph is set.
struct ParagraphStyle {
  double width = 300;            // the measure, points
  double first_line_indent = 0;
  bool justify = true;           // justified, else ragged-right
  // Justified lines whose spaces would have to stretch more than this ratio make the
  // whole paragraph ragged-right instead (a river of white looks worse than a ragged edge).
  double max_stretch_ratio = 2.0;
};

// One line of a paragraph, ready to be put on a page at some baseline.
struct PlacedLine {
  std::vector<GlyphRun> runs;    // x relative to the line's left edge, baseline 0
  std::vector<LinkArea> links;   // x relative; y is the top of the line's box relative to baseline (negative = above)
  double width = 0;              // natural or justified width actually used (<= style.width)
  double ascent = 0, descent = 0;// max over the runs, points
  bool ends_with_hyphen = false;
};

// Breaks and places a paragraph. Words are hyphenated when `hyphenator` is set
// (it may be null). No line is wider than style.width unless a single character
// is; the first line's runs start at style.first_line_indent. Spaces at the
// start or end of a line and a '\n' ending the text make nothing; text of only
// spaces makes no lines.
std::vector<PlacedLine> LayoutParagraph(const std::vector<InlineSpan>& spans,
                                        const ParagraphStyle& style,
                                        const FontMetrics& metrics,
                                        const Hyphenator* hyphenator);  // may be null

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_PARAGRAPH_H_
