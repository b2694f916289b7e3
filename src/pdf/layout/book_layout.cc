#include "pdf/layout/book_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>

#include "doc/passes.h"
#include "pdf/layout/flow_builder.h"
#include "pdf/layout/page_style.h"
#include "pdf/layout/paginator.h"
#include "pdf/layout/paragraph.h"
#include "util/parallel.h"

namespace gobook::layout {
namespace {

constexpr Color kBlack{0, 0, 0};
constexpr Color kMuted{85, 85, 85};

std::string Roman(int number) {
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
      {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    while (number >= value) {
      out += digits;
      number -= value;
    }
  }
  return out;
}

// Lays out a paragraph of one style at an absolute position; returns the y
// after it.
double PlaceText(Page* page, const std::string& text, Face face, double size, Color color,
                 double x, double y, double width, double leading, const FontMetrics& metrics,
                 const Hyphenator* hyphenator, bool centred = false) {
  ParagraphStyle style;
  style.width = width;
  style.justify = false;
  InlineSpan span;
  span.text = text;
  span.face = face;
  span.size = size;
  span.color = color;
  for (const PlacedLine& line : LayoutParagraph({span}, style, metrics, hyphenator)) {
    double shift = centred ? (width - line.width) / 2 : 0;
    for (GlyphRun run : line.runs) {
      run.x += x + shift;
      run.baseline += y + leading * 0.75;
      page->items.push_back(std::move(run));
    }
    y += leading;
  }
  return y;
}

class BookLayout {
 public:
  BookLayout(const doc::Book& book, const BookLayoutOptions& options, const FontMetrics& metrics,
             const Hyphenator* hyphenator, DiagnosticSink* sink)
      : book_(book), options_(options), style_(StyleFor(options.size)), metrics_(metrics),
        hyphenator_(hyphenator), sink_(sink) {}

  LaidOutBook Run() {
    LaidOutBook out;
    out.size = options_.size;
    out.info = {book_.metadata.title, doc::AuthorList(book_.metadata), book_.metadata.subtitle,
                "Go, backend, interview", "gobook", options_.date};
    // The body first: the contents need its page numbers.
    Pagination body = Paginate(BodyFlow(), style_, metrics_);
    for (const Destination& anchor : body.anchors) body_page_of_[anchor.id] = anchor.page;

    std::vector<Page> front;
    front.push_back(TitlePage());
    front.push_back(CopyrightPage());
    std::vector<Page> contents = ContentsPages();
    size_t front_count = front.size() + contents.size();
    front.insert(front.end(), contents.begin(), contents.end());
    AddFolios(&front, /*roman=*/true, 1);

    std::vector<Page> body_pages;
    for (BodyPage& page : body.pages) {
      Page placed;
      placed.items = std::move(page.items);
      if (!page.opening) AddRunningHead(&placed, page.running_head);
      body_pages.push_back(std::move(placed));
    }
    AddFolios(&body_pages, /*roman=*/false, 1);

    out.pages = std::move(front);
    for (Page& page : body_pages) out.pages.push_back(std::move(page));
    out.destinations.push_back({"contents", 2, style_.top});
    for (Destination anchor : body.anchors) {
      anchor.page += static_cast<int>(front_count);
      out.destinations.push_back(std::move(anchor));
    }
    out.page_labels = {{0, true, 1}, {static_cast<int>(front_count), false, 1}};
    out.outline = Outline();
    return out;
  }


