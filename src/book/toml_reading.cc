#include "book/toml_reading.h"

#include <algorithm>
#include <cctype>

namespace gobook::book {

std::optional<toml::table> ParseToml(std::string_view text, const std::string& path,
                                     int line_offset, DiagnosticSink* sink) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    const toml::source_position& begin = error.source().begin;
    std::string message(error.description());
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    sink->Error(path, static_cast<int>(begin.line) + line_offset,
                static_cast<int>(begin.column), message);
    return std::nullopt;
  }
}

void RejectUnknownKeys(const toml::table& table, const std::vector<std::string>& known,
                       const std::string& path, int line_offset, const std::string& where,
                       DiagnosticSink* sink) {
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string suggestion = SuggestSpelling(name, known);
    const toml::source_position& begin = key.source().begin;
    sink->Error(path, static_cast<int>(begin.line) + line_offset, static_cast<int>(begin.column),
                "unknown key '" + name + "'" + where,
                suggestion.empty() ? "" : "did you mean '" + suggestion + "'?");
  }
}

std::string ReadString(const toml::table& table, const std::string& key,
                       const std::string& path, int line_offset, DiagnosticSink* sink) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return "";
  if (const auto* value = node->as_string()) return value->get();
  const toml::source_position& begin = node->source().begin;
  sink->Error(path, static_cast<int>(begin.line) + line_offset, static_cast<int>(begin.column),
              "'" + key + "' must be a string");
  return "";
}

}  // namespace gobook::book
