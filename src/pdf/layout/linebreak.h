// Line breaking over Knuth and Plass's boxes, glue and penalties, the model TeX
// breaks paragraphs with. A paragraph is a list of items: boxes (text that is
// never split), glue (space that may stretch or shrink, and where a line may end
// when a box precedes it) and penalties (places a line may end at a cost, such as
// a hyphenation point). The breaker knows nothing of fonts or text: the paragraph
// composer (paragraph.h) builds the items and places the words.
//
// Two strategies sit behind one entry point, as in typst's linebreak.rs:
// total-fit (Knuth-Plass), which chooses all the breaks of the paragraph at once
// to minimise the sum of each line's demerits, and first-fit, which fills each
// line greedily. Total-fit is the default; first-fit is the fallback when no set
// of breaks keeps every line within the tolerance.
#ifndef GOBOOK_PDF_LAYOUT_LINEBREAK_H_
#define GOBOOK_PDF_LAYOUT_LINEBREAK_H_

#include <cstddef>
#include <functional>
#include <vector>

namespace gobook::layout {

// One box, glue or penalty of a paragraph.
struct BreakItem {
  enum Kind { kBox, kGlue, kPenalty } kind = kBox;
  double width = 0, stretch = 0, shrink = 0;
  double penalty = 0;   // kPenalty; <= -kInfinitePenalty forces a break, >= +kInfinitePenalty forbids
  bool flagged = false; // a hyphen break (two in a row cost extra)
};

// TeX's "infinite" penalty: at or above it a break is forbidden, at or below its
// negative a break is forced.
inline constexpr double kInfinitePenalty = 10000;

// The stretch of glue that should absorb any amount of space, such as the glue
// that ends a paragraph's last line (TeX's \parfillskip, "0pt plus 1fil"): so
// large that the line's adjustment ratio stays near zero.
inline constexpr double kFilStretch = 1e6;

// Which strategy BreakLines uses.
enum class BreakStrategy {
  kTotalFit,  // Knuth-Plass, falling back to first-fit when it finds no solution
  kFirstFit,  // greedy, line by line
};

// The costs that decide between candidate breaks; the defaults are the Knuth-Plass
// paper's (TeX's own \adjdemerits and \doublehyphendemerits are 10000, harsher).
struct BreakParams {
  // The largest adjustment ratio total-fit accepts for a line: how far its glue
  // may stretch, in units of the glue's stretchability. With spaces that stretch by
  // half their width, 3 lets a space grow to 2.5 times its natural width; beyond
  // that a line is so loose that a different set of breaks, or first-fit, or a
  // ragged setting, looks better. (TeX states it as badness 100 r^3: 3 is badness
  // 2700, the paper's advice for a narrow measure.) Shrinking is never allowed
  // beyond the glue's shrinkability (ratio -1).
  double tolerance = 3;
  // The cost of each line (TeX's \linepenalty): it makes total-fit prefer fewer
  // lines when the spacing is otherwise equal.
  double line_penalty = 10;
  // Extra demerits for two hyphenated lines in a row (TeX's \doublehyphendemerits):
  // a ladder of hyphens at the right edge distracts the eye.
  double flagged_demerits = 3000;
  // Extra demerits when a line's fitness class (tight, decent, loose, very loose)
  // differs by more than one from the previous line's (TeX's \adjdemerits): a
  // loose line next to a tight one shows as uneven grey.
  double fitness_demerits = 3000;
  BreakStrategy strategy = BreakStrategy::kTotalFit;
};

// The chosen breaks of a paragraph.
struct LineBreaks {
  std::vector<size_t> breaks;   // index of the item each line ends at (the last is the final penalty)
  std::vector<double> ratios;   // adjustment ratio of each line (stretch > 0, shrink < 0)
  bool total_fit = true;        // false when total-fit found no solution within tolerance and first-fit was used
};

// Breaks `items` into lines. The items should end with a forced break (TeX ends a
// paragraph with "\penalty10000 \hskip 0pt plus 1fil \penalty-10000"); the last
// item is treated as one in any case. line_width(i) gives the width of line i
// (lines may differ: a first line indent). Total-fit assumes line_width is constant
// after its first few lines (a shape with more than 32 distinct leading lines is
// broken as if line 32's width held for the rest). A line whose content cannot be
// made to fit (a box wider than the line) comes out overfull, with a ratio < -1.
LineBreaks BreakLines(const std::vector<BreakItem>& items,
                      const std::function<double(size_t line)>& line_width,
                      const BreakParams& params);

// Where the line after a break at `break_index` begins: glue and penalties after a
// break are discarded, up to the next box or forced break (or items.size()).
size_t NextLineStart(const std::vector<BreakItem>& items, size_t break_index);

// Whether a line may end at item `index`: a penalty below infinity, or glue that
// directly follows a box. The last item always may.
bool IsBreakpoint(const std::vector<BreakItem>& items, size_t index);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_LINEBREAK_H_
