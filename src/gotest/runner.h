// Runs the checks of `gobook test` in parallel, each in its own folder of one Go
// module kept in a stable place (the Go build cache keys on paths), and reports
// every failure at its place in the book.
#ifndef GOBOOK_GOTEST_RUNNER_H_
#define GOBOOK_GOTEST_RUNNER_H_

#include <string>
#include <vector>

#include "doc/model.h"
#include "gotest/checks.h"
#include "util/diagnostics.h"

namespace gobook::gotest {

struct RunOptions {
  int jobs = 0;              // 0: one per core
  std::string work_dir;      // the module's folder
  std::string go_version;    // the go line of go.mod, e.g. "1.26"
};

struct RunSummary {
  int programs = 0;
  int packages = 0;
  int fragments = 0;
  int passed = 0;
  int failed = 0;
};

// Checks that `go` is on PATH and at least `required` ("1.26"); reports otherwise.
bool CheckGoToolchain(const std::string& required, DiagnosticSink* sink);

RunSummary RunChecks(const doc::Book& book, const std::vector<Check>& checks,
                     const RunOptions& options, DiagnosticSink* sink);

// A line diff of two texts, in the unified style (' ', '-', '+' prefixes).
std::string LineDiff(const std::string& expected, const std::string& actual);

}  // namespace gobook::gotest

#endif  // GOBOOK_GOTEST_RUNNER_H_
