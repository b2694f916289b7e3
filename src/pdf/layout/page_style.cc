#include "pdf/layout/page_style.h"

#include <algorithm>

namespace gobook::layout {

PageStyle StyleFor(const PageSize& size) {
  PageStyle style;
  style.size = size;
  // Small pages get smaller type; the ratios follow the classic 10/12 book scale.
  bool small = size.width < 480;
  style.body_size = small ? 9.5 : 10.5;
  style.leading = style.body_size * 1.38;
  style.small_size = style.body_size * 0.8;
  style.h1_size = style.body_size * 2.0;
  style.h2_size = style.body_size * 1.35;
  style.h3_size = style.body_size * 1.12;
  style.paragraph_gap = style.leading * 0.5;

  // Side margins of about an eighth of the width (at least 42 pt, 0.58 in), and a
  // measure of at most 33 ems: about 66 characters, the comfortable line.
  double margin = std::max(42.0, size.width * 0.125);
  style.width = std::min(size.width - 2 * margin, style.body_size * 33 * 1.08);
  style.left = (size.width - style.width) / 2;

  // Code: the largest size up to 8.5 pt at which 72 columns fit inside the box.
  double code_room = style.width - 2 * style.code_padding;
  style.code_size = std::min(8.5, code_room / (kCodeColumns * kMonoAdvance));
  style.code_leading = style.code_size * 1.3;

  double top_margin = std::max(50.0, size.height * 0.09);
  double bottom_margin = std::max(56.0, size.height * 0.1);
  style.top = top_margin;
  style.body_height = size.height - top_margin - bottom_margin;
  // Snap the body to whole lines, so full pages end on a baseline grid.
  style.body_height = static_cast<int>(style.body_height / style.leading) * style.leading;
  style.head_baseline = top_margin - style.leading * 1.5;
  style.foot_baseline = style.top + style.body_height + style.leading * 2.2;
  return style;
}

}  // namespace gobook::layout