 private:
  // Each part page and each lesson starts a page, so each is laid out into a
  // flow of its own, on every core, and the flows are joined in book order;
  // their diagnostics are reported in that order too.
  Flow BodyFlow() {
    struct Piece {
      int track = -1;   // a part page
      int lesson = -1;  // or a lesson
      Flow flow;
      DiagnosticSink sink;
    };
    std::vector<Piece> pieces;
    for (size_t t = 0; t < book_.tracks.size(); ++t) {
      pieces.push_back({static_cast<int>(t), -1, {}, {}});
      for (int lesson : book_.tracks[t].lessons) pieces.push_back({-1, lesson, {}, {}});
    }
    ForEachIndexInParallel(pieces.size(), CoreCount(), [&](size_t i, size_t) {
      Piece& piece = pieces[i];
      FlowBuilder builder(book_, style_, metrics_, hyphenator_, &piece.sink);
      if (piece.lesson >= 0) {
        builder.AddLesson(piece.lesson);
      } else {
        builder.AddPartPage(piece.track);
      }
      piece.flow = builder.TakeFlow();
    });
    Flow flow;
    for (Piece& piece : pieces) {
      for (const Diagnostic& diagnostic : piece.sink.diagnostics()) sink_->Add(diagnostic);
      std::move(piece.flow.begin(), piece.flow.end(), std::back_inserter(flow));
    }
    return flow;
  }
  // Display type on the title page is never hyphenated: a centred line breaks
  // between words, as a designer would set it.
  Page TitlePage() {
    Page page;
    double width = style_.width;
    double y = style_.top + style_.body_height * 0.22;
    y = PlaceText(&page, book_.metadata.title, Face::kBold, style_.h1_size * 1.3, kBlack,
                  style_.left, y, width, style_.h1_size * 1.55, metrics_, nullptr, true);
    if (!book_.metadata.subtitle.empty()) {
      y = PlaceText(&page, book_.metadata.subtitle, Face::kItalic, style_.body_size * 1.3, kBlack,
                    style_.left, y + style_.leading, width, style_.leading * 1.3, metrics_,
                    nullptr, true);
    }
    PlaceText(&page, doc::AuthorList(book_.metadata), Face::kRegular, style_.body_size * 1.2, kBlack, style_.left,
              y + style_.leading * 4, width, style_.leading * 1.2, metrics_, nullptr, true);
    if (!book_.metadata.publisher.empty()) {
      PlaceText(&page, book_.metadata.publisher, Face::kRegular, style_.small_size, kMuted,
                style_.left, style_.top + style_.body_height - style_.leading, width,
                style_.leading, metrics_, nullptr, true);
    }
    return page;
  }

  Page CopyrightPage() {
    Page page;
    double size = style_.small_size;
    double leading = size * 1.4;
    double y = style_.top + style_.body_height * 0.55;
    auto paragraph = [&](const std::string& text, Face face = Face::kRegular) {
      if (text.empty()) return;
      y = PlaceText(&page, text, face, size, kBlack, style_.left, y, style_.width, leading,
                    metrics_, hyphenator_) + leading * 0.6;
    };
    paragraph(book_.metadata.title, Face::kBold);
    paragraph("By " + doc::AuthorList(book_.metadata) + ".");
    paragraph(book_.metadata.rights);
    paragraph("Published " + book_.metadata.date +
              (book_.metadata.publisher.empty() ? "" : " by " + book_.metadata.publisher) + ".");
    paragraph("Set in the Go fonts, with DejaVu Sans and Droid Sans Fallback for symbols and "
              "CJK, by gobook.");
    paragraph("Identifier: " + book_.metadata.identifier + ".");
    return page;
  }

  // One entry of the contents: a track or a lesson, with its page.
  struct ContentsEntry {
    std::string number;  // "07", or "" for a track
    std::string title;
    std::string detail;  // "7 min"
    std::string destination;
    bool part = false;
  };

  std::vector<ContentsEntry> ContentsEntries() {
    std::vector<ContentsEntry> entries;
    for (size_t t = 0; t < book_.tracks.size(); ++t) {
      const doc::Track& track = book_.tracks[t];
      entries.push_back({"", track.title, std::to_string(track.minutes) + " min",
                         PartDestination(static_cast<int>(t)), true});
      for (int index : track.lessons) {
        const doc::Lesson& lesson = book_.lessons[static_cast<size_t>(index)];
        entries.push_back({doc::LessonNumber(book_, lesson.number), lesson.title,
                           std::to_string(lesson.read_time.minutes) + " min",
                           LessonDestination(index), false});
      }
    }
    return entries;
  }

