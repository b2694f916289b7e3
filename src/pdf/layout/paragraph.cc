#include "pdf/layout/paragraph.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "pdf/layout/linebreak.h"

namespace gobook::layout {
namespace {

// ---- Constants ----

// An inter-word space stretches by half its width and shrinks by a third, the
// proportions of TeX's Computer Modern (3.33pt plus 1.67pt minus 1.11pt): enough
// room to justify most lines without visible gaps or crowding.
constexpr double kSpaceStretch = 1.0 / 2;
constexpr double kSpaceShrink = 1.0 / 3;

// The cost of breaking at a hyphenation point: the Knuth-Plass paper's (and TeX's
// \hyphenpenalty) 50. typst charges 135 because it has no glue and its ratios come
// out differently; our items are the paper's boxes and glue, so the paper's value
// keeps its meaning: a hyphen is worth about a line with ratio 0.8 instead of 0.
constexpr double kHyphenPenalty = 50;
// Breaking after a hyphen already in the word ("well-|known"), TeX's \exhyphenpenalty.
constexpr double kExplicitHyphenPenalty = 50;
// Breaking inline code after '.', '/', '_' ... : twice a hyphen, because a split
// identifier is harder to read than a split word, yet a loose line is worse still.
constexpr double kCodeBreakPenalty = 100;
// Cutting a word wider than the measure (a URL, a long identifier). Only such
// words get these breaks at all; a cut after '/' or before a camelCase hump keeps
// the pieces readable, so it costs far less than a cut at any other character.
constexpr double kPreferredCutPenalty = 200;
constexpr double kAnyCutPenalty = 1000;
// Where an over-wide word may be cut with preference: after these characters...
constexpr std::string_view kPreferredCutAfter = "/._-?&=";
// ...and inline code anywhere after these (never at its first character, never
// between two of them, never before a closing ')': "f()" stays whole).
constexpr std::string_view kCodeBreakAfter = "./_(,[{";

// Ragged-right glue at each break stretches by three spaces, the paper's setting
// for ragged text (TeX's \raggedright uses 2em): the breaker then keeps the right
// edge evenly ragged instead of filling lines greedily.
constexpr double kRaggedStretchSpaces = 3;
// A cut inside an over-wide word carries stretch of half the measure, so a line
// ending in one is always within the tolerance (ratio <= 2); such lines are set
// at their natural width, as no spacing could justify a piece of a URL.
constexpr double kCutStretchFraction = 0.5;

constexpr char32_t kNoBreakSpace = 0xA0;

// Two boxes closer than this (points) touch: rounding, not a gap.
constexpr double kSameSpot = 1e-9;

// ---- Items and what they stand for ----

// What an item draws, for placement: the line breaker sees only the BreakItem.
struct Atom {
  enum Kind {
    kNone,       // invisible: ragged glue, forbidden breaks, a break after '-'
    kText,       // a box of glyphs in one face
    kIndent,     // the first line's indent, an empty box
    kSpace,      // an inter-word (or no-break) space: a gap, never drawn
    kHyphen,     // a hyphenation point: draws '-' when the line ends here
    kCut,        // a cut inside an over-wide word: nothing drawn, line not justified
    kHardBreak,  // '\n': the line before it is not justified
    kEnd,        // the end of the paragraph
  } kind = kNone;
  size_t span = 0;
  Face face = Face::kRegular;
  std::string text;  // kText
};

// An atom with no text of its own.
Atom Mark(Atom::Kind kind, size_t span = 0, Face face = Face::kRegular) {
  Atom atom;
  atom.kind = kind;
  atom.span = span;
  atom.face = face;
  return atom;
}

// Part of a word (text between spaces) from one span.
struct WordPart {
  size_t span = 0;
  size_t begin = 0;  // byte offset in the word's text
  std::string text;
};

// A place inside a word where a line may end.
struct InnerBreak {
  enum Kind { kHyphenation, kAfterHyphen, kCode, kPreferredCut, kAnyCut, kNoBreakSpace } kind;
  size_t offset;      // byte offset in the word's text
  bool cut = false;   // kNoBreakSpace: the word is over-wide, so it may break here
};

bool IsSpace(char32_t code_point) {
  return code_point == ' ' || code_point == '\t' || code_point == '\r' || code_point == '\f' ||
         code_point == '\v';
}

bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }

bool Contains(std::string_view set, char32_t c) {
  return c < 0x80 && set.find(static_cast<char>(c)) != std::string_view::npos;
}

BreakItem Box(double width) { return {BreakItem::kBox, width, 0, 0, 0, false}; }
BreakItem Glue(double width, double stretch, double shrink) {
  return {BreakItem::kGlue, width, stretch, shrink, 0, false};
}
BreakItem Penalty(double cost, double width = 0, bool flagged = false) {
  return {BreakItem::kPenalty, width, 0, 0, cost, flagged};
}

// The code points of a word with their byte offsets.
struct Char {
  char32_t code_point;
  size_t begin, end;
};

std::vector<Char> Decode(std::string_view text) {
  std::vector<Char> chars;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t begin = offset;
    char32_t code_point = NextCodePoint(text, &offset);
    chars.push_back({code_point, begin, offset});
  }
  return chars;
}

