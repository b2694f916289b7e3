// `gobook test`: every Go block of the book compiled, vetted and run, and every
// output shown compared with what the program prints. This header turns the
// document model's code blocks into checks; runner.h runs them.
#ifndef GOBOOK_GOTEST_CHECKS_H_
#define GOBOOK_GOTEST_CHECKS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "doc/model.h"
#include "util/diagnostics.h"

namespace gobook::gotest {

// What a program must do, from the words after "go" in its info string.
enum class Expect {
  kSuccess,       // ```go: exit status 0
  kExit2,         // ```go panic / deadlock: exit status 2
  kCompileError,  // ```go compile-error: go build fails
  kVetError,      // ```go vet-error: go vet fails
  kCompilerOutput,// ```go gcflags=-m: lines shown appear in go build -gcflags output
  kRace,          // ```go race: the race detector reports a race
  kTestsPass,     // ```go file=...: a package whose go test passes
  kParse,         // ```go fragment: parses as declarations or statements
};

struct SourceFile {
  std::string name;  // main.go, lru.go, lru_test.go
  std::string code;
  doc::SourcePos pos;
};

struct Check {
  Expect expect = Expect::kSuccess;
  int lesson = 0;          // index into Book::lessons
  int number = 0;          // the check's position in its lesson, from 1
  doc::SourcePos pos;      // the (first) go block's fence
  std::vector<SourceFile> files;
  std::string gcflags;     // kCompilerOutput
  std::vector<std::string> test_flags;  // kTestsPass
  double timeout_seconds = 10;
  bool deadlock = false;   // kExit2: the first stderr line must be Go's deadlock message
  // The ```output block after it, if any.
  std::optional<std::string> output;
  doc::SourcePos output_pos;
  bool output_unstable = false;
  bool needs_race_run = false;  // starts goroutines or imports sync
};

// Collects the checks of the lessons, in book order; reports malformed info
// strings and output blocks that follow no program.
std::vector<Check> CollectChecks(const doc::Book& book, DiagnosticSink* sink);

}  // namespace gobook::gotest

#endif  // GOBOOK_GOTEST_CHECKS_H_