  std::vector<Page> ContentsPages() {
    std::vector<Page> pages(1);
    double y = style_.top;
    y = PlaceText(&pages.back(), "Contents", Face::kBold, style_.h1_size, kBlack, style_.left, y,
                  style_.width, style_.h1_size * 1.4, metrics_, hyphenator_);
    y += style_.leading;
    for (const ContentsEntry& entry : ContentsEntries()) {
      std::vector<PlacedLine> lines = ContentsTitleLines(entry);
      double gap = entry.part ? style_.leading * 0.6 : style_.leading * 0.15;
      double height = gap + style_.leading * static_cast<double>(lines.size());
      if (y + height > style_.top + style_.body_height) {
        pages.emplace_back();
        y = style_.top;
      }
      PlaceContentsEntry(&pages.back(), entry, lines, y + gap);
      y += height;
    }
    return pages;
  }

  // The widest page number, and the room the minutes take beside it.
  double ContentsNumberWidth() const {
    return TextWidth(metrics_, Face::kRegular, "0000", style_.body_size);
  }
  double ContentsIndent(const ContentsEntry& entry) const {
    return entry.part ? 0 : style_.body_size * 1.2;
  }
  // Lesson titles hang after their number, so a long one wraps under its own start.
  double ContentsNumberColumn(const ContentsEntry& entry) const {
    return entry.part ? 0 : TextWidth(metrics_, Face::kRegular, "00", style_.body_size) +
                                style_.body_size * 0.8;
  }

  // A title too long for one line wraps (never hyphenated) beside the leaders'
  // column, the way a typeset contents does, rather than losing its end.
  std::vector<PlacedLine> ContentsTitleLines(const ContentsEntry& entry) const {
    ParagraphStyle paragraph;
    paragraph.justify = false;
    paragraph.width = style_.width - ContentsIndent(entry) - ContentsNumberColumn(entry) -
                      ContentsNumberWidth() * 2.6;
    InlineSpan span;
    span.text = entry.title;
    span.face = entry.part ? Face::kBold : Face::kRegular;
    span.size = style_.body_size;
    span.color = kBlack;
    return LayoutParagraph({span}, paragraph, metrics_, nullptr);
  }

  // The number and title lines, then on the last line's baseline the dot
  // leaders, the minutes and the page number; the whole entry is the link.
  void PlaceContentsEntry(Page* page, const ContentsEntry& entry,
                          const std::vector<PlacedLine>& lines, double top) {
    double size = style_.body_size;
    double title_x = style_.left + ContentsIndent(entry) + ContentsNumberColumn(entry);
    double baseline = top + style_.leading * 0.75;
    if (!entry.number.empty()) {
      page->items.push_back(GlyphRun{style_.left + ContentsIndent(entry), baseline,
                                     Face::kRegular, size, kBlack, entry.number});
    }
    double last_width = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k > 0) baseline += style_.leading;
      for (GlyphRun run : lines[k].runs) {
        run.x += title_x;
        run.baseline += baseline;
        page->items.push_back(std::move(run));
      }
      last_width = lines[k].width;
    }
    auto found = body_page_of_.find(entry.destination);
    std::string number = found == body_page_of_.end() ? "" : std::to_string(found->second + 1);
    double right = style_.left + style_.width;
    double page_width = TextWidth(metrics_, Face::kRegular, number, size);
    page->items.push_back(GlyphRun{right - page_width, baseline, Face::kRegular, size, kBlack,
                                   number});
    double minutes_width = TextWidth(metrics_, Face::kItalic, entry.detail, style_.small_size);
    double minutes_x = right - ContentsNumberWidth() * 1.2 - minutes_width;
    page->items.push_back(GlyphRun{minutes_x, baseline, Face::kItalic, style_.small_size, kMuted,
                                   entry.detail});
    // Dot leaders, on a grid so the dots line up from entry to entry.
    double dot = TextWidth(metrics_, Face::kRegular, ". ", size);
    double start = title_x + last_width + dot;
    double end = minutes_x - dot;
    std::string leaders;
    double first = std::ceil((start - style_.left) / dot) * dot + style_.left;
    for (double x = first; x + dot <= end; x += dot) leaders += ". ";
    if (!leaders.empty()) {
      page->items.push_back(GlyphRun{first, baseline, Face::kRegular, size, kMuted, leaders});
    }
    double height = style_.leading * static_cast<double>(lines.size());
    page->items.push_back(LinkArea{style_.left, top, style_.width, height, entry.destination, ""});
  }

