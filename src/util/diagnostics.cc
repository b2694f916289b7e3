#include "util/diagnostics.h"

#include <algorithm>
#include <ostream>

namespace gobook {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (d.file.empty()) {
    out = "gobook: ";
  } else {
    out = d.file + ":";
    if (d.line > 0) {
      out += std::to_string(d.line) + ":";
      if (d.column > 0) out += std::to_string(d.column) + ":";
    }
    out += " ";
  }
  out += d.severity == Severity::kError ? "error: " : "warning: ";
  out += d.message + "\n";
  if (!d.hint.empty()) out += "hint: " + d.hint + "\n";
  return out;
}

void DiagnosticSink::Error(std::string file, int line, int column,
                           std::string message, std::string hint) {
  Add({Severity::kError, std::move(file), line, column, std::move(message),
       std::move(hint)});
}

void DiagnosticSink::Warning(std::string file, int line, int column,
                             std::string message, std::string hint) {
  Add({Severity::kWarning, std::move(file), line, column, std::move(message),
       std::move(hint)});
}

void DiagnosticSink::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) {
    ++error_count_;
  } else {
    ++warning_count_;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Flush(std::ostream& out) {
  for (; printed_ < diagnostics_.size(); ++printed_) {
    out << FormatDiagnostic(diagnostics_[printed_]);
  }
  out.flush();
}

namespace {

// Levenshtein distance; the words compared are short keys, so O(n*m) is fine.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string SuggestSpelling(const std::string& word,
                            const std::vector<std::string>& candidates) {
  constexpr size_t kMaxDistance = 3;
  std::string best;
  size_t best_distance = kMaxDistance + 1;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace gobook
