// Turns one lesson's Markdown into the document model. cmark-gfm parses; this
// converter maps its nodes to blocks and inlines, recognises what cmark does not
// (GitHub alerts as callouts, fence roles, allowed raw HTML) and reports what an
// author got wrong with the lesson file's line and column.
#ifndef GOBOOK_MARKDOWN_LESSON_CONVERTER_H_
#define GOBOOK_MARKDOWN_LESSON_CONVERTER_H_

#include <string_view>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::markdown {

// Fills lesson->title, title_inlines, blocks and footnotes from `text`, the
// lesson's Markdown with any front matter blanked out (so lines still match the
// file). Diagnostics name lesson->source_path.
void ConvertLesson(std::string_view text, doc::Lesson* lesson, DiagnosticSink* sink);

}  // namespace gobook::markdown

#endif  // GOBOOK_MARKDOWN_LESSON_CONVERTER_H_
