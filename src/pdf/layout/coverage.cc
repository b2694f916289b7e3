#include "pdf/layout/coverage.h"

#include "doc/passes.h"
#include "util/text.h"

namespace gobook::layout {
namespace {

std::string AsUtf8(char32_t code_point) {
  std::string text;
  AppendUtf8(text, code_point);
  return text;
}

class CoverageChecker {
 public:
  CoverageChecker(const FontMetrics& metrics, Severity severity, DiagnosticSink* sink)
      : metrics_(metrics), severity_(severity), sink_(sink) {}

  void Text(const std::string& text, Face face, const doc::SourcePos& pos) {
    std::u32string missing;
    SplitByFace(metrics_, face, text, &missing);
    for (char32_t code_point : missing) {
      // Line breaks and tabs never reach a face; the rest must.
      if (code_point == '\n' || code_point == '\t') continue;
      sink_->Add({severity_, pos.file, pos.line, pos.column,
                  "character " + CodePointName(code_point) + " '" + AsUtf8(code_point) +
                      "' is in none of the book's fonts; the PDF would print an empty box",
                  "replace it, or name a font that has it in book.toml's [fonts]"});
    }
  }

  void Inlines(const std::vector<doc::Inline>& inlines, Face face) {
    for (const doc::Inline& in : inlines) {
      if (in.kind == doc::InlineKind::kText || in.kind == doc::InlineKind::kImage) {
        Text(in.text, face, in.pos);
      } else if (in.kind == doc::InlineKind::kCode) {
        Text(in.text, Face::kMono, in.pos);
      }
      Inlines(in.children, face);
    }
  }

  void Blocks(const doc::Blocks& blocks) {
    for (const doc::Block& block : blocks) {
      if (block.kind == doc::BlockKind::kCodeBlock) {
        Code(block);
        continue;
      }
      Inlines(block.inlines, Face::kRegular);
      for (const doc::TableCell& cell : block.header) Inlines(cell.inlines, Face::kRegular);
      for (const auto& row : block.rows) {
        for (const doc::TableCell& cell : row) Inlines(cell.inlines, Face::kRegular);
      }
      Blocks(block.children);
      for (const doc::Blocks& item : block.items) Blocks(item);
    }
  }

  void Code(const doc::Block& block) {
    int line = block.pos.line + (block.fenced ? 1 : 0);
    size_t start = 0;
    while (start <= block.code.size()) {
      size_t end = block.code.find('\n', start);
      if (end == std::string::npos) end = block.code.size();
      Text(block.code.substr(start, end - start), Face::kMono, {block.pos.file, line, 0});
      ++line;
      start = end + 1;
    }
  }

 private:
  const FontMetrics& metrics_;
  Severity severity_;
  DiagnosticSink* sink_;
};

}  // namespace

void CheckGlyphCoverage(const doc::Book& book, const FontMetrics& metrics, Severity severity,
                        DiagnosticSink* sink) {
  CoverageChecker checker(metrics, severity, sink);
  for (const doc::Lesson& lesson : book.lessons) {
    checker.Inlines(lesson.title_inlines, Face::kBold);
    checker.Text(lesson.summary, Face::kItalic, {lesson.source_path, 1, 0});
    checker.Blocks(lesson.blocks);
    for (const doc::Footnote& note : lesson.footnotes) checker.Blocks(note.blocks);
  }
}

}  // namespace gobook::layout
