#include "pdf/layout/flow_builder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include "doc/passes.h"
#include "highlight/go_lexer.h"
#include "raster/raster.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::layout {
namespace {

constexpr Color kBlack{0, 0, 0};
constexpr Color kLinkBlue{26, 79, 139};
constexpr Color kCodeTint{244, 244, 240};  // light enough for any printer's greyscale
constexpr Color kRuleGrey{110, 110, 110};
constexpr Color kMuted{85, 85, 85};

// The look of each highlighting class: weight and style first, so it reads in
// greyscale print; colour only deepens it.
struct TokenLook {
  Face face;
  Color color;
};

TokenLook LookOf(highlight::TokenKind kind) {
  switch (kind) {
    case highlight::TokenKind::kKeyword: return {Face::kMonoBold, {29, 43, 115}};
    case highlight::TokenKind::kType: return {Face::kMono, {11, 90, 71}};
    case highlight::TokenKind::kBuiltin: return {Face::kMono, {106, 44, 145}};
    case highlight::TokenKind::kString: return {Face::kMono, {122, 58, 0}};
    case highlight::TokenKind::kComment: return {Face::kMonoItalic, {74, 74, 74}};
    case highlight::TokenKind::kNumber: return {Face::kMono, {138, 21, 56}};
    case highlight::TokenKind::kPlain: break;
  }
  return {Face::kMono, kBlack};
}

Face Italic(Face face) {
  switch (face) {
    case Face::kRegular: return Face::kItalic;
    case Face::kBold: return Face::kBoldItalic;
    case Face::kMono: return Face::kMonoItalic;
    default: return face;
  }
}

Face Bold(Face face) {
  switch (face) {
    case Face::kRegular: return Face::kBold;
    case Face::kItalic: return Face::kBoldItalic;
    case Face::kMono: return Face::kMonoBold;
    default: return face;
  }
}

// Splits code into lines, keeping empty ones.
std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// The number of code points in a UTF-8 string.
size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The byte offset after `columns` code points.
size_t ByteOffsetOfColumn(std::string_view text, size_t columns) {
  size_t offset = 0;
  for (size_t seen = 0; offset < text.size() && seen < columns; ++seen) {
    NextCodePoint(text, &offset);
  }
  return offset;
}

}  // namespace

std::string LessonDestination(int lesson) { return "lesson." + std::to_string(lesson); }

std::string HeadingDestination(int lesson, const std::string& anchor) {
  return LessonDestination(lesson) + "#" + anchor;
}

std::string PartDestination(int track) { return "part." + std::to_string(track); }

std::string FootnoteDestination(int lesson, int footnote) {
  return "note." + std::to_string(lesson) + "." + std::to_string(footnote);
}

FlowBuilder::FlowBuilder(const doc::Book& book, const PageStyle& style,
                         const FontMetrics& metrics, const Hyphenator* hyphenator,
                         DiagnosticSink* sink)
    : book_(book), style_(style), metrics_(metrics), hyphenator_(hyphenator), sink_(sink) {}

FlowItem& FlowBuilder::NewItem(double height, double space_before) {
  FlowItem item;
  item.height = height;
  item.space_before = std::max(space_before, pending_space_);
  pending_space_ = 0;
  if (keep_with_previous_) {
    item.can_break_before = false;
    keep_with_previous_ = false;
  }
  flow_.push_back(std::move(item));
  return flow_.back();
}

// ---- Inlines ---------------------------------------------------------------