// Turns spans into items, one Atom per item.
class ItemBuilder {
 public:
  ItemBuilder(const std::vector<InlineSpan>& spans, const ParagraphStyle& style,
              const FontMetrics& metrics, const Hyphenator* hyphenator, bool ragged)
      : spans_(spans), style_(style), metrics_(metrics), hyphenator_(hyphenator),
        ragged_(ragged) {
    ragged_stretch_ = kRaggedStretchSpaces * SpaceWidth(0);
    cut_stretch_ = kCutStretchFraction * style.width;
  }

  void Build();
  const std::vector<BreakItem>& items() const { return items_; }
  const std::vector<Atom>& atoms() const { return atoms_; }

 private:
  void Add(BreakItem item, Atom atom = {}) {
    items_.push_back(item);
    atoms_.push_back(std::move(atom));
  }
  // A break that gives the line ending there `stretch` to spare: the paper's
  // "\penalty10000 \hskip 0pt plus s \penalty p \hskip 0pt plus -s". If the line
  // goes on, the two glues cancel; if it breaks, the second one is discarded.
  void AddBreakWithStretch(double stretch, BreakItem penalty, Atom atom);
  double SpaceWidth(size_t span) const {
    return TextWidth(metrics_, spans_[span].face, " ", spans_[span].size);
  }
  void AddSpace(size_t span);
  void AddForcedBreak(size_t span, Atom::Kind kind);
  void AddWord(const std::vector<WordPart>& parts);
  size_t SpanAt(const std::vector<WordPart>& parts, size_t offset) const;
  double WordWidth(const std::vector<WordPart>& parts) const;
  std::vector<InnerBreak> FindBreaks(const std::vector<WordPart>& parts,
                                     const std::vector<Char>& chars) const;
  void FindHyphenation(const std::vector<WordPart>& parts, const std::vector<Char>& chars,
                       size_t first, size_t last, std::vector<InnerBreak>* breaks) const;
  void FindCodeBreaks(const std::vector<WordPart>& parts, const std::vector<Char>& chars,
                      std::vector<InnerBreak>* breaks) const;
  void FindCuts(const std::vector<Char>& chars, std::vector<InnerBreak>* breaks) const;
  void AddText(const std::vector<WordPart>& parts, size_t begin, size_t end);
  void AddInnerBreak(const std::vector<WordPart>& parts, const InnerBreak& inner);

  const std::vector<InlineSpan>& spans_;
  const ParagraphStyle& style_;
  const FontMetrics& metrics_;
  const Hyphenator* hyphenator_;
  bool ragged_;
  double ragged_stretch_ = 0;
  double cut_stretch_ = 0;
  bool first_word_ = true;
  std::vector<BreakItem> items_;
  std::vector<Atom> atoms_;
};

