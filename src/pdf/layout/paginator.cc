#include "pdf/layout/paginator.h"

namespace gobook::layout {
namespace {

// Rounding in the heights must never push a full page's last line over.
constexpr double kEpsilon = 0.01;

bool ContinuesCodeAcrossBreak(const Flow& flow, size_t start) {
  return start > 0 && flow[start].continues_code && flow[start - 1].continues_code;
}

struct Shift {
  double dy;
  void operator()(GlyphRun& run) const { run.baseline += dy; }
  void operator()(FilledRect& rect) const { rect.y += dy; }
  void operator()(StrokedLine& line) const {
    line.y1 += dy;
    line.y2 += dy;
  }
  void operator()(ImageBox& image) const { image.y += dy; }
  void operator()(LinkArea& link) const { link.y += dy; }
  void operator()(ActualTextBegin&) const {}
  void operator()(ActualTextEnd&) const {}
};

GlyphRun ContinuedMark(const PageStyle& style, const FontMetrics& metrics, double top) {
  GlyphRun run;
  run.face = Face::kItalic;
  run.size = style.small_size;
  run.color = {90, 90, 90};
  run.text = "(continued)";
  run.x = style.left + style.width - TextWidth(metrics, run.face, run.text, run.size);
  run.baseline = top + style.small_size;
  return run;
}

}  // namespace

std::vector<size_t> PageStarts(const Flow& flow, double body_height, double continued_height) {
  std::vector<size_t> starts;
  if (flow.empty()) return starts;
  size_t start = 0;
  size_t i = 0;
  double y = 0;
  starts.push_back(0);
  auto open_page = [&](size_t at) {
    if (at != start) starts.push_back(at);
    start = at;
    i = at;
    y = ContinuesCodeAcrossBreak(flow, at) ? continued_height : 0;
  };
  while (i < flow.size()) {
    const FlowItem& item = flow[i];
    if (item.new_page && i != start) {
      open_page(i);
      continue;
    }
    double gap = i == start ? 0 : item.space_before;
    if (i == start || y + gap + item.height <= body_height + kEpsilon) {
      y += gap + item.height;
      ++i;
      continue;
    }
    // It does not fit: break at the last place the rules allow on this page, or
    // here when they allow none (a keep that is taller than a page).
    size_t at = i;
    while (at > start && !flow[at].can_break_before) --at;
    open_page(at == start ? i : at);
  }
  return starts;
}

Pagination Paginate(const Flow& flow, const PageStyle& style, const FontMetrics& metrics) {
  Pagination result;
  double continued_height = style.small_size * 1.6;
  std::vector<size_t> starts = PageStarts(flow, style.body_height, continued_height);
  std::string head;
  for (size_t p = 0; p < starts.size(); ++p) {
    size_t begin = starts[p];
    size_t end = p + 1 < starts.size() ? starts[p + 1] : flow.size();
    BodyPage page;
    double y = 0;
    if (ContinuesCodeAcrossBreak(flow, begin)) {
      page.items.push_back(ContinuedMark(style, metrics, style.top));
      y = continued_height;
    }
    for (size_t k = begin; k < end; ++k) {
      const FlowItem& item = flow[k];
      if (!item.running_head.empty()) head = item.running_head;
      page.opening = page.opening || item.opening;
      double top = style.top + y + (k == begin ? 0 : item.space_before);
      for (PageItem placed : item.items) {
        std::visit(Shift{top}, placed);
        page.items.push_back(std::move(placed));
      }
      for (const auto& [id, offset] : item.anchors) {
        result.anchors.push_back({id, static_cast<int>(p), top + offset});
      }
      y = top - style.top + item.height;
    }
    page.running_head = head;
    result.pages.push_back(std::move(page));
  }
  return result;
}

}  // namespace gobook::layout
