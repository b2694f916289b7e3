// Unit tests for the runner of `gobook test`: LineDiff, and RunChecks end to end
// with the real Go toolchain on a small book built in memory. These tests need
// `go` (1.26 or later) on PATH and fail without it.
#include "gotest/runner.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "gotest/checks.h"
#include "support/diagnostics_text.h"
#include "support/lessons.h"
#include "support/temp_dir.h"

namespace gobook::gotest {
namespace {

using testing::AllDiagnostics;

constexpr const char* kDiffHeader = "--- shown in the book\n+++ printed by the program\n";

TEST_CASE("LineDiff: equal texts are all context lines", "[gotest]") {
  CHECK(LineDiff("a\nb\nc", "a\nb\nc") == std::string(kDiffHeader) + " a\n b\n c\n");
  CHECK(LineDiff("", "") == kDiffHeader);
}

TEST_CASE("LineDiff: an added and a removed line", "[gotest]") {
  CHECK(LineDiff("a\nc", "a\nb\nc") == std::string(kDiffHeader) + " a\n+b\n c\n");
  CHECK(LineDiff("a\nb\nc", "a\nc") == std::string(kDiffHeader) + " a\n-b\n c\n");
  CHECK(LineDiff("", "x") == std::string(kDiffHeader) + "+x\n");
  CHECK(LineDiff("x", "") == std::string(kDiffHeader) + "-x\n");
  CHECK(LineDiff("a\nb", "a\nb\nc") == std::string(kDiffHeader) + " a\n b\n+c\n");
}

TEST_CASE("LineDiff: a changed line is one removed and one added line", "[gotest]") {
  std::string diff = LineDiff("a\nb\nc", "a\nX\nc");
  CHECK(diff.rfind(std::string(kDiffHeader) + " a\n", 0) == 0);
  CHECK(diff.find("\n-b\n") != std::string::npos);
  CHECK(diff.find("\n+X\n") != std::string::npos);
  CHECK(diff.size() == std::string(kDiffHeader).size() + std::string(" a\n-b\n+X\n c\n").size());
  CHECK(diff.substr(diff.size() - 3) == " c\n");
}

// The unified style (diff -u, git diff) the header promises puts the removed line
// before the added one.
TEST_CASE("LineDiff: a changed line shows '-' before '+', as diff -u does",
          "[gotest]") {
  CHECK(LineDiff("a\nb\nc", "a\nX\nc") == std::string(kDiffHeader) + " a\n-b\n+X\n c\n");
}

TEST_CASE("CheckGoToolchain: go on PATH is new enough", "[gotest]") {
  DiagnosticSink sink;
  CHECK(CheckGoToolchain("1.26", &sink));
  CHECK(AllDiagnostics(sink).empty());
}

TEST_CASE("CheckGoToolchain: reports a Go older than required", "[gotest]") {
  DiagnosticSink sink;
  CHECK_FALSE(CheckGoToolchain("99.0", &sink));
  REQUIRE(sink.diagnostics().size() == 1);
  std::string text = AllDiagnostics(sink);
  CHECK(text.rfind("gobook: error: 'go' is go1.", 0) == 0);
  CHECK(text.find("; this book's programs need Go 99.0 or later\n"
                  "hint: install Go 99.0 or later (https://go.dev/dl/) and put its bin "
                  "folder on PATH\n") != std::string::npos);
}

// ---------------------------------------------------------------------------
// One book, run once and shared by the test cases below, so the Go toolchain
// runs a handful of times in all.

std::string Fence(const std::string& info, const std::string& code) {
  return "```" + info + "\n" + code + "\n```\n\n";
}

const std::string kPasses =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}";
const std::string kTwoLines =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n"
    "\tfmt.Println(\"world\")\n}";
const std::string kPanics =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n"
    "\tpanic(\"boom\")\n}";
const std::string kUnused = "package main\n\nfunc main() {\n\tx := 1\n}";
const std::string kUndefined = "package main\n\nfunc main() {\n\tprintln(y)\n}";
const std::string kLoops = "package main\n\nfunc main() {\n\tfor {\n\t}\n}";
const std::string kNotFormatted = "package main\n\nfunc main() {\n  println(1)\n}";
const std::string kLru = "package lru\n\n// Size is one.\nfunc Size() int { return 1 }";
const std::string kLruTest =
    "package lru\n\nimport \"testing\"\n\nfunc TestSize(t *testing.T) {\n\tif Size() != 1 {\n"
    "\t\tt.Fatal(\"size\")\n\t}\n}";

const std::string kMarkdown =
    "# Runner\n\nIntro.\n\n" +
    Fence("go", kPasses) + Fence("output", "hello") +                        // 1 passes
    Fence("go", kTwoLines) + Fence("output", "hello\nWorld") +               // 2 differs
    Fence("go panic", kPanics) + Fence("output", "before\npanic: boom") +    // 3 passes
    Fence("go compile-error", kUnused) +
    Fence("output", "./main.go:4:2: declared and not used: x") +            // 4 passes
    Fence("go compile-error", kUnused) +
    Fence("output", "./main.go:4:2: undefined: y") +                        // 5 fails
    Fence("go timeout=1", kLoops) +                                          // 6 fails
    Fence("go", kNotFormatted) +                                             // 7 fails
    Fence("go", kUndefined) +                                                // 8 fails
    Fence("go fragment", "total := 0\nfor i := range 3 {\n\ttotal += i\n}") +  // 9 passes
    Fence("go fragment go1.27", "not checked at all {") +
    Fence("go file=lru.go", kLru) + Fence("go file=lru_test.go", kLruTest);  // 10 passes

// The 1-based line on which the `nth` (from 0) occurrence of `needle` starts.
int LineOf(const std::string& needle, int nth = 0) {
  size_t at = kMarkdown.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = kMarkdown.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  int line = 1;
  for (size_t i = 0; i < at; ++i) line += kMarkdown[i] == '\n' ? 1 : 0;
  return line;
}

struct Run {
  testing::TempDir dir;
  doc::Book book;
  std::vector<Check> checks;
  RunSummary summary;
  DiagnosticSink sink;
  double seconds = 0;
};

const Run& SharedRun() {
  static Run* run = [] {
    DiagnosticSink go_sink;
    bool have_go = CheckGoToolchain("1.26", &go_sink);
    INFO(AllDiagnostics(go_sink));
    REQUIRE(have_go);  // these tests fail, never skip, without Go
    auto* made = new Run;
    made->book = testing::BookFrom({"Track"}, {{"lessons/01-runner.md", kMarkdown, 0}});
    DiagnosticSink collect_sink;
    made->checks = CollectChecks(made->book, &collect_sink);
    INFO(AllDiagnostics(collect_sink));
    REQUIRE_FALSE(collect_sink.HasErrors());
    RunOptions options;
    options.jobs = 2;
    options.work_dir = made->dir.Path("module");
    options.go_version = "1.26";
    auto start = std::chrono::steady_clock::now();
    made->summary = RunChecks(made->book, made->checks, options, &made->sink);
    made->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return made;
  }();
  return *run;
}

// The diagnostics reported at `line` of the lesson.
std::vector<Diagnostic> At(int line) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& diagnostic : SharedRun().sink.diagnostics()) {
    if (diagnostic.line == line) found.push_back(diagnostic);
  }
  return found;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST_CASE("RunChecks: the summary counts programs, packages and fragments", "[gotest]") {
  const Run& run = SharedRun();
  INFO(AllDiagnostics(run.sink));
  INFO("RunChecks took " << run.seconds << " s");
  REQUIRE(run.checks.size() == 10);
  CHECK(run.summary.programs == 8);
  CHECK(run.summary.packages == 1);
  CHECK(run.summary.fragments == 1);
  CHECK(run.summary.passed == 5);
  CHECK(run.summary.failed == 5);
  // One diagnostic for each failing check, all errors, all in the lesson.
  CHECK(run.sink.error_count() == 5);
  for (const Diagnostic& diagnostic : run.sink.diagnostics()) {
    CHECK(diagnostic.file == "book/lessons/01-runner.md");
    CHECK(diagnostic.column == 0);
  }
}