void ItemBuilder::Build() {
  // TeX's \parindent: an empty box, so the first line's words start after it.
  if (style_.first_line_indent > 0) Add(Box(style_.first_line_indent), Mark(Atom::kIndent));
  std::vector<WordPart> word;
  size_t word_size = 0;
  bool after_word = false;  // a space only counts between two words
  bool pending_space = false;
  size_t space_span = 0;
  auto flush_word = [&] {
    if (word.empty()) return;
    AddWord(word);
    word.clear();
    word_size = 0;
    after_word = true;
  };
  for (size_t s = 0; s < spans_.size(); ++s) {
    std::string_view text = spans_[s].text;
    size_t offset = 0;
    while (offset < text.size()) {
      size_t begin = offset;
      char32_t code_point = NextCodePoint(text, &offset);
      if (code_point == '\n') {
        flush_word();
        AddForcedBreak(s, Atom::kHardBreak);
        after_word = pending_space = false;
      } else if (IsSpace(code_point)) {
        flush_word();
        if (after_word && !pending_space) space_span = s;
        pending_space = after_word;
      } else {
        if (pending_space) AddSpace(space_span);
        pending_space = false;
        if (word.empty() || word.back().span != s) word.push_back({s, word_size, ""});
        word.back().text.append(text.substr(begin, offset - begin));
        word_size += offset - begin;
      }
    }
  }
  flush_word();
  // A '\n' at the very end would only add an empty last line.
  while (!atoms_.empty() && atoms_.back().kind == Atom::kHardBreak) {
    items_.resize(items_.size() - 3);
    atoms_.resize(atoms_.size() - 3);
  }
  AddForcedBreak(spans_.size() - 1, Atom::kEnd);
}

void ItemBuilder::AddBreakWithStretch(double stretch, BreakItem penalty, Atom atom) {
  Add(Penalty(kInfinitePenalty));
  Add(Glue(0, stretch, 0));
  Add(penalty, std::move(atom));
  Add(Glue(0, -stretch, 0));
}

void ItemBuilder::AddSpace(size_t span) {
  double width = SpaceWidth(span);
  Atom atom = Mark(Atom::kSpace, span);
  if (ragged_) {
    // The paper's ragged-right space: a line ending here gets the ragged stretch,
    // while a space inside a line stays at its natural width.
    Add(Penalty(kInfinitePenalty));
    Add(Glue(0, ragged_stretch_, 0));
    Add(Penalty(0));
    Add(Glue(width, -ragged_stretch_, 0), atom);
  } else if (spans_[span].code) {
    Add(Glue(width, 0, 0), atom);  // code keeps its monospaced rhythm
  } else {
    Add(Glue(width, width * kSpaceStretch, width * kSpaceShrink), atom);
  }
}

void ItemBuilder::AddForcedBreak(size_t span, Atom::Kind kind) {
  // TeX's \parfillskip: the line before a forced break is filled with glue of
  // infinite stretch, so it is set at its natural width.
  Add(Penalty(kInfinitePenalty), Mark(Atom::kNone, span));
  Add(Glue(0, kFilStretch, 0), Mark(Atom::kNone, span));
  Add(Penalty(-kInfinitePenalty), Mark(kind, span));
}

// The parts of a word follow each other in order of `begin`. A word may have
// thousands (a run of footnote references or links with no space between them)
// and a break at every character, so the part at an offset is found by binary
// search: a scan per break made such a paragraph quadratic.
std::vector<WordPart>::const_iterator PartAt(const std::vector<WordPart>& parts, size_t offset) {
  auto after = std::upper_bound(parts.begin() + 1, parts.end(), offset,
                                [](size_t at, const WordPart& part) { return at < part.begin; });
  return std::prev(after);
}

size_t ItemBuilder::SpanAt(const std::vector<WordPart>& parts, size_t offset) const {
  return PartAt(parts, offset)->span;
}

double ItemBuilder::WordWidth(const std::vector<WordPart>& parts) const {
  double width = 0;
  for (const WordPart& part : parts) {
    const InlineSpan& span = spans_[part.span];
    for (const FaceRun& run : SplitByFace(metrics_, span.face, part.text)) {
      width += TextWidth(metrics_, run.face, run.text, span.size);
    }
  }
  return width;
}