void FlowBuilder::AppendSpans(const std::vector<doc::Inline>& inlines, TextStyle style,
                              const std::string& destination, const std::string& uri,
                              std::vector<InlineSpan>* spans) {
  auto text = [&](const std::string& content, TextStyle look) {
    InlineSpan span;
    span.text = content;
    span.face = look.face;
    span.size = look.size;
    span.color = (destination.empty() && uri.empty()) ? look.color : kLinkBlue;
    span.link_destination = destination;
    span.link_uri = uri;
    spans->push_back(std::move(span));
  };
  for (const doc::Inline& in : inlines) {
    switch (in.kind) {
      case doc::InlineKind::kText:
        text(in.text, style);
        break;
      case doc::InlineKind::kCode: {
        TextStyle code = style;
        code.face = Face::kMono;
        code.size = style.size * 0.9;  // the mono face runs large beside the text face
        text(in.text, code);
        spans->back().code = true;
        break;
      }
      case doc::InlineKind::kEmphasis: {
        TextStyle italic = style;
        italic.face = Italic(style.face);
        AppendSpans(in.children, italic, destination, uri, spans);
        break;
      }
      case doc::InlineKind::kStrong: {
        TextStyle bold = style;
        bold.face = Bold(style.face);
        AppendSpans(in.children, bold, destination, uri, spans);
        break;
      }
      case doc::InlineKind::kStrikethrough:
        AppendSpans(in.children, style, destination, uri, spans);
        break;
      case doc::InlineKind::kLink: {
        if (in.link_target == doc::LinkTarget::kDropped) {
          AppendSpans(in.children, style, destination, uri, spans);
          text(" (" + in.text + ")", style);
        } else if (in.link_target == doc::LinkTarget::kExternal) {
          AppendSpans(in.children, style, "", in.url, spans);
          AppendUrlNote(in, style, spans);
        } else {
          int target = in.link_target == doc::LinkTarget::kSameLesson ? lesson_ : in.target_lesson;
          std::string id = in.target_id.empty() ? LessonDestination(target)
                                                : HeadingDestination(target, in.target_id);
          AppendSpans(in.children, style, id, "", spans);
        }
        break;
      }
      case doc::InlineKind::kImage:
        text(in.text.empty() ? "[image]" : in.text, style);
        break;
      case doc::InlineKind::kSoftBreak:
        text(" ", style);
        break;
      case doc::InlineKind::kLineBreak:
        text("\n", style);
        break;
      case doc::InlineKind::kFootnoteRef: {
        spans->push_back(NoteReference(in.footnote, style));
        break;
      }
      case doc::InlineKind::kHtml: {
        TextStyle inner = style;
        if (in.tag == "kbd") inner.face = Face::kMono;
        AppendSpans(in.children, inner, destination, uri, spans);
        break;
      }
    }
  }
}

// A note's number as a superscript, the way books cite notes, linked to the note
// at the page foot; the builder finds the note through this destination on the
// line that cites it.
InlineSpan FlowBuilder::NoteReference(int footnote, TextStyle style) const {
  InlineSpan ref;
  ref.text = std::to_string(footnote + 1);
  ref.face = style.face == Face::kBold ? Face::kBold : Face::kRegular;
  ref.size = style.size * 0.7;
  ref.rise = style.size * 0.38;
  ref.color = kLinkBlue;
  ref.link_destination = FootnoteDestination(lesson_, footnote);
  return ref;
}

void FlowBuilder::AppendUrlNote(const doc::Inline& link, TextStyle style,
                                std::vector<InlineSpan>* spans) {
  if (doc::PlainText(link.children) == link.url) return;  // the URL is already printed
  if (in_note_) return;  // notes do not cite notes: a link in a note stays a link
  int footnotes = static_cast<int>(book_.lessons[static_cast<size_t>(lesson_)].footnotes.size());
  auto [it, added] = url_note_of_.emplace(&link, footnotes + static_cast<int>(url_notes_.size()));
  if (added) url_notes_.push_back(link.url);
  spans->push_back(NoteReference(it->second, style));
}

std::vector<InlineSpan> FlowBuilder::Spans(const std::vector<doc::Inline>& inlines,
                                           TextStyle style) {
  std::vector<InlineSpan> spans;
  AppendSpans(inlines, style, "", "", &spans);
  return spans;
}

// ---- Paragraph lines -------------------------------------------------------

void FlowBuilder::AddParagraphLines(const std::vector<InlineSpan>& spans,
                                    const ParagraphStyle& paragraph, double leading,
                                    double space_before) {
  std::vector<PlacedLine> lines = LayoutParagraph(spans, paragraph, metrics_, hyphenator_);
  size_t count = lines.size();
  for (size_t k = 0; k < count; ++k) {
    // The baseline sits where a line of body type centres its x-height in the
    // leading, or lower when a large face's ascenders would reach above the line.
    double baseline = std::max(leading * 0.72, lines[k].ascent);
    FlowItem& item = NewItem(leading, k == 0 ? space_before : 0);
    // No single line of a paragraph alone at the foot or the head of a page.
    if (k > 0) item.can_break_before = k >= 2 && count - k >= 2;
    for (GlyphRun run : lines[k].runs) {
      run.x += Left();
      run.baseline += baseline;
      item.items.push_back(std::move(run));
    }
    std::vector<int> cited;
    for (LinkArea link : lines[k].links) {
      int note = -1;
      if (std::sscanf(link.destination.c_str(), "note.%*d.%d", &note) == 1 &&
          link.destination == FootnoteDestination(lesson_, note) &&
          notes_placed_.insert(note).second) {
        cited.push_back(note);
      }
      link.x += Left();
      link.y += baseline;
      item.items.push_back(std::move(link));
    }
    std::sort(cited.begin(), cited.end());  // the foot lists a line's notes by number
    for (int note : cited) {
      std::vector<FlowItem> boxes = NoteBoxes(note);
      // NoteBoxes appended to a fresh flow; `item` may have moved since.
      FlowItem& citing = flow_[flow_.size() - 1];
      for (FlowItem& box : boxes) citing.notes.push_back(std::move(box));
    }
  }
}

