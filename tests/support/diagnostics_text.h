// Diagnostics as the user sees them, for verbatim comparisons in tests (as in
// ninja's manifest_parser_test.cc).
#ifndef GOBOOK_TESTS_SUPPORT_DIAGNOSTICS_TEXT_H_
#define GOBOOK_TESTS_SUPPORT_DIAGNOSTICS_TEXT_H_

#include <string>

#include "util/diagnostics.h"

namespace gobook::testing {

// Every diagnostic of the sink, formatted and concatenated in report order.
inline std::string AllDiagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& diagnostic : sink.diagnostics()) out += FormatDiagnostic(diagnostic);
  return out;
}

inline std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_DIAGNOSTICS_TEXT_H_
