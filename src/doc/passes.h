// The passes that run over the document model once every lesson is converted:
// heading anchors, link resolution, track selection and read times. After them
// the model is complete and read-only.
#ifndef GOBOOK_DOC_PASSES_H_
#define GOBOOK_DOC_PASSES_H_

#include <string>
#include <vector>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::doc {

// "06" for lesson 6 in a book of fewer than 100 lessons, "006" from 100 on.
std::string LessonNumber(const Book& book, int number);

// "A, B and C": the book's authors as one line of text.
std::string AuthorList(const Metadata& metadata);

// The heading a callout shows: "Note", "Tip", "Warning", "Interview trap".
const char* CalloutTitle(CalloutKind kind);

// The text a reader sees in a run of inlines, without markup.
std::string PlainText(const std::vector<Inline>& inlines);

// Gives every heading of the lesson its GitHub anchor (repeats get -1, -2, ...)
// and lists the second-level headings as the lesson's sections.
void AssignAnchors(Lesson* lesson);

// The XML id a writer uses for a heading anchor: the anchor itself, or with an
// "h." prefix when it does not start with a letter (XML ids must not). Writers'
// own ids contain a '.', which anchors never do, so the two never collide.
std::string XmlId(const std::string& anchor);

// Reports raw HTML ids that are not valid XML ids, or that repeat a heading's id
// or another element's: epubcheck rejects a page with a duplicate id.
void CheckHtmlIds(const Lesson& lesson, DiagnosticSink* sink);

// Warns about code lines wider than `max_columns` (a tab counts as 4), which
// would not fit the printed page. Output blocks are exempt: they show what a
// tool prints, which an author cannot reflow.
void CheckCodeWidth(const Lesson& lesson, int max_columns, DiagnosticSink* sink);

// Resolves every link of every lesson: external, same lesson, or another lesson
// (by its file, relative to the linking lesson). A missing file or heading is an
// error at the link's position.
void ResolveLinks(Book* book, DiagnosticSink* sink);

// Keeps only the track at `track_index`; links into the other tracks become
// kDropped with a warning, since their target is not in this build.
void SelectTrack(Book* book, int track_index, DiagnosticSink* sink);

// minutes = prose words / 230 + code lines / 40, rounded half up, at least 1.
ReadTime ComputeReadTime(const Lesson& lesson);

// Computes every lesson's read time and the tracks' and book's totals.
void ComputeReadTimes(Book* book);

// Calls `visit` on every inline of the lesson (body and footnotes), depth first.
template <typename Visit>
void ForEachInline(std::vector<Inline>& inlines, Visit& visit) {
  for (Inline& in : inlines) {
    visit(in);
    ForEachInline(in.children, visit);
  }
}
template <typename Visit>
void ForEachInline(Blocks& blocks, Visit& visit) {
  for (Block& block : blocks) {
    ForEachInline(block.inlines, visit);
    ForEachInline(block.children, visit);
    for (Blocks& item : block.items) ForEachInline(item, visit);
    for (TableCell& cell : block.header) ForEachInline(cell.inlines, visit);
    for (auto& row : block.rows) {
      for (TableCell& cell : row) ForEachInline(cell.inlines, visit);
    }
  }
}
template <typename Visit>
void ForEachInline(Lesson& lesson, Visit& visit) {
  ForEachInline(lesson.title_inlines, visit);
  ForEachInline(lesson.blocks, visit);
  for (Footnote& note : lesson.footnotes) ForEachInline(note.blocks, visit);
}

}  // namespace gobook::doc

#endif  // GOBOOK_DOC_PASSES_H_
