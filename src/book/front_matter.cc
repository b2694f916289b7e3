#include "book/book.h"
#include "book/toml_reading.h"
#include "util/text.h"

namespace gobook::book {
namespace {

const std::vector<std::string> kFrontMatterKeys = {"summary"};

bool IsFenceLine(std::string_view line) { return Trim(line) == "+++"; }

}  // namespace

std::string ReadFrontMatter(std::string_view text, const std::string& display_path,
                            FrontMatter* front, DiagnosticSink* sink) {
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !IsFenceLine(text.substr(0, first_end))) {
    return std::string(text);
  }
  // Find the closing '+++' line.
  size_t line_start = first_end + 1;
  size_t close_start = std::string_view::npos;
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (IsFenceLine(text.substr(line_start, line_end - line_start))) {
      close_start = line_start;
      break;
    }
    line_start = line_end + 1;
  }
  if (close_start == std::string_view::npos) {
    sink->Error(display_path, 1, 1, "front matter is not closed",
                "end it with a line '+++'");
    return std::string(text);
  }
  std::string_view toml_text = text.substr(first_end + 1, close_start - first_end - 1);
  // The TOML starts on line 2 of the file.
  std::optional<toml::table> table = ParseToml(toml_text, display_path, 1, sink);
  if (table) {
    RejectUnknownKeys(*table, kFrontMatterKeys, display_path, 1, " in front matter", sink);
    front->summary = ReadString(*table, "summary", display_path, 1, sink);
  }
  // Blank the front matter but keep its newlines, so lines keep their numbers.
  size_t close_end = text.find('\n', close_start);
  if (close_end == std::string_view::npos) close_end = text.size();
  std::string body(text);
  for (size_t i = 0; i < close_end; ++i) {
    if (body[i] != '\n') body[i] = ' ';
  }
  return body;
}

}  // namespace gobook::book