// ---- Blocks ----------------------------------------------------------------

void FlowBuilder::AddBlocks(const doc::Blocks& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i) AddBlock(blocks[i], i == 0);
}

void FlowBuilder::AddBlock(const doc::Block& block, bool first_in_container) {
  double gap = first_in_container ? 0 : style_.paragraph_gap;
  switch (block.kind) {
    case doc::BlockKind::kParagraph: {
      if (AddImageBlock(block)) return;
      ParagraphStyle paragraph;
      paragraph.width = Measure();
      AddParagraphLines(Spans(block.inlines, {Face::kRegular, style_.body_size, kBlack}),
                        paragraph, style_.leading, gap);
      return;
    }
    case doc::BlockKind::kHeading:
      AddHeading(block);
      return;
    case doc::BlockKind::kCodeBlock:
      pending_space_ = std::max(pending_space_, gap);
      AddCode(block);
      return;
    case doc::BlockKind::kList:
      pending_space_ = std::max(pending_space_, gap);
      AddList(block);
      return;
    case doc::BlockKind::kBlockQuote:
      pending_space_ = std::max(pending_space_, gap);
      AddQuote(block);
      return;
    case doc::BlockKind::kCallout:
      pending_space_ = std::max(pending_space_, gap);
      AddCallout(block);
      return;
    case doc::BlockKind::kTable:
      pending_space_ = std::max(pending_space_, gap);
      AddTable(block);
      return;
    case doc::BlockKind::kThematicBreak:
      pending_space_ = std::max(pending_space_, gap);
      AddRule();
      return;
    case doc::BlockKind::kHtml:
      if (block.tag == "summary") {
        ParagraphStyle paragraph;
        paragraph.width = Measure();
        paragraph.justify = false;
        AddParagraphLines(Spans(block.inlines, {Face::kBold, style_.body_size, kBlack}),
                          paragraph, style_.leading, gap);
      } else {
        pending_space_ = std::max(pending_space_, gap);
        AddBlocks(block.children);
      }
      return;
  }
}

void FlowBuilder::AddHeading(const doc::Block& block) {
  double size = block.level <= 2 ? style_.h2_size : style_.h3_size;
  double leading = size * 1.25;
  ParagraphStyle paragraph;
  paragraph.width = Measure();
  paragraph.justify = false;
  size_t first = flow_.size();
  double space_before = block.level <= 2 ? style_.leading * 1.6 : style_.leading * 1.1;
  AddParagraphLines(Spans(block.inlines, {Face::kBold, size, kBlack}), paragraph, leading,
                    space_before);
  for (size_t i = first + 1; i < flow_.size(); ++i) flow_[i].can_break_before = false;
  if (first < flow_.size()) {
    flow_[first].anchors.push_back({HeadingDestination(lesson_, block.id), 0});
  }
  pending_space_ = style_.leading * 0.3;
  keep_with_previous_ = true;  // never the last thing on a page
}

