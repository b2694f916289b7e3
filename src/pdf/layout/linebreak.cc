#include "pdf/layout/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace gobook::layout {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Widths are sums of glyph advances in points; a line that misses its measure by
// less than this is exact (far below anything a printer can show).
constexpr double kEpsilon = 1e-9;

// TeX's badness is 100 r^3, capped at 10000 ("infinitely bad").
constexpr double kMaxBadness = 10000;

// Extra demerits when the next-to-last line ends with a hyphen (TeX's
// \finalhyphendemerits): the reader would carry half a word over to a short last
// line, the most visible place in a paragraph.
constexpr double kFinalHyphenDemerits = 5000;

// Total-fit tells lines apart by number only while line widths may still change.
// It probes this many leading lines of the shape; a first line indent needs one.
constexpr size_t kShapeProbeLines = 32;

// Running sums over the items, so any line's totals are two subtractions: the
// trick that keeps Knuth-Plass linear in the number of active breaks.
struct Sums {
  std::vector<double> width, stretch, shrink;  // over items [0, i)

  explicit Sums(const std::vector<BreakItem>& items)
      : width(items.size() + 1), stretch(items.size() + 1), shrink(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      const BreakItem& item = items[i];
      bool counts = item.kind != BreakItem::kPenalty;
      bool is_glue = item.kind == BreakItem::kGlue;
      width[i + 1] = width[i] + (counts ? item.width : 0);
      stretch[i + 1] = stretch[i] + (is_glue ? item.stretch : 0);
      shrink[i + 1] = shrink[i] + (is_glue ? item.shrink : 0);
    }
  }
};

// A line from item `start` up to a break at item `end`, measured.
struct LineMeasure {
  double natural = 0, stretch = 0, shrink = 0;
};

LineMeasure Measure(const std::vector<BreakItem>& items, const Sums& sums, size_t start,
                    size_t end) {
  LineMeasure line;
  line.natural = sums.width[end] - sums.width[start];
  if (items[end].kind == BreakItem::kPenalty) line.natural += items[end].width;  // a hyphen
  line.stretch = sums.stretch[end] - sums.stretch[start];
  line.shrink = sums.shrink[end] - sums.shrink[start];
  return line;
}

// How much the line's glue must stretch (> 0) or shrink (< 0), as a fraction of
// its stretchability or shrinkability, to fill `target`; infinite when it cannot.
double AdjustmentRatio(const LineMeasure& line, double target) {
  if (line.natural < target - kEpsilon) {
    return line.stretch > 0 ? (target - line.natural) / line.stretch : kInfinity;
  }
  if (line.natural > target + kEpsilon) {
    if (line.shrink <= 0) return -kInfinity;
    // A line that shrinks by all its glue may come out a rounding error short of
    // the measure (5/3 pt of shrink six times is not quite 10 pt): that is -1.
    if (line.natural - line.shrink <= target + kEpsilon) {
      return std::max(-1.0, (target - line.natural) / line.shrink);
    }
    return (target - line.natural) / line.shrink;
  }
  return 0;
}

// The paper's four fitness classes, so that neighbouring lines of very different
// tightness can be charged fitness_demerits.
int FitnessClass(double ratio) {
  if (ratio < -0.5) return 0;  // tight
  if (ratio <= 0.5) return 1;  // decent
  if (ratio <= 1) return 2;    // loose
  return 3;                    // very loose
}

bool IsForced(const std::vector<BreakItem>& items, size_t index) {
  return index + 1 == items.size() ||
         (items[index].kind == BreakItem::kPenalty && items[index].penalty <= -kInfinitePenalty);
}

// Caches line_width, which may be an expensive std::function call.
class LineWidths {
 public:
  explicit LineWidths(const std::function<double(size_t)>& line_width) : line_width_(line_width) {
    for (size_t i = 0; i <= kShapeProbeLines; ++i) widths_.push_back(line_width_(i));
    // Lines from easy_line_ on all have the same width, so total-fit need not tell
    // them apart by number (TeX's easy_line).
    easy_line_ = kShapeProbeLines;
    while (easy_line_ > 0 && widths_[easy_line_ - 1] == widths_[kShapeProbeLines]) --easy_line_;
  }
  double operator()(size_t line) {
    while (widths_.size() <= line) widths_.push_back(line_width_(widths_.size()));
    return widths_[line];
  }
  size_t LineClass(size_t line) const { return std::min(line, easy_line_); }

 private:
  const std::function<double(size_t)>& line_width_;
  std::vector<double> widths_;
  size_t easy_line_ = 0;
};