void ItemBuilder::AddWord(const std::vector<WordPart>& parts) {
  std::vector<Char> chars;
  for (const WordPart& part : parts) {
    for (Char c : Decode(part.text)) chars.push_back({c.code_point, c.begin + part.begin, c.end + part.begin});
  }
  std::vector<InnerBreak> breaks = FindBreaks(parts, chars);
  first_word_ = false;
  size_t position = 0;
  for (const InnerBreak& inner : breaks) {
    AddText(parts, position, inner.offset);
    AddInnerBreak(parts, inner);
    position = inner.offset;
    // The no-break space itself is the glue; skip its two bytes.
    if (inner.kind == InnerBreak::kNoBreakSpace) position += 2;
  }
  AddText(parts, position, chars.empty() ? 0 : chars.back().end);
}

std::vector<InnerBreak> ItemBuilder::FindBreaks(const std::vector<WordPart>& parts,
                                                const std::vector<Char>& chars) const {
  std::vector<InnerBreak> breaks;
  // No-break spaces split the word into words that stay on one line.
  size_t first = 0;
  for (size_t i = 0; i <= chars.size(); ++i) {
    if (i < chars.size() && chars[i].code_point != kNoBreakSpace) continue;
    FindHyphenation(parts, chars, first, i, &breaks);
    if (i < chars.size()) breaks.push_back({InnerBreak::kNoBreakSpace, chars[i].begin});
    first = i + 1;
  }
  FindCodeBreaks(parts, chars, &breaks);
  // Anything wider than the narrowest line it may start is cut as a last resort.
  double limit = style_.width - (first_word_ ? std::max(style_.first_line_indent, 0.0) : 0.0);
  if (WordWidth(parts) > limit) FindCuts(chars, &breaks);
  std::sort(breaks.begin(), breaks.end(),
            [](const InnerBreak& a, const InnerBreak& b) { return a.offset < b.offset; });
  return breaks;
}

void ItemBuilder::FindHyphenation(const std::vector<WordPart>& parts,
                                  const std::vector<Char>& chars, size_t first, size_t last,
                                  std::vector<InnerBreak>* breaks) const {
  if (hyphenator_ == nullptr) return;
  // Strip punctuation around the word: "(concurrency)," is hyphenated as
  // "concurrency". What is left must be letters (the hyphenator checks).
  while (first < last && !IsHyphenatableLetter(chars[first].code_point)) ++first;
  while (last > first && !IsHyphenatableLetter(chars[last - 1].code_point)) --last;
  if (first == last) return;
  size_t begin = chars[first].begin;
  size_t end = chars[last - 1].end;
  std::string word;
  for (const WordPart& part : parts) {
    if (spans_[part.span].code && part.begin < end && part.begin + part.text.size() > begin) {
      return;  // inline code is never hyphenated
    }
    size_t from = std::max(begin, part.begin);
    size_t to = std::min(end, part.begin + part.text.size());
    if (from < to) word += part.text.substr(from - part.begin, to - from);
  }
  for (size_t point : hyphenator_->Points(word)) {
    bool after_hyphen = word[point - 1] == '-';
    breaks->push_back({after_hyphen ? InnerBreak::kAfterHyphen : InnerBreak::kHyphenation,
                       begin + point});
  }
}

void ItemBuilder::FindCodeBreaks(const std::vector<WordPart>& parts,
                                 const std::vector<Char>& chars,
                                 std::vector<InnerBreak>* breaks) const {
  for (size_t i = 1; i + 1 < chars.size(); ++i) {
    if (!spans_[SpanAt(parts, chars[i].begin)].code) continue;
    if (!Contains(kCodeBreakAfter, chars[i].code_point)) continue;
    char32_t next = chars[i + 1].code_point;
    if (Contains(kCodeBreakAfter, next) || next == ')' || next == kNoBreakSpace) continue;
    breaks->push_back({InnerBreak::kCode, chars[i].end});
  }
}

