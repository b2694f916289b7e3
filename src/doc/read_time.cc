#include "doc/passes.h"
#include "util/text.h"

namespace gobook::doc {
namespace {

struct Counts {
  int words = 0;
  int code_lines = 0;
};

int CountNonBlankLines(const std::string& code) {
  int lines = 0;
  size_t start = 0;
  while (start <= code.size()) {
    size_t end = code.find('\n', start);
    if (end == std::string::npos) end = code.size();
    if (!Trim(std::string_view(code).substr(start, end - start)).empty()) ++lines;
    start = end + 1;
  }
  return lines;
}

void CountBlocks(const Blocks& blocks, Counts* counts) {
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kCodeBlock) {
      counts->code_lines += CountNonBlankLines(block.code);
      continue;
    }
    counts->words += CountWords(PlainText(block.inlines));
    for (const TableCell& cell : block.header) counts->words += CountWords(PlainText(cell.inlines));
    for (const auto& row : block.rows) {
      for (const TableCell& cell : row) counts->words += CountWords(PlainText(cell.inlines));
    }
    CountBlocks(block.children, counts);
    for (const Blocks& item : block.items) CountBlocks(item, counts);
  }
}

void CheckWidthIn(const Blocks& blocks, int max_columns, DiagnosticSink* sink) {
  for (const Block& block : blocks) {
    CheckWidthIn(block.children, max_columns, sink);
    for (const Blocks& item : block.items) CheckWidthIn(item, max_columns, sink);
    if (block.kind != BlockKind::kCodeBlock || block.code_role == CodeRole::kOutput) continue;
    int line = block.pos.line + (block.fenced ? 1 : 0);
    size_t start = 0;
    while (start <= block.source_code.size()) {
      size_t end = block.source_code.find('\n', start);
      if (end == std::string::npos) end = block.source_code.size();
      int columns = DisplayColumns(std::string_view(block.source_code).substr(start, end - start));
      if (columns > max_columns) {
        sink->Warning(block.pos.file, line, max_columns + 1,
                      "code line is " + std::to_string(columns) +
                          " columns wide; the printed page fits " + std::to_string(max_columns),
                      "break the line or shorten it (a tab counts as 4 columns)");
      }
      ++line;
      start = end + 1;
    }
  }
}

}  // namespace

void CheckCodeWidth(const Lesson& lesson, int max_columns, DiagnosticSink* sink) {
  CheckWidthIn(lesson.blocks, max_columns, sink);
}

ReadTime ComputeReadTime(const Lesson& lesson) {
  Counts counts;
  counts.words = CountWords(lesson.title);
  CountBlocks(lesson.blocks, &counts);
  for (const Footnote& note : lesson.footnotes) CountBlocks(note.blocks, &counts);
  ReadTime time;
  time.words = counts.words;
  time.code_lines = counts.code_lines;
  // words/230 + lines/40 = (40*words + 230*lines) / 9200; rounding half up in
  // integers keeps the result exact (no 2.4999 from floating point).
  long numerator = 40L * counts.words + 230L * counts.code_lines;
  long minutes = (2 * numerator + 9200) / (2 * 9200);
  time.minutes = static_cast<int>(minutes < 1 ? 1 : minutes);
  return time;
}

void ComputeReadTimes(Book* book) {
  book->minutes = 0;
  for (Lesson& lesson : book->lessons) lesson.read_time = ComputeReadTime(lesson);
  for (Track& track : book->tracks) {
    track.minutes = 0;
    for (int index : track.lessons) track.minutes += book->lessons[index].read_time.minutes;
    book->minutes += track.minutes;
  }
}

}  // namespace gobook::doc