// ---- Total-fit (Knuth-Plass) ----

// A feasible break: the best way found to end a line at `position`.
struct Node {
  size_t position = 0;   // the item the line ends at
  size_t start = 0;      // where the next line begins
  size_t line = 0;       // the number of the line that starts after this break
  int fitness = 1;       // of the line ending here
  bool flagged = false;  // ends with a hyphen
  double demerits = 0;   // total from the paragraph's start
  double ratio = 0;      // of the line ending here
  int previous = -1;     // the node the line ending here starts from
};

class TotalFit {
 public:
  TotalFit(const std::vector<BreakItem>& items, LineWidths* widths, const BreakParams& params)
      : items_(items), sums_(items), widths_(*widths), params_(params) {}

  // The breaks of least total demerits, or nothing when every way of breaking has
  // a line looser than the tolerance or one that cannot shrink enough.
  std::optional<LineBreaks> Run() {
    nodes_.push_back(Node{});  // the paragraph's start
    active_.push_back(0);
    for (size_t b = 0; b < items_.size(); ++b) {
      if (!IsBreakpoint(items_, b)) continue;
      TryBreak(b);
      if (active_.empty()) return std::nullopt;
    }
    return BestPath();
  }

 private:
  // A candidate for a new node, kept per (line class, fitness class).
  struct Candidate {
    size_t line_class;
    Node node;
  };

  void TryBreak(size_t b) {
    bool forced = IsForced(items_, b);
    std::vector<Candidate> candidates;
    std::vector<int> still_active;
    for (int index : active_) {
      const Node& from = nodes_[static_cast<size_t>(index)];
      if (from.start > b) {  // b lies in the glue discarded after `from`
        still_active.push_back(index);
        continue;
      }
      double target = widths_(from.line);
      LineMeasure line = Measure(items_, sums_, from.start, b);
      double ratio = AdjustmentRatio(line, target);
      // Once the line is too full without a hyphen it stays too full for every
      // later break, so `from` can start no more lines (the paper's deactivation).
      double without_hyphen = line.natural - (items_[b].kind == BreakItem::kPenalty ? items_[b].width : 0);
      bool overfull = without_hyphen - line.shrink > target + kEpsilon;
      if (!forced && !overfull) still_active.push_back(index);
      if (ratio < -1 || ratio > params_.tolerance) continue;
      Consider(index, b, ratio, forced, &candidates);
    }
    active_ = std::move(still_active);
    AddNodes(b, candidates);
  }

  // The demerits of the line from `from` to break `b`, per the Knuth-Plass paper.
  double LineDemerits(const Node& from, size_t b, double ratio, int fitness) const {
    const BreakItem& item = items_[b];
    double magnitude = std::abs(ratio);
    double badness = std::min(100 * magnitude * magnitude * magnitude, kMaxBadness);
    double demerits = (params_.line_penalty + badness) * (params_.line_penalty + badness);
    double penalty = item.kind == BreakItem::kPenalty ? item.penalty : 0;
    if (penalty >= 0) {
      demerits += penalty * penalty;
    } else if (penalty > -kInfinitePenalty) {
      demerits -= penalty * penalty;  // an encouraged break
    }
    bool flagged = item.kind == BreakItem::kPenalty && item.flagged;
    if (flagged && from.flagged) demerits += params_.flagged_demerits;
    if (b + 1 == items_.size() && from.flagged) demerits += kFinalHyphenDemerits;
    if (std::abs(fitness - from.fitness) > 1) demerits += params_.fitness_demerits;
    return demerits;
  }

  void Consider(int from_index, size_t b, double ratio, bool forced,
                std::vector<Candidate>* candidates) {
    const Node& from = nodes_[static_cast<size_t>(from_index)];
    int fitness = FitnessClass(ratio);
    Node node;
    node.position = b;
    node.line = from.line + 1;
    node.fitness = fitness;
    node.flagged = items_[b].kind == BreakItem::kPenalty && items_[b].flagged;
    node.demerits = from.demerits + LineDemerits(from, b, ratio, fitness);
    node.ratio = ratio;
    node.previous = from_index;
    // After a forced break every line starts afresh: the fitness of the next line
    // is not compared with this one, and lines are told apart only by number.
    size_t line_class = widths_.LineClass(node.line);
    if (forced) node.fitness = 1;
    for (Candidate& candidate : *candidates) {
      if (candidate.line_class == line_class && candidate.node.fitness == node.fitness) {
        if (node.demerits < candidate.node.demerits) candidate.node = node;
        return;
      }
    }
    candidates->push_back({line_class, node});
  }

