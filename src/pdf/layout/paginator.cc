#include "pdf/layout/paginator.h"

namespace gobook::layout {
namespace {

// Rounding in the heights must never push a full page's last line over.
constexpr double kEpsilon = 0.01;

// The room a page's footnotes take: a rule above them, then their boxes.
double NotesHeight(const FlowItem& item) {
  double height = 0;
  for (const FlowItem& note : item.notes) height += note.space_before + note.height;
  return height;
}

bool ContinuesCodeAcrossBreak(const Flow& flow, size_t start) {
  return start > 0 && flow[start].continues_code && flow[start - 1].continues_code;
}

// The header to repeat at the top of a page that a table continues onto.
const FlowItem* RepeatedHeader(const Flow& flow, size_t start) {
  if (start == 0 || !flow[start].table_header) return nullptr;
  return flow[start - 1].table_header == flow[start].table_header ? flow[start].table_header.get()
                                                                     : nullptr;
}

// What a page starting at `start` carries above its first box.
double CarriedHeight(const Flow& flow, size_t start, double continued_height) {
  if (ContinuesCodeAcrossBreak(flow, start)) return continued_height;
  if (const FlowItem* header = RepeatedHeader(flow, start)) return header->height;
  return 0;
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

// Sets the footnotes cited on flow[begin, end) at the foot of the page, under a
// short rule, their last line on the body's last baseline.
void PlaceNotes(const Flow& flow, size_t begin, size_t end, const PageStyle& style,
                double rule_height, int page_index, BodyPage* page,
                std::vector<Destination>* anchors) {
  double total = 0;
  for (size_t k = begin; k < end; ++k) total += NotesHeight(flow[k]);
  if (total == 0) return;
  double top = style.top + style.body_height - total;
  double rule_y = top - rule_height * 0.5;
  page->items.push_back(StrokedLine{style.left, rule_y, style.left + 72, rule_y, 0.5,
                                    {110, 110, 110}, false});
  for (size_t k = begin; k < end; ++k) {
    for (const FlowItem& note : flow[k].notes) {
      top += note.space_before;
      for (PageItem placed : note.items) {
        std::visit(Shift{top}, placed);
        page->items.push_back(std::move(placed));
      }
      for (const auto& [id, offset] : note.anchors) {
        anchors->push_back({id, page_index, top + offset});
      }
      top += note.height;
    }
  }
}

}  // namespace

std::vector<size_t> PageStarts(const Flow& flow, double body_height, double continued_height,
                               double notes_rule_height) {
  std::vector<size_t> starts;
  if (flow.empty()) return starts;
  size_t start = 0;
  size_t i = 0;
  double y = 0;
  double notes = 0;  // footnotes cited on this page, at its foot
  starts.push_back(0);
  auto open_page = [&](size_t at) {
    if (at != start) starts.push_back(at);
    start = at;
    i = at;
    y = CarriedHeight(flow, at, continued_height);
    notes = 0;
  };
  while (i < flow.size()) {
    const FlowItem& item = flow[i];
    if (item.new_page && i != start) {
      open_page(i);
      continue;
    }
    double gap = i == start ? 0 : item.space_before;
    double item_notes = NotesHeight(item);
    double notes_after = notes + item_notes + (notes == 0 && item_notes > 0 ? notes_rule_height : 0);
    // A line that cites a note goes on the page only with its note.
    if (i == start || y + gap + item.height + notes_after <= body_height + kEpsilon) {
      y += gap + item.height;
      notes = notes_after;
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
  double notes_rule_height = style.leading * 0.8;
  std::vector<size_t> starts =
      PageStarts(flow, style.body_height, continued_height, notes_rule_height);
  std::string head;
  for (size_t p = 0; p < starts.size(); ++p) {
    size_t begin = starts[p];
    size_t end = p + 1 < starts.size() ? starts[p + 1] : flow.size();
    BodyPage page;
    double y = 0;
    if (ContinuesCodeAcrossBreak(flow, begin)) {
      page.items.push_back(ContinuedMark(style, metrics, style.top));
      y = continued_height;
    } else if (const FlowItem* header = RepeatedHeader(flow, begin)) {
      for (PageItem placed : header->items) {
        std::visit(Shift{style.top}, placed);
        page.items.push_back(std::move(placed));
      }
      y = header->height;
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
    PlaceNotes(flow, begin, end, style, notes_rule_height, static_cast<int>(p), &page,
               &result.anchors);
    page.running_head = head;
    result.pages.push_back(std::move(page));
  }
  return result;
}

}  // namespace gobook::layout