void FlowBuilder::AddCode(const doc::Block& block) {
  bool output = block.code_role == doc::CodeRole::kOutput;
  double leading = style_.code_leading;
  double size = style_.code_size;
  double box_width = Measure();
  double text_left = Left() + style_.code_padding;
  double char_width = TextWidth(metrics_, Face::kMono, "0", size);
  // The code size is chosen so that exactly 72 columns fit; rounding must not lose one.
  size_t columns =
      static_cast<size_t>((box_width - 2 * style_.code_padding) / char_width + 1e-6);
  Color tint = output ? Color{255, 255, 255} : kCodeTint;

  size_t first = flow_.size();
  auto decorate = [&](FlowItem& item, double height) {
    item.items.insert(item.items.begin(), FilledRect{Left(), 0, box_width, height, tint});
    if (output) item.items.push_back(StrokedLine{Left(), 0, Left(), height, 1.0, kRuleGrey, true});
  };
  if (output) {
    FlowItem& label = NewItem(style_.small_size * 1.5, 0);
    label.items.push_back(GlyphRun{Left(), style_.small_size * 1.1, Face::kBold,
                                   style_.small_size, kMuted, "Output"});
  }
  FlowItem& top = NewItem(style_.code_padding, 0);
  if (output) top.can_break_before = flow_.size() == first + 1;
  decorate(top, style_.code_padding);
  top.continues_code = false;

  // Highlight once, then cut the token stream into lines.
  std::vector<std::vector<std::pair<TokenLook, std::string>>> lines(1);
  std::vector<highlight::Token> tokens;
  if (block.language == "go" && !output) {
    tokens = highlight::TokenizeGo(block.code);
  } else {
    tokens.push_back({highlight::TokenKind::kPlain, block.code});
  }
  for (const highlight::Token& token : tokens) {
    TokenLook look = LookOf(token.kind);
    size_t start = 0;
    while (start <= token.text.size()) {
      size_t end = token.text.find('\n', start);
      std::string piece = token.text.substr(start, end == std::string::npos ? std::string::npos
                                                                             : end - start);
      if (!piece.empty()) lines.back().push_back({look, piece});
      if (end == std::string::npos) break;
      lines.emplace_back();
      start = end + 1;
    }
  }
  // A reader counts the lines with ink on them: blank lines do not make up the
  // two that must stay on each side of a page break.
  std::vector<std::string> texts = SplitLines(block.code);
  size_t inked_total = 0;
  for (const std::string& text : texts) {
    size_t cps = CodePoints(text);
    size_t rows = cps <= columns ? 1 : 1 + (cps - columns + (columns - 3)) / (columns - 2);
    if (!Trim(text).empty()) inked_total += rows;
  }

  double baseline = leading * 0.76;
  size_t inked_index = 0;
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::string& whole = l < texts.size() ? texts[l] : std::string();
    // Cut the line's pieces into visual rows of at most `columns` characters;
    // rows after the first are indented two columns behind a wrap mark.
    std::vector<std::vector<std::pair<TokenLook, std::string>>> rows(1);
    size_t used = 0;
    // The rest of a piece is a view and its length is counted once, so a line
    // of any length is cut in time linear in its length.
    for (const auto& [look, piece] : lines[l]) {
      std::string_view rest = piece;
      size_t left = CodePoints(rest);
      while (left > 0) {
        size_t room = (rows.size() == 1 ? columns : columns - 2) - used;
        if (left <= room) {
          rows.back().push_back({look, std::string(rest)});
          used += left;
          break;
        }
        size_t cut = ByteOffsetOfColumn(rest, room);
        if (cut > 0) rows.back().push_back({look, std::string(rest.substr(0, cut))});
        rest.remove_prefix(cut);
        left -= room;
        rows.emplace_back();
        used = 0;
      }
    }
    bool marked = !Trim(whole).empty();
    for (size_t r = 0; r < rows.size(); ++r, inked_index += marked ? 1 : 0) {
      FlowItem& item = NewItem(leading, 0);
      item.continues_code = true;
      // Code splits only between lines, leaving at least two on each side, never
      // inside a wrapped line (its copy text spans all of its rows), and never
      // so that the next page opens on a blank line.
      item.can_break_before =
          r == 0 && marked && inked_index >= 2 && inked_total - inked_index >= 2;
      decorate(item, leading);
      if (marked && r == 0) item.items.push_back(ActualTextBegin{whole});
      double x = text_left;
      if (r > 0) {
        item.items.push_back(GlyphRun{x, baseline, Face::kSymbols, size, kMuted, "\u21AA"});
        x += 2 * char_width;
      }
      for (const auto& [look, piece] : rows[r]) {
        for (const FaceRun& run : SplitByFace(metrics_, look.face, piece)) {
          item.items.push_back(GlyphRun{x, baseline, run.face, size, look.color, run.text});
          x += TextWidth(metrics_, run.face, run.text, size);
        }
      }
      if (marked && r + 1 == rows.size()) item.items.push_back(ActualTextEnd{});
    }
  }
  FlowItem& bottom = NewItem(style_.code_padding, 0);
  bottom.can_break_before = false;
  decorate(bottom, style_.code_padding);
  pending_space_ = style_.paragraph_gap;
}