  // A title too long for the head line loses words from its end, marked by an
  // ellipsis, as a typesetter shortens a running head.
  std::string ShortenedHead(const std::string& head) const {
    std::string text = head;
    while (LineWidth(metrics_, Face::kItalic, text, style_.small_size) > style_.width) {
      if (text.size() <= 4) return "";
      size_t cut = text.find_last_of(' ', text.size() - 4);
      if (cut == std::string::npos || cut == 0) {
        // One word wider than the line: cut it between characters.
        size_t end = text.size() - 4;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (end == 0) return "";
        text = text.substr(0, end) + "…";
      } else {
        text = text.substr(0, cut) + "…";
      }
    }
    return text;
  }

  void AddRunningHead(Page* page, const std::string& head) {
    if (head.empty()) return;
    std::string text = ShortenedHead(head);
    double width = LineWidth(metrics_, Face::kItalic, text, style_.small_size);
    for (GlyphRun& run : SetLine(metrics_, Face::kItalic, text, style_.small_size, kMuted,
                                 style_.left + (style_.width - width) / 2, style_.head_baseline)) {
      page->items.push_back(std::move(run));
    }
    double rule_y = style_.head_baseline + style_.small_size * 0.6;
    page->items.push_back(StrokedLine{style_.left, rule_y, style_.left + style_.width, rule_y, 0.3,
                                      kMuted, false});
  }

  void AddFolios(std::vector<Page>* pages, bool roman, int start) {
    for (size_t i = 0; i < pages->size(); ++i) {
      int number = start + static_cast<int>(i);
      std::string label = roman ? Roman(number) : std::to_string(number);
      Page& page = (*pages)[i];
      page.label = label;
      if (roman && i < 2) continue;  // no folio on the title and copyright pages
      double width = TextWidth(metrics_, Face::kRegular, label, style_.small_size);
      page.items.push_back(GlyphRun{style_.left + (style_.width - width) / 2, style_.foot_baseline,
                                    Face::kRegular, style_.small_size, kMuted, label});
    }
  }

  std::vector<OutlineEntry> Outline() {
    std::vector<OutlineEntry> outline;
    outline.push_back({"Contents", "contents", {}});
    for (size_t t = 0; t < book_.tracks.size(); ++t) {
      const doc::Track& track = book_.tracks[t];
      OutlineEntry part{track.title, PartDestination(static_cast<int>(t)), {}};
      for (int index : track.lessons) {
        const doc::Lesson& lesson = book_.lessons[static_cast<size_t>(index)];
        std::string number = doc::LessonNumber(book_, lesson.number);
        OutlineEntry entry{number + ". " + lesson.title, LessonDestination(index), {}};
        for (const doc::Section& section : lesson.sections) {
          entry.children.push_back({section.title, HeadingDestination(index, section.id), {}});
        }
        part.children.push_back(std::move(entry));
      }
      outline.push_back(std::move(part));
    }
    return outline;
  }

  const doc::Book& book_;
  const BookLayoutOptions& options_;
  PageStyle style_;
  const FontMetrics& metrics_;
  const Hyphenator* hyphenator_;
  DiagnosticSink* sink_;
  std::map<std::string, int> body_page_of_;
};

}  // namespace

std::optional<PageSize> PaperSize(const std::string& name) {
  constexpr double kInch = 72;
  constexpr double kMillimetre = 72 / 25.4;
  if (name == "a4") return PageSize{"a4", 210 * kMillimetre, 297 * kMillimetre};
  if (name == "letter") return PageSize{"letter", 8.5 * kInch, 11 * kInch};
  if (name == "a5") return PageSize{"a5", 148 * kMillimetre, 210 * kMillimetre};
  if (name == "6x9") return PageSize{"6x9", 6 * kInch, 9 * kInch};
  return std::nullopt;
}

LaidOutBook LayoutBook(const doc::Book& book, const BookLayoutOptions& options,
                       const FontMetrics& metrics, const Hyphenator* hyphenator,
                       DiagnosticSink* sink) {
  return BookLayout(book, options, metrics, hyphenator, sink).Run();
}

}  // namespace gobook::layout
