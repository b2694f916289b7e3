// Turns the document model's blocks into the flow of boxes the paginator places:
// paragraphs through the paragraph composer, code line by line with its
// highlighting, lists, quotes, callouts, tables and images. Internal to layout.
#ifndef GOBOOK_PDF_LAYOUT_FLOW_BUILDER_H_
#define GOBOOK_PDF_LAYOUT_FLOW_BUILDER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "doc/model.h"
#include "pdf/layout/flow.h"
#include "pdf/layout/fonts.h"
#include "pdf/layout/page_style.h"
#include "pdf/layout/paragraph.h"
#include "util/diagnostics.h"

namespace gobook::layout {

class Hyphenator;

// Destination ids: a lesson's start, and a heading in it.
std::string LessonDestination(int lesson);
std::string HeadingDestination(int lesson, const std::string& anchor);
std::string PartDestination(int track);
std::string FootnoteDestination(int lesson, int footnote);

class FlowBuilder {
 public:
  FlowBuilder(const doc::Book& book, const PageStyle& style, const FontMetrics& metrics,
              const Hyphenator* hyphenator, DiagnosticSink* sink);

  void AddPartPage(int track);
  void AddLesson(int lesson);
  Flow TakeFlow() { return std::move(flow_); }

 private:
  struct TextStyle {
    Face face = Face::kRegular;
    double size = 10;
    Color color;
  };

  // Inlines to spans.
  void AppendSpans(const std::vector<doc::Inline>& inlines, TextStyle style,
                   const std::string& destination, const std::string& uri,
                   std::vector<InlineSpan>* spans);
  // "[n]" after an external link, citing the note that prints its URL.
  void AppendUrlNote(const doc::Inline& link, TextStyle style, std::vector<InlineSpan>* spans);
  InlineSpan NoteReference(int footnote, TextStyle style) const;
  std::vector<InlineSpan> Spans(const std::vector<doc::Inline>& inlines, TextStyle style);

  // Blocks.
  void AddBlocks(const doc::Blocks& blocks);
  void AddBlock(const doc::Block& block, bool first_in_container);
  void AddParagraphLines(const std::vector<InlineSpan>& spans, const ParagraphStyle& paragraph,
                         double leading, double space_before);
  void AddHeading(const doc::Block& block);
  void AddCode(const doc::Block& block);
  void AddList(const doc::Block& block);
  void AddQuote(const doc::Block& block);
  void AddCallout(const doc::Block& block);
  void AddTable(const doc::Block& block);
  std::vector<double> TableColumnWidths(const doc::Block& block, double size, double padding,
                                        std::string* widest);
  void AddRule();
  bool AddImageBlock(const doc::Block& block);  // false: not an image-only paragraph
  // The footnote's lines, set small, for the foot of the page that cites it.
  std::vector<FlowItem> NoteBoxes(int footnote);

  // Keeps flow_[from..] together on one page when it fits on one.
  void KeepTogether(size_t from);
  // Adds a rule or a tint beside the boxes flow_[from..], for quotes and callouts.
  void Decorate(size_t from, double x, Color rule, double rule_width, const Color* tint,
                double tint_width);

  double Measure() const { return style_.width - indent_; }
  double Left() const { return style_.left + indent_; }
  FlowItem& NewItem(double height, double space_before);

  const doc::Book& book_;
  const PageStyle& style_;
  const FontMetrics& metrics_;
  const Hyphenator* hyphenator_;
  DiagnosticSink* sink_;
  Flow flow_;
  int lesson_ = -1;
  double indent_ = 0;
  bool keep_with_previous_ = false;  // the next box may not start a page (after a heading)
  double pending_space_ = 0;
  std::set<int> notes_placed_;  // footnotes of this lesson already attached to a box
  // External links' URLs, printed as notes after the author's footnotes (a
  // printed page cannot be clicked), keyed by link so a re-measure adds none.
  std::map<const doc::Inline*, int> url_note_of_;
  std::vector<std::string> url_notes_;
  bool in_note_ = false;  // building a note's boxes
};

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_FLOW_BUILDER_H_