void FlowBuilder::AddList(const doc::Block& block) {
  double hang = style_.body_size * 1.6;
  int number = block.start;
  for (const doc::Blocks& item : block.items) {
    size_t first = flow_.size();
    indent_ += hang;
    for (size_t i = 0; i < item.size(); ++i) {
      AddBlock(item[i], i == 0);
      if (block.tight) pending_space_ = 0;
    }
    indent_ -= hang;
    if (first < flow_.size()) {
      std::string marker = block.ordered ? std::to_string(number) + "." : "\u2022";
      double width = TextWidth(metrics_, Face::kRegular, marker, style_.body_size);
      // The marker sits on the item's first baseline, right-aligned in the hang.
      for (const PageItem& placed : flow_[first].items) {
        if (const auto* run = std::get_if<GlyphRun>(&placed)) {
          flow_[first].items.push_back(GlyphRun{Left() + hang - width - style_.body_size * 0.4,
                                                run->baseline, Face::kRegular,
                                                style_.body_size, kBlack, marker});
          break;
        }
      }
    }
    ++number;
    if (!block.tight) pending_space_ = style_.paragraph_gap;
  }
  pending_space_ = style_.paragraph_gap;
}

void FlowBuilder::Decorate(size_t from, double x, Color rule, double rule_width,
                           const Color* tint, double tint_width) {
  for (size_t i = from; i < flow_.size(); ++i) {
    FlowItem& item = flow_[i];
    if (tint != nullptr) {
      item.items.insert(item.items.begin(), FilledRect{x, 0, tint_width, item.height, *tint});
    }
    item.items.push_back(StrokedLine{x, 0, x, item.height, rule_width, rule, false});
  }
}

void FlowBuilder::AddQuote(const doc::Block& block) {
  size_t first = flow_.size();
  double x = Left() + 2;
  indent_ += style_.body_size * 1.5;
  AddBlocks(block.children);
  indent_ -= style_.body_size * 1.5;
  Decorate(first, x, kRuleGrey, 1.0, nullptr, 0);
  pending_space_ = style_.paragraph_gap;
}

void FlowBuilder::AddCallout(const doc::Block& block) {
  size_t first = flow_.size();
  double x = Left();
  double width = Measure();
  indent_ += style_.body_size;
  FlowItem& top = NewItem(style_.leading * 0.4, 0);
  (void)top;
  ParagraphStyle title;
  title.width = Measure() - style_.body_size;
  title.justify = false;
  std::vector<InlineSpan> spans = {
      {doc::CalloutTitle(block.callout), Face::kBold, style_.body_size, kBlack, "", "", false}};
  AddParagraphLines(spans, title, style_.leading, 0);
  AddBlocks(block.children);
  FlowItem& bottom = NewItem(style_.leading * 0.4, 0);
  bottom.can_break_before = false;
  indent_ -= style_.body_size;
  static const Color kCalloutTint{246, 246, 246};
  double rule_width = block.callout == doc::CalloutKind::kTrap ? 3.0 : 2.0;
  Decorate(first, x, {40, 40, 40}, rule_width, &kCalloutTint, width);
  KeepTogether(first);
  pending_space_ = style_.paragraph_gap;
}

void FlowBuilder::KeepTogether(size_t from) {
  double height = 0;
  for (size_t i = from; i < flow_.size(); ++i) height += flow_[i].space_before + flow_[i].height;
  if (height > style_.body_height) return;  // taller than a page: its own rules apply
  for (size_t i = from + 1; i < flow_.size(); ++i) flow_[i].can_break_before = false;
}

// Column widths the way a browser's automatic table layout finds them: every
// column gets at least its longest word, and the room left over goes to the
// columns in proportion to how much more their text would like. Empty when even
// the longest words do not fit the measure; `widest` then names the word of the
// column that is furthest over its share.
std::vector<double> FlowBuilder::TableColumnWidths(const doc::Block& block, double size,
                                                   double padding, std::string* widest) {
  size_t columns = block.alignments.size();
  std::vector<double> natural(columns, 0), least(columns, 0);
  std::vector<std::string> longest_word(columns);
  auto measure_cell = [&](const doc::TableCell& cell, size_t c, Face face) {
    double width = 0;
    for (const InlineSpan& span : Spans(cell.inlines, {face, size, kBlack})) {
      width += TextWidth(metrics_, span.face, span.text, span.size);
      size_t start = 0;
      while (start < span.text.size()) {
        size_t end = std::min(span.text.find_first_of(" \n", start), span.text.size());
        std::string word = span.text.substr(start, end - start);
        double word_width = TextWidth(metrics_, span.face, word, span.size) + 2 * padding;
        if (word_width > least[c]) {
          least[c] = word_width;
          longest_word[c] = word;
        }
        start = end + 1;
      }
    }
    natural[c] = std::max(natural[c], width + 2 * padding);
  };
  for (size_t c = 0; c < columns && c < block.header.size(); ++c) {
    measure_cell(block.header[c], c, Face::kBold);
  }
  for (const auto& row : block.rows) {
    for (size_t c = 0; c < columns && c < row.size(); ++c) measure_cell(row[c], c, Face::kRegular);
  }
  double natural_total = 0, least_total = 0;
  for (size_t c = 0; c < columns; ++c) {
    natural_total += natural[c];
    least_total += least[c];
  }
  if (natural_total <= Measure()) return natural;
  if (least_total > Measure()) {
    size_t worst = 0;
    for (size_t c = 1; c < columns; ++c) {
      if (least[c] > least[worst]) worst = c;
    }
    *widest = longest_word[worst];
    return {};
  }
  std::vector<double> widths = least;
  double wish = natural_total - least_total;
  for (size_t c = 0; c < columns; ++c) {
    widths[c] += (Measure() - least_total) * (natural[c] - least[c]) / wish;
  }
  return widths;
}