TEST_CASE("RunChecks: passing checks report nothing", "[gotest]") {
  INFO(AllDiagnostics(SharedRun().sink));
  // A program with its exact output.
  CHECK(At(LineOf("```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}"))
            .empty());
  CHECK(At(LineOf("```output\nhello\n```")).empty());
  // A panic whose output block shows stdout, then the first line of stderr.
  CHECK(At(LineOf("```go panic")).empty());
  CHECK(At(LineOf("```output\nbefore")).empty());
  // A compile error whose shown line the compiler prints.
  CHECK(At(LineOf("```go compile-error", 0)).empty());
  CHECK(At(LineOf("```output\n./main.go:4:2: declared")).empty());
  // A fragment that parses as statements, and a package whose tests pass.
  CHECK(At(LineOf("```go fragment\n")).empty());
  CHECK(At(LineOf("```go file=lru.go")).empty());
  CHECK(At(LineOf("```go file=lru_test.go")).empty());
}

TEST_CASE("RunChecks: an edited output is a diff at the output fence", "[gotest]") {
  std::vector<Diagnostic> found = At(LineOf("```output\nhello\nWorld"));
  REQUIRE(found.size() == 1);
  const std::string& message = found[0].message;
  CHECK(StartsWith(message, "output differs\n"));
  std::string indented;
  for (char c : LineDiff("hello\nWorld", "hello\nworld")) {
    if (indented.empty() || indented.back() == '\n') indented += "    ";
    indented += c;
  }
  CHECK(message == "output differs\n" + indented);
  CHECK(message.find("\n     hello\n") != std::string::npos);
  CHECK(message.find("\n    -World") != std::string::npos);
  CHECK(message.find("\n    +world") != std::string::npos);
  CHECK(At(LineOf("```go", 1)).empty());  // not at the program's fence
}