void ItemBuilder::FindCuts(const std::vector<Char>& chars,
                           std::vector<InnerBreak>* breaks) const {
  std::vector<bool> taken(chars.empty() ? 0 : chars.back().end + 1, false);
  for (InnerBreak& inner : *breaks) {
    taken[inner.offset] = true;
    if (inner.kind == InnerBreak::kNoBreakSpace) {
      inner.cut = true;  // an over-wide group may come apart at its no-break spaces
      taken[inner.offset + 2] = true;
    }
  }
  for (size_t i = 1; i < chars.size(); ++i) {
    if (taken[chars[i].begin]) continue;
    char32_t before = chars[i - 1].code_point;
    char32_t after = chars[i].code_point;
    if (before == kNoBreakSpace || after == kNoBreakSpace) continue;
    bool preferred = Contains(kPreferredCutAfter, before) ||
                     (IsAsciiLower(before) && IsAsciiUpper(after));  // camelCase
    breaks->push_back({preferred ? InnerBreak::kPreferredCut : InnerBreak::kAnyCut,
                       chars[i].begin});
  }
}

void ItemBuilder::AddText(const std::vector<WordPart>& parts, size_t begin, size_t end) {
  for (auto it = PartAt(parts, begin); it != parts.end() && it->begin < end; ++it) {
    const WordPart& part = *it;
    size_t from = std::max(begin, part.begin);
    size_t to = std::min(end, part.begin + part.text.size());
    if (from >= to) continue;
    const InlineSpan& span = spans_[part.span];
    std::string_view text = std::string_view(part.text).substr(from - part.begin, to - from);
    // Characters the span's face lacks go to the fallback faces (✓ to Symbols).
    for (FaceRun& run : SplitByFace(metrics_, span.face, text)) {
      double width = TextWidth(metrics_, run.face, run.text, span.size);
      Atom atom = Mark(Atom::kText, part.span, run.face);
      atom.text = std::move(run.text);
      Add(Box(width), std::move(atom));
    }
  }
}

void ItemBuilder::AddInnerBreak(const std::vector<WordPart>& parts, const InnerBreak& inner) {
  size_t span = SpanAt(parts, inner.offset - 1);
  const InlineSpan& style = spans_[span];
  switch (inner.kind) {
    case InnerBreak::kHyphenation:
    case InnerBreak::kAfterHyphen: {
      bool draws_hyphen = inner.kind == InnerBreak::kHyphenation;
      double width = draws_hyphen ? TextWidth(metrics_, style.face, "-", style.size) : 0;
      double cost = draws_hyphen ? kHyphenPenalty : kExplicitHyphenPenalty;
      Atom atom = Mark(draws_hyphen ? Atom::kHyphen : Atom::kNone, span, style.face);
      if (ragged_) {
        AddBreakWithStretch(ragged_stretch_, Penalty(cost, width, true), atom);
      } else {
        Add(Penalty(cost, width, true), atom);
      }
      break;
    }
    case InnerBreak::kCode:
      if (ragged_) {
        AddBreakWithStretch(ragged_stretch_, Penalty(kCodeBreakPenalty), Mark(Atom::kNone, span));
      } else {
        Add(Penalty(kCodeBreakPenalty), Mark(Atom::kNone, span));
      }
      break;
    case InnerBreak::kPreferredCut:
    case InnerBreak::kAnyCut: {
      double cost = inner.kind == InnerBreak::kPreferredCut ? kPreferredCutPenalty : kAnyCutPenalty;
      AddBreakWithStretch(cut_stretch_, Penalty(cost), Mark(Atom::kCut, span));
      break;
    }
    case InnerBreak::kNoBreakSpace: {
      size_t space_span = SpanAt(parts, inner.offset);
      double width = SpaceWidth(space_span);
      if (inner.cut) {
        AddBreakWithStretch(cut_stretch_, Penalty(kPreferredCutPenalty), Mark(Atom::kCut, span));
      } else {
        Add(Penalty(kInfinitePenalty));  // glue after a box would be a break
      }
      bool rigid = ragged_ || spans_[space_span].code;
      Add(Glue(width, rigid ? 0 : width * kSpaceStretch, rigid ? 0 : width * kSpaceShrink),
          Mark(Atom::kSpace, space_span));
      break;
    }
  }
}