void FlowBuilder::AddTable(const doc::Block& block) {
  size_t columns = block.alignments.size();
  if (columns == 0) return;
  // Type steps down (as TeX's \small and \footnotesize do) until the longest
  // words fit; a table that does not fit even then cannot be printed.
  double size = 0, padding = 0;
  std::vector<double> widths;
  std::string widest;
  for (double scale : {0.9, 0.8, 0.7}) {
    size = style_.body_size * scale;
    padding = size * 0.4;
    widths = TableColumnWidths(block, size, padding, &widest);
    if (!widths.empty()) break;
  }
  if (widths.empty()) {
    sink_->Error(block.pos.file, block.pos.line, block.pos.column,
                 "table has " + std::to_string(columns) +
                     " columns, too many for the printed page: the word '" + widest +
                     "' does not fit its column",
                 "split the table, or swap its rows and columns");
    return;
  }
  double leading = size * 1.35;
  auto add_row = [&](const std::vector<doc::TableCell>& cells, bool header) {
    std::vector<std::vector<PlacedLine>> laid(columns);
    size_t rows = 1;
    for (size_t c = 0; c < columns && c < cells.size(); ++c) {
      ParagraphStyle paragraph;
      paragraph.width = widths[c] - 2 * padding;
      paragraph.justify = false;
      laid[c] = LayoutParagraph(Spans(cells[c].inlines, {header ? Face::kBold : Face::kRegular,
                                                         size, kBlack}),
                                paragraph, metrics_, hyphenator_);
      rows = std::max(rows, laid[c].size());
    }
    double height = static_cast<double>(rows) * leading + 2 * padding;
    FlowItem& item = NewItem(height, 0);
    double x = Left();
    for (size_t c = 0; c < columns; ++c) {
      for (size_t k = 0; k < laid[c].size(); ++k) {
        double shift = 0;
        double free = widths[c] - 2 * padding - laid[c][k].width;
        if (block.alignments[c] == doc::Alignment::kRight) shift = free;
        if (block.alignments[c] == doc::Alignment::kCenter) shift = free / 2;
        for (GlyphRun run : laid[c][k].runs) {
          run.x += x + padding + shift;
          run.baseline += padding + static_cast<double>(k) * leading + leading * 0.75;
          item.items.push_back(std::move(run));
        }
      }
      x += widths[c];
    }
    double table_width = x - Left();
    item.items.push_back(StrokedLine{Left(), height, Left() + table_width, height,
                                     header ? 1.0 : 0.4, kRuleGrey, false});
    if (header) item.items.push_back(StrokedLine{Left(), 0, Left() + table_width, 0, 1.0,
                                                 kRuleGrey, false});
    return &item;
  };
  auto header = std::make_shared<const FlowItem>(*add_row(block.header, true));
  bool first_row = true;
  for (const auto& row : block.rows) {
    FlowItem* item = add_row(row, false);
    if (first_row) item->can_break_before = false;  // a header never ends a page alone
    item->table_header = header;
    first_row = false;
  }
  pending_space_ = style_.paragraph_gap;
}

void FlowBuilder::AddRule() {
  FlowItem& item = NewItem(style_.leading, 0);
  double middle = style_.left + style_.width / 2;
  item.items.push_back(StrokedLine{middle - 40, style_.leading / 2, middle + 40,
                                   style_.leading / 2, 0.5, kRuleGrey, false});
  pending_space_ = style_.paragraph_gap;
}

