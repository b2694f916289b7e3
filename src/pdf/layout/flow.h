// The flow: a lesson as a column of boxes (lines of text, code lines, rules,
// images), each with what the paginator needs to know to break pages well.
// Internal to layout.
#ifndef GOBOOK_PDF_LAYOUT_FLOW_H_
#define GOBOOK_PDF_LAYOUT_FLOW_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pdf/layout/frame.h"

namespace gobook::layout {

struct FlowItem {
  double height = 0;        // from the box's top to the next box's top (no gap)
  double space_before = 0;  // vertical gap above; dropped at the top of a page
  std::vector<PageItem> items;  // y (and baselines) relative to the box's top
  std::vector<std::pair<std::string, double>> anchors;  // destination id, y in the box
  // May a page break fall just before this box? The builder forbids breaks that
  // would leave a heading at a page foot, a single line of a paragraph or fewer
  // than two lines of code alone, or split a list or callout that fits a page.
  bool can_break_before = true;
  bool new_page = false;     // starts on a fresh page (a lesson's opening)
  bool continues_code = false;  // a code line: a break before it gets a "continued" mark
  std::string running_head;  // set on a lesson's first box: the head from here on
  bool opening = false;      // a lesson's opening page carries no running head
  // Footnotes first referenced in this box: they go at the foot of its page.
  std::vector<FlowItem> notes;
  // A table row: its table's header row, repeated on top of a page that the
  // table continues onto.
  std::shared_ptr<const FlowItem> table_header;
};

using Flow = std::vector<FlowItem>;

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_FLOW_H_
