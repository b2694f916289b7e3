// The page's geometry and the type sizes, derived from the paper size so that
// every size reads as a designed book: a measure near 66 characters of body
// text, and room for a 72-column code line in the mono face.
#ifndef GOBOOK_PDF_LAYOUT_PAGE_STYLE_H_
#define GOBOOK_PDF_LAYOUT_PAGE_STYLE_H_

#include "pdf/layout/frame.h"

namespace gobook::layout {

struct PageStyle {
  PageSize size;
  // The text block.
  double left = 0;         // left edge of the text block
  double top = 0;          // top edge of the body area
  double width = 0;        // the measure
  double body_height = 0;  // height of the body area
  // Bands outside the body for the running head and the folio.
  double head_baseline = 0;
  double foot_baseline = 0;
  // Type.
  double body_size = 10.5;
  double leading = 14.5;   // baseline to baseline in body text
  double code_size = 8.5;
  double code_leading = 11;
  double small_size = 8.5;  // running heads, labels, folios
  double h1_size = 22;
  double h2_size = 14;
  double h3_size = 11.5;
  double paragraph_gap = 0;  // between paragraphs: none, first lines are not indented, so a half line
  double code_padding = 5;
};

inline constexpr int kCodeColumns = 72;      // the widest code line the page must fit
inline constexpr double kMonoAdvance = 0.6;  // Go Mono's advance, in ems

PageStyle StyleFor(const PageSize& size);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_PAGE_STYLE_H_