namespace {

// An SVG figure as the PDF shows it: the SVG's own size and its PNG at three
// times that size (sharp at print resolution for a figure drawn at screen size).
struct Figure {
  std::optional<raster::Size> size;
  std::shared_ptr<const std::string> png;
  std::string error;  // why there is no PNG
};

// Renders each distinct SVG once per process, however often the book shows it
// (keyed by its bytes, so an edited file is rendered again), through the image
// cache shared with earlier builds. Text in it uses the book's fonts only.
const Figure& RenderFigure(const std::string& svg, const std::string& fonts_folder) {
  // Lessons are laid out on several threads; a figure is drawn under the lock.
  static std::mutex mutex;
  static std::map<std::string, Figure> figures;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = figures.find(svg);
  if (found != figures.end()) return found->second;
  Figure figure;
  std::string ignored;  // without the book's fonts, the machine's are used, as before
  raster::UseOnlyFontsIn(fonts_folder, &ignored);
  figure.size = raster::SvgSize(svg, &figure.error);
  if (figure.size) {
    std::optional<std::string> png = raster::RenderSvgToPngCached(
        svg, {figure.size->width * 3, figure.size->height * 3}, 0xFFFFFF, &figure.error);
    if (png) figure.png = std::make_shared<const std::string>(std::move(*png));
  }
  return figures.emplace(svg, std::move(figure)).first->second;
}

}  // namespace

bool FlowBuilder::AddImageBlock(const doc::Block& block) {
  if (block.inlines.size() != 1 || block.inlines[0].kind != doc::InlineKind::kImage) return false;
  const doc::Inline& image = block.inlines[0];
  if (StartsWith(image.url, "http://") || StartsWith(image.url, "https://") ||
      StartsWith(image.url, "//")) {
    return false;  // a remote image is shown as its description
  }
  std::string path = JoinPath(book_.root, image.url);
  std::string error;
  std::optional<std::string> bytes = ReadFile(path, &error);
  if (!bytes) {
    sink_->Error(path, 0, 0, "cannot read image: " + error);
    return true;
  }
  ImageBox box;
  std::optional<raster::Size> size;
  std::string lower = image.url;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (EndsWith(lower, ".svg")) {
    const Figure& figure = RenderFigure(*bytes, JoinPath(book_.root, book_.fonts_dir));
    if (!figure.png) {
      sink_->Error(path, 0, 0, "cannot render SVG: " + figure.error);
      return true;
    }
    size = figure.size;
    box.bytes = figure.png;
  } else {
    size = raster::RasterSize(*bytes);
    box.source = path;
    box.jpeg = EndsWith(lower, ".jpg") || EndsWith(lower, ".jpeg");
  }
  if (!size || size->width <= 0 || size->height <= 0) {
    sink_->Error(path, 0, 0, "cannot read the image's size");
    return true;
  }
  // Scale to the measure, never up beyond the image's own size at 96 dpi, and
  // never taller than half the page.
  double width = std::min(Measure(), size->width * 0.75);
  double height = width * size->height / size->width;
  double max_height = style_.body_height * 0.5;
  if (height > max_height) {
    width *= max_height / height;
    height = max_height;
  }
  FlowItem& item = NewItem(height + style_.leading * 0.5, style_.paragraph_gap);
  box.x = Left() + (Measure() - width) / 2;
  box.y = style_.leading * 0.25;
  box.width = width;
  box.height = height;
  item.items.push_back(std::move(box));
  pending_space_ = style_.paragraph_gap;
  return true;
}

std::vector<FlowItem> FlowBuilder::NoteBoxes(int footnote) {
  const doc::Lesson& lesson = book_.lessons[static_cast<size_t>(lesson_)];
  int footnotes = static_cast<int>(lesson.footnotes.size());
  int url_note = footnote - footnotes;
  if (footnote < 0 || url_note >= static_cast<int>(url_notes_.size())) return {};
  // Build into a flow of its own, then restore the lesson's state.
  Flow saved = std::move(flow_);
  flow_.clear();
  bool keep = keep_with_previous_;
  double pending = pending_space_;
  double indent = indent_;
  keep_with_previous_ = false;
  pending_space_ = 0;
  indent_ = 0;  // notes run the full measure, whatever indent cites them
  in_note_ = true;
  double size = style_.body_size * 0.82;
  if (url_note >= 0) {
    const std::string& url = url_notes_[static_cast<size_t>(url_note)];
    ParagraphStyle paragraph;
    paragraph.width = style_.width;
    paragraph.justify = false;
    InlineSpan number{std::to_string(footnote + 1) + ". ", Face::kBold, size, kBlack, "", "",
                      false};
    InlineSpan address{url, Face::kMono, size * 0.92, kBlack, "", url, true};
    AddParagraphLines({number, address}, paragraph, size * 1.3, 0);
  }
  const std::vector<doc::Block> no_blocks;
  const std::vector<doc::Block>& blocks =
      url_note >= 0 ? no_blocks : lesson.footnotes[static_cast<size_t>(footnote)].blocks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const doc::Block& block = blocks[b];
    std::vector<InlineSpan> spans;
    if (b == 0) {
      spans.push_back({std::to_string(footnote + 1) + ". ", Face::kBold, size, kBlack, "", "",
                       false});
    }
    for (InlineSpan& span : Spans(block.inlines, {Face::kRegular, size, kBlack})) {
      spans.push_back(std::move(span));
    }
    ParagraphStyle paragraph;
    paragraph.width = style_.width;
    AddParagraphLines(spans, paragraph, size * 1.3, b == 0 ? 0 : size * 0.4);
  }
  if (!flow_.empty()) flow_.front().anchors.push_back({FootnoteDestination(lesson_, footnote), 0});
  std::vector<FlowItem> boxes = std::move(flow_);
  flow_ = std::move(saved);
  keep_with_previous_ = keep;
  pending_space_ = pending;
  indent_ = indent;
  in_note_ = false;
  return boxes;
}

