// Small helpers for reading TOML tables with exact diagnostics; internal to book/.
#ifndef GOBOOK_BOOK_TOML_READING_H_
#define GOBOOK_BOOK_TOML_READING_H_

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace gobook::book {

// Parses TOML; reports a syntax error with its place and returns nullopt.
// `line_offset` is added to reported lines (front matter starts below line 1).
std::optional<toml::table> ParseToml(std::string_view text, const std::string& path,
                                     int line_offset, DiagnosticSink* sink);

// Reports every key of `table` not in `known`, with a "did you mean" hint.
void RejectUnknownKeys(const toml::table& table, const std::vector<std::string>& known,
                       const std::string& path, int line_offset, const std::string& where,
                       DiagnosticSink* sink);

// Reads a string value; reports a wrong type. Returns "" when absent.
std::string ReadString(const toml::table& table, const std::string& key,
                       const std::string& path, int line_offset, DiagnosticSink* sink);

}  // namespace gobook::book

#endif  // GOBOOK_BOOK_TOML_READING_H_
