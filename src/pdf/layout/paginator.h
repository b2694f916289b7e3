// Places the flow on pages: as much as fits, breaking only where the flow
// allows (see FlowItem::can_break_before), the way a typesetter would.
#ifndef GOBOOK_PDF_LAYOUT_PAGINATOR_H_
#define GOBOOK_PDF_LAYOUT_PAGINATOR_H_

#include <string>
#include <vector>

#include "pdf/layout/flow.h"
#include "pdf/layout/fonts.h"
#include "pdf/layout/page_style.h"

namespace gobook::layout {

struct BodyPage {
  std::vector<PageItem> items;  // in page coordinates
  std::string running_head;
  bool opening = false;  // a lesson opens here: no running head
};

struct Pagination {
  std::vector<BodyPage> pages;
  std::vector<Destination> anchors;  // page indices into `pages`
};

// Where each page starts: indices into the flow. Exposed for tests.
std::vector<size_t> PageStarts(const Flow& flow, double body_height, double continued_height,
                               double notes_rule_height = 0);

Pagination Paginate(const Flow& flow, const PageStyle& style, const FontMetrics& metrics);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_PAGINATOR_H_