// ---- Lessons and parts -----------------------------------------------------

void FlowBuilder::AddPartPage(int track_index) {
  const doc::Track& track = book_.tracks[static_cast<size_t>(track_index)];
  FlowItem& top = NewItem(style_.body_height * 0.25, 0);
  top.new_page = true;
  top.opening = true;
  top.running_head = track.title;
  top.anchors.push_back({PartDestination(track_index), 0});
  ParagraphStyle paragraph;
  paragraph.width = Measure();
  paragraph.justify = false;
  AddParagraphLines({{track.title, Face::kBold, style_.h1_size * 1.2, kBlack, "", "", false}},
                    paragraph, style_.h1_size * 1.5, 0);
  if (!track.description.empty()) {
    AddParagraphLines({{track.description, Face::kItalic, style_.body_size * 1.2, kBlack, "", "",
                        false}},
                      paragraph, style_.leading * 1.2, style_.leading);
  }
  std::string summary = std::to_string(track.lessons.size()) +
                        (track.lessons.size() == 1 ? " lesson, " : " lessons, ") +
                        std::to_string(track.minutes) +
                        (track.minutes == 1 ? " minute of reading" : " minutes of reading");
  AddParagraphLines({{summary, Face::kRegular, style_.body_size, kMuted, "", "", false}},
                    paragraph, style_.leading, style_.leading * 0.5);
}

void FlowBuilder::AddLesson(int lesson_index) {
  lesson_ = lesson_index;
  const doc::Lesson& lesson = book_.lessons[static_cast<size_t>(lesson_index)];
  const doc::Track& track = book_.tracks[static_cast<size_t>(lesson.track)];
  std::string number = doc::LessonNumber(book_, lesson.number);

  FlowItem& opening = NewItem(style_.leading * 2, 0);
  opening.new_page = true;
  opening.opening = true;
  opening.running_head = lesson.title;
  opening.anchors.push_back({LessonDestination(lesson_index), 0});
  opening.items.push_back(GlyphRun{style_.left, style_.leading, Face::kBold, style_.small_size,
                                   kMuted, "LESSON " + number});
  for (GlyphRun& run : SetLine(metrics_, Face::kItalic, track.title, style_.small_size, kMuted,
                               style_.left, style_.leading * 1.9)) {
    opening.items.push_back(std::move(run));
  }
  ParagraphStyle paragraph;
  paragraph.width = Measure();
  paragraph.justify = false;
  AddParagraphLines(Spans(lesson.title_inlines, {Face::kBold, style_.h1_size, kBlack}), paragraph,
                    style_.h1_size * 1.2, style_.leading * 0.5);
  if (!lesson.summary.empty()) {
    AddParagraphLines({{lesson.summary, Face::kItalic, style_.body_size * 1.1, kBlack, "", "",
                        false}},
                      paragraph, style_.leading * 1.1, style_.leading * 0.5);
  }
  AddParagraphLines({{std::to_string(lesson.read_time.minutes) + " min read", Face::kRegular,
                      style_.small_size, kMuted, "", "", false}},
                    paragraph, style_.leading, style_.leading * 0.3);
  pending_space_ = style_.leading * 1.5;
  notes_placed_.clear();
  url_note_of_.clear();
  url_notes_.clear();
  AddBlocks(lesson.blocks);
}

}  // namespace gobook::layout
