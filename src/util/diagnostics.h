// Diagnostics in the compiler form every tool on this machine speaks:
//   book/lessons/06-slices.md:42:7: error: message
//   hint: what to do about it
// Stages collect all their diagnostics into a sink and fail once at the end, so an
// author sees every problem of a build in one run (as `mdbook test` does).
#ifndef GOBOOK_UTIL_DIAGNOSTICS_H_
#define GOBOOK_UTIL_DIAGNOSTICS_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace gobook {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;  // empty: the message has no place ("gobook: error: ...")
  int line = 0;      // 0: the whole file
  int column = 0;    // 0: the whole line
  std::string message;
  std::string hint;  // optional
};

// Formats one diagnostic as its lines of text (with a trailing newline).
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Collects diagnostics; prints them in the order they were reported.
class DiagnosticSink {
 public:
  void Error(std::string file, int line, int column, std::string message,
             std::string hint = {});
  void Warning(std::string file, int line, int column, std::string message,
               std::string hint = {});
  void Add(Diagnostic diagnostic);

  bool HasErrors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const { return warning_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // Writes every diagnostic not printed yet.
  void Flush(std::ostream& out);

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t printed_ = 0;
  int error_count_ = 0;
  int warning_count_ = 0;
};

// Returns the closest of `candidates` to `word` when it is close enough to be a
// likely typo (ninja's SpellcheckString rule: edit distance at most 3), else "".
std::string SuggestSpelling(const std::string& word,
                            const std::vector<std::string>& candidates);

}  // namespace gobook

#endif  // GOBOOK_UTIL_DIAGNOSTICS_H_