TEST_CASE("RunChecks: a compile error's shown line must be what the compiler prints",
          "[gotest]") {
  std::vector<Diagnostic> found = At(LineOf("```output\n./main.go:4:2: undefined: y"));
  REQUIRE(found.size() == 1);
  const std::string& message = found[0].message;
  CHECK(StartsWith(message,
                   "output differs: lines shown are not in what the compiler prints\n"));
  CHECK(message.find("not found:\n      ./main.go:4:2: undefined: y\n") != std::string::npos);
  CHECK(message.find("the compiler printed:\n") != std::string::npos);
  CHECK(message.find("declared and not used: x") != std::string::npos);
}

TEST_CASE("RunChecks: a program past its timeout fails", "[gotest]") {
  std::vector<Diagnostic> found = At(LineOf("```go timeout=1"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "the program did not finish within 1 s");
}

TEST_CASE("RunChecks: a program must be gofmt-clean", "[gotest]") {
  std::vector<Diagnostic> found = At(LineOf("```go\npackage main\n\nfunc main() {\n  println"));
  REQUIRE(found.size() == 1);
  CHECK(StartsWith(found[0].message, "the program is not gofmt-clean\n"));
  CHECK(found[0].message.find("-  println(1)") != std::string::npos);
  CHECK(found[0].message.find("+\tprintln(1)") != std::string::npos);
}

TEST_CASE("RunChecks: a build error is placed at its line in the book", "[gotest]") {
  int fence = LineOf("```go\npackage main\n\nfunc main() {\n\tprintln(y)");
  std::vector<Diagnostic> found = At(fence);
  REQUIRE(found.size() == 1);
  CHECK(StartsWith(found[0].message, "the program does not compile\n"));
  // println(y) is the code's line 4, the fence's line + 4 in the lesson.
  CHECK(found[0].message.find("book/lessons/01-runner.md:" + std::to_string(fence + 4) +
                              ":10: undefined: y") != std::string::npos);
}

TEST_CASE("RunChecks: every check runs in its own folder of one module", "[gotest]") {
  const Run& run = SharedRun();
  CHECK(run.dir.Read("module/go.mod") == "module example.com/book\n\ngo 1.26\n");
  CHECK(run.dir.Read("module/l01-01/main.go") == kPasses + "\n");
  CHECK(run.dir.Read("module/l01-10/lru.go") == kLru + "\n");
  CHECK(run.dir.Read("module/l01-10/lru_test.go") == kLruTest + "\n");
  CHECK_FALSE(run.dir.Exists("module/l01-11"));
}

TEST_CASE("RunChecks: no checks, no failures", "[gotest]") {
  testing::TempDir dir;
  dir.Write("module/l01-07/main.go", "stale");
  dir.Write("module/keep.txt", "kept");
  doc::Book book = testing::BookFrom({"Track"}, {{"lessons/01-a.md", "# A\n\nText.\n", 0}});
  DiagnosticSink sink;
  RunOptions options;
  options.jobs = 1;
  options.work_dir = dir.Path("module");
  options.go_version = "1.26";
  RunSummary summary = RunChecks(book, {}, options, &sink);
  CHECK(summary.programs + summary.packages + summary.fragments == 0);
  CHECK(summary.passed + summary.failed == 0);
  CHECK(sink.diagnostics().empty());
  CHECK(dir.Read("module/go.mod") == "module example.com/book\n\ngo 1.26\n");
  CHECK_FALSE(dir.Exists("module/l01-07"));  // an earlier run's check folder is removed
  CHECK(dir.Read("module/keep.txt") == "kept");
}

}  // namespace
}  // namespace gobook::gotest