// ---- Placement ----

// Where a box landed on its line, for link rectangles.
struct PlacedBox {
  double left, right;
  size_t span;
};

// Places one line's items left to right at the line's adjustment ratio.
class LinePlacer {
 public:
  LinePlacer(const std::vector<InlineSpan>& spans, const FontMetrics& metrics, double ratio)
      : spans_(spans), metrics_(metrics), ratio_(ratio) {}

  void Place(const BreakItem& item, const Atom& atom) {
    if (item.kind == BreakItem::kGlue) {
      x_ += item.width + (ratio_ >= 0 ? ratio_ * item.stretch : ratio_ * item.shrink);
      if (atom.kind == Atom::kSpace) joinable_ = false;
    } else if (item.kind == BreakItem::kBox) {
      if (atom.kind == Atom::kText) {
        AddRun(atom.span, atom.face, atom.text, item.width);
      } else {
        joinable_ = false;  // the indent
        x_ += item.width;
      }
    }
  }

  void PlaceHyphen(const BreakItem& item, const Atom& atom) {
    AddRun(atom.span, atom.face, "-", item.width);
    line_.ends_with_hyphen = true;
  }

  PlacedLine Finish(const Atom& break_atom, double measure);

 private:
  void AddRun(size_t span_index, Face face, const std::string& text, double width) {
    const InlineSpan& span = spans_[span_index];
    GlyphRun* last = line_.runs.empty() ? nullptr : &line_.runs.back();
    // Boxes with nothing but invisible breaks between them are one word: keep a
    // run going while the style stays the same (the words themselves never join).
    if (joinable_ && last != nullptr && std::abs(x_ - right_) < kSameSpot &&
        last->face == face && last->size == span.size && last->color == span.color &&
        last->baseline == -span.rise) {
      last->text += text;
    } else {
      line_.runs.push_back({x_, -span.rise, face, span.size, span.color, text});
    }
    boxes_.push_back({x_, x_ + width, span_index});
    x_ += width;
    right_ = x_;
    joinable_ = true;
  }
  void AddLinks();

  const std::vector<InlineSpan>& spans_;
  const FontMetrics& metrics_;
  double ratio_;
  double x_ = 0;
  double right_ = 0;
  bool joinable_ = false;
  PlacedLine line_;
  std::vector<PlacedBox> boxes_;
};

PlacedLine LinePlacer::Finish(const Atom& break_atom, double measure) {
  auto grow = [&](Face face, double size) {
    line_.ascent = std::max(line_.ascent, metrics_.Ascent(face) * size / 1000.0);
    line_.descent = std::max(line_.descent, metrics_.Descent(face) * size / 1000.0);
  };
  for (const GlyphRun& run : line_.runs) grow(run.face, run.size);
  // An empty line (two '\n' in a row) is as tall as the text it sits in.
  if (line_.runs.empty()) grow(spans_[break_atom.span].face, spans_[break_atom.span].size);
  // A justified line's right edge is the measure; rounding must not push it past.
  line_.width = right_ > measure && right_ - measure < 1e-6 ? measure : right_;
  AddLinks();
  return std::move(line_);
}

void LinePlacer::AddLinks() {
  // One rectangle per run of boxes that link to the same place, spaces included.
  const PlacedBox* first = nullptr;
  const PlacedBox* last = nullptr;
  auto same_link = [&](const PlacedBox& a, const PlacedBox& b) {
    return spans_[a.span].link_destination == spans_[b.span].link_destination &&
           spans_[a.span].link_uri == spans_[b.span].link_uri;
  };
  auto close = [&] {
    if (first == nullptr) return;
    const InlineSpan& span = spans_[first->span];
    line_.links.push_back({first->left, -line_.ascent, last->right - first->left,
                           line_.ascent + line_.descent, span.link_destination, span.link_uri});
    first = last = nullptr;
  };
  for (const PlacedBox& box : boxes_) {
    const InlineSpan& span = spans_[box.span];
    bool linked = !span.link_destination.empty() || !span.link_uri.empty();
    if (first != nullptr && (!linked || !same_link(*first, box))) close();
    if (!linked) continue;
    if (first == nullptr) first = &box;
    last = &box;
  }
  close();
}