  void AddNodes(size_t b, const std::vector<Candidate>& candidates) {
    if (candidates.empty()) return;
    double least = candidates.front().node.demerits;
    for (const Candidate& candidate : candidates) least = std::min(least, candidate.node.demerits);
    size_t start = NextLineStart(items_, b);
    for (const Candidate& candidate : candidates) {
      // A candidate worse than the best by more than fitness_demerits can never
      // win: the most any later line can charge the best one extra is exactly that.
      if (candidate.node.demerits > least + params_.fitness_demerits) continue;
      Node node = candidate.node;
      node.start = start;
      nodes_.push_back(node);
      active_.push_back(static_cast<int>(nodes_.size() - 1));
    }
  }

  std::optional<LineBreaks> BestPath() const {
    int best = -1;
    for (int index : active_) {
      const Node& node = nodes_[static_cast<size_t>(index)];
      if (node.position + 1 != items_.size() || node.previous < 0) continue;
      if (best < 0 || node.demerits < nodes_[static_cast<size_t>(best)].demerits) best = index;
    }
    if (best < 0) return std::nullopt;
    LineBreaks result;
    for (int index = best; nodes_[static_cast<size_t>(index)].previous >= 0;
         index = nodes_[static_cast<size_t>(index)].previous) {
      result.breaks.push_back(nodes_[static_cast<size_t>(index)].position);
      result.ratios.push_back(nodes_[static_cast<size_t>(index)].ratio);
    }
    std::reverse(result.breaks.begin(), result.breaks.end());
    std::reverse(result.ratios.begin(), result.ratios.end());
    return result;
  }

  const std::vector<BreakItem>& items_;
  Sums sums_;
  LineWidths& widths_;
  const BreakParams& params_;
  std::vector<Node> nodes_;  // every node created; paths run through `previous`
  std::vector<int> active_;  // nodes a line may still start from, oldest first
};

// ---- First-fit ----

// Fills each line with as much as fits, then breaks at the last place that
// fitted; when nothing fits it breaks at the first place it can (overfull).
LineBreaks FirstFit(const std::vector<BreakItem>& items, LineWidths* widths) {
  Sums sums(items);
  LineBreaks result;
  size_t start = 0;
  size_t line_number = 0;
  std::optional<size_t> last_fit;
  auto end_line = [&](size_t b) {
    double ratio = AdjustmentRatio(Measure(items, sums, start, b), (*widths)(line_number));
    result.breaks.push_back(b);
    result.ratios.push_back(ratio);
    start = NextLineStart(items, b);
    ++line_number;
    last_fit.reset();
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (b < start || !IsBreakpoint(items, b)) continue;
    LineMeasure line = Measure(items, sums, start, b);
    bool fits = line.natural - line.shrink <= (*widths)(line_number) + kEpsilon;
    if (!fits) {
      size_t chosen = last_fit.value_or(b);
      end_line(chosen);
      b = chosen;  // rescan what follows the chosen break
      continue;
    }
    if (IsForced(items, b)) {
      end_line(b);
      continue;
    }
    last_fit = b;
  }
  return result;
}

}  // namespace

size_t NextLineStart(const std::vector<BreakItem>& items, size_t break_index) {
  for (size_t i = break_index + 1; i < items.size(); ++i) {
    if (items[i].kind == BreakItem::kBox) return i;
    if (items[i].kind == BreakItem::kPenalty && items[i].penalty <= -kInfinitePenalty) return i;
  }
  return items.size();
}

bool IsBreakpoint(const std::vector<BreakItem>& items, size_t index) {
  if (index + 1 == items.size()) return true;
  const BreakItem& item = items[index];
  if (item.kind == BreakItem::kPenalty) return item.penalty < kInfinitePenalty;
  if (item.kind == BreakItem::kGlue) return index > 0 && items[index - 1].kind == BreakItem::kBox;
  return false;
}

LineBreaks BreakLines(const std::vector<BreakItem>& items,
                      const std::function<double(size_t line)>& line_width,
                      const BreakParams& params) {
  if (items.empty()) return {};
  LineWidths widths(line_width);
  if (params.strategy == BreakStrategy::kTotalFit) {
    TotalFit total_fit(items, &widths, params);
    if (std::optional<LineBreaks> breaks = total_fit.Run()) return *breaks;
  }
  LineBreaks breaks = FirstFit(items, &widths);
  breaks.total_fit = false;
  return breaks;
}

}  // namespace gobook::layout