// Whether justified spacing stays within style.max_stretch_ratio on every line
// that is justified (not the last, not before a '\n', not ending in a cut word).
bool JustifiedLooksGood(const std::vector<Atom>& atoms, const LineBreaks& breaks,
                        const ParagraphStyle& style) {
  for (size_t k = 0; k < breaks.breaks.size(); ++k) {
    Atom::Kind kind = atoms[breaks.breaks[k]].kind;
    if (kind == Atom::kEnd || kind == Atom::kHardBreak || kind == Atom::kCut) continue;
    if (breaks.ratios[k] > style.max_stretch_ratio) return false;
  }
  return true;
}

std::vector<PlacedLine> Place(const std::vector<InlineSpan>& spans, const ItemBuilder& builder,
                              const LineBreaks& breaks, bool justify, double measure,
                              const FontMetrics& metrics) {
  const std::vector<BreakItem>& items = builder.items();
  const std::vector<Atom>& atoms = builder.atoms();
  std::vector<PlacedLine> lines;
  size_t start = 0;
  for (size_t k = 0; k < breaks.breaks.size(); ++k) {
    size_t end = breaks.breaks[k];
    const Atom& break_atom = atoms[end];
    // Only justified lines stretch; others keep natural spacing but may shrink.
    bool justified = justify && break_atom.kind != Atom::kEnd &&
                     break_atom.kind != Atom::kHardBreak && break_atom.kind != Atom::kCut;
    double ratio = justified ? breaks.ratios[k] : std::min(breaks.ratios[k], 0.0);
    if (!std::isfinite(ratio)) ratio = 0;  // nothing to stretch or shrink with
    LinePlacer placer(spans, metrics, ratio);
    for (size_t i = start; i < end; ++i) placer.Place(items[i], atoms[i]);
    if (break_atom.kind == Atom::kHyphen) placer.PlaceHyphen(items[end], break_atom);
    lines.push_back(placer.Finish(break_atom, measure));
    start = NextLineStart(items, end);
  }
  return lines;
}

std::vector<PlacedLine> Compose(const std::vector<InlineSpan>& spans, const ParagraphStyle& style,
                                const FontMetrics& metrics, const Hyphenator* hyphenator,
                                bool ragged, bool* looks_good) {
  ItemBuilder builder(spans, style, metrics, hyphenator, ragged);
  builder.Build();
  LineBreaks breaks = BreakLines(
      builder.items(), [&](size_t) { return style.width; }, BreakParams{});
  if (looks_good != nullptr) *looks_good = JustifiedLooksGood(builder.atoms(), breaks, style);
  if (looks_good != nullptr && !*looks_good) return {};
  return Place(spans, builder, breaks, /*justify=*/!ragged, style.width, metrics);
}

}  // namespace

std::vector<PlacedLine> LayoutParagraph(const std::vector<InlineSpan>& spans,
                                        const ParagraphStyle& style,
                                        const FontMetrics& metrics,
                                        const Hyphenator* hyphenator) {
  bool empty = std::all_of(spans.begin(), spans.end(), [](const InlineSpan& span) {
    return std::all_of(span.text.begin(), span.text.end(), [](char c) { return IsSpace(c); });
  });
  if (empty) return {};
  if (style.justify) {
    bool looks_good = true;
    std::vector<PlacedLine> lines =
        Compose(spans, style, metrics, hyphenator, /*ragged=*/false, &looks_good);
    if (looks_good) return lines;
  }
  return Compose(spans, style, metrics, hyphenator, /*ragged=*/true, nullptr);
}

}  // namespace gobook::layout
