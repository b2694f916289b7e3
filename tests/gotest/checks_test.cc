// Unit tests for CollectChecks: how the Go blocks of a lesson, and the output
// blocks after them, become the checks of `gobook test`.
#include "gotest/checks.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/diagnostics_text.h"
#include "support/lessons.h"

namespace gobook::gotest {
namespace {

using testing::AllDiagnostics;

constexpr const char* kLessonFile = "book/lessons/01-a.md";

// A fenced block with its info string, followed by a blank line.
std::string Fence(const std::string& info, const std::string& code) {
  return "```" + info + "\n" + code + "\n```\n\n";
}

// A lesson "# T" whose body is `body`.
std::string Lesson(const std::string& body) { return "# T\n\nIntro.\n\n" + body; }

const std::string kHello =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}";

// The 1-based line on which the `nth` (from 0) occurrence of `needle` starts.
int LineOf(const std::string& text, const std::string& needle, int nth = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  int line = 1;
  for (size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

doc::Book OneLessonBook(const std::string& markdown) {
  return testing::BookFrom({"Track"}, {{"lessons/01-a.md", markdown, 0}});
}

std::vector<Check> Collect(const std::string& markdown, DiagnosticSink* sink) {
  return CollectChecks(OneLessonBook(markdown), sink);
}

// The one check of a lesson holding only `fence`, with no diagnostics.
Check OnlyCheck(const std::string& info, const std::string& code = kHello) {
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(Lesson(Fence(info, code)), &sink);
  INFO(AllDiagnostics(sink));
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  return checks[0];
}

// The diagnostics of a lesson that yields an error, formatted.
std::string ErrorsOf(const std::string& markdown) {
  DiagnosticSink sink;
  Collect(markdown, &sink);
  return AllDiagnostics(sink);
}

std::string At(int line) {
  return std::string(kLessonFile) + ":" + std::to_string(line) + ":1: error: ";
}

TEST_CASE("CollectChecks: ```go is a program that must succeed", "[gotest]") {
  std::string markdown = Lesson(Fence("go", kHello));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  const Check& check = checks[0];
  CHECK(check.expect == Expect::kSuccess);
  CHECK(check.lesson == 0);
  CHECK(check.number == 1);
  CHECK(check.pos.file == kLessonFile);
  CHECK(check.pos.line == LineOf(markdown, "```go"));
  REQUIRE(check.files.size() == 1);
  CHECK(check.files[0].name == "main.go");
  CHECK(check.files[0].code == kHello);
  CHECK(check.files[0].pos.line == check.pos.line);
  CHECK(check.timeout_seconds == 10);
  CHECK_FALSE(check.deadlock);
  CHECK_FALSE(check.output.has_value());
  CHECK_FALSE(check.needs_race_run);
  CHECK(check.gcflags.empty());
  CHECK(check.test_flags.empty());
}

TEST_CASE("CollectChecks: each info-string form maps to its expectation", "[gotest]") {
  SECTION("fragment") {
    Check check = OnlyCheck("go fragment", "x := 1");
    CHECK(check.expect == Expect::kParse);
    REQUIRE(check.files.size() == 1);
    CHECK(check.files[0].code == "x := 1");
  }
  SECTION("panic") {
    Check check = OnlyCheck("go panic");
    CHECK(check.expect == Expect::kExit2);
    CHECK_FALSE(check.deadlock);
  }
  SECTION("deadlock") {
    Check check = OnlyCheck("go deadlock");
    CHECK(check.expect == Expect::kExit2);
    CHECK(check.deadlock);
  }
  SECTION("compile-error") { CHECK(OnlyCheck("go compile-error").expect == Expect::kCompileError); }
  SECTION("vet-error") { CHECK(OnlyCheck("go vet-error").expect == Expect::kVetError); }
  SECTION("race") { CHECK(OnlyCheck("go race").expect == Expect::kRace); }
  SECTION("gcflags=-m") {
    Check check = OnlyCheck("go gcflags=-m");
    CHECK(check.expect == Expect::kCompilerOutput);
    CHECK(check.gcflags == "-m");
  }
  SECTION("file=a.go") {
    Check check = OnlyCheck("go file=a.go", "package a");
    CHECK(check.expect == Expect::kTestsPass);
    REQUIRE(check.files.size() == 1);
    CHECK(check.files[0].name == "a.go");
    CHECK(check.files[0].code == "package a");
  }
  SECTION("timeout=30") {
    Check check = OnlyCheck("go timeout=30");
    CHECK(check.expect == Expect::kSuccess);
    CHECK(check.timeout_seconds == 30);
  }
  SECTION("words combine: deadlock timeout=2") {
    Check check = OnlyCheck("go deadlock timeout=2");
    CHECK(check.expect == Expect::kExit2);
    CHECK(check.deadlock);
    CHECK(check.timeout_seconds == 2);
  }
}

TEST_CASE("CollectChecks: a fragment that needs a newer Go is not checked", "[gotest]") {
  DiagnosticSink sink;
  std::vector<Check> checks =
      Collect(Lesson(Fence("go fragment go1.27", "for x := range 3.5 {}") +
                     Fence("go", kHello)),
              &sink);
  CHECK(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].expect == Expect::kSuccess);
  CHECK(checks[0].number == 1);  // the skipped fragment takes no number
}

TEST_CASE("CollectChecks: consecutive file= blocks are one package", "[gotest]") {
  const std::string lru = "package lru\n\nfunc New() int { return 1 }";
  const std::string lru_test =
      "package lru\n\nimport \"testing\"\n\nfunc TestNew(t *testing.T) {\n\tif New() != 1 {\n"
      "\t\tt.Fatal(\"no\")\n\t}\n}";
  std::string markdown =
      Lesson(Fence("go file=lru.go", lru) + "Then its test:\n\n" +
             Fence("go file=lru_test.go test=-race,-run=X", lru_test));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  INFO(AllDiagnostics(sink));
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  const Check& check = checks[0];
  CHECK(check.expect == Expect::kTestsPass);
  CHECK(check.number == 1);
  CHECK(check.pos.line == LineOf(markdown, "```go file=lru.go"));
  REQUIRE(check.files.size() == 2);
  CHECK(check.files[0].name == "lru.go");
  CHECK(check.files[0].code == lru);
  CHECK(check.files[0].pos.line == LineOf(markdown, "```go file=lru.go"));
  CHECK(check.files[1].name == "lru_test.go");
  CHECK(check.files[1].code == lru_test);
  CHECK(check.files[1].pos.line == LineOf(markdown, "```go file=lru_test.go"));
  CHECK(check.test_flags == std::vector<std::string>{"-race", "-run=X"});
}

TEST_CASE("CollectChecks: an output block or other code ends a package", "[gotest]") {
  SECTION("after an output block") {
    std::string markdown = Lesson(Fence("go file=a.go", "package a") +
                                  Fence("output", "ok") + Fence("go file=b.go", "package b"));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    INFO(AllDiagnostics(sink));
    REQUIRE(sink.diagnostics().empty());
    REQUIRE(checks.size() == 2);
    REQUIRE(checks[0].files.size() == 1);
    CHECK(checks[0].files[0].name == "a.go");
    CHECK(checks[0].output == std::optional<std::string>("ok"));
    REQUIRE(checks[1].files.size() == 1);
    CHECK(checks[1].files[0].name == "b.go");
    CHECK_FALSE(checks[1].output.has_value());
    CHECK(checks[0].number == 1);
    CHECK(checks[1].number == 2);
  }
  SECTION("after a non-Go code block") {
    std::string markdown = Lesson(Fence("go file=a.go", "package a") +
                                  Fence("sh", "go test ./...") + Fence("go file=b.go", "package b"));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    REQUIRE(sink.diagnostics().empty());
    REQUIRE(checks.size() == 2);
    CHECK(checks[0].files.size() == 1);
    CHECK(checks[1].files.size() == 1);
    CHECK(checks[1].pos.line == LineOf(markdown, "```go file=b.go"));
  }
  SECTION("prose alone does not") {
    std::string markdown = Lesson(Fence("go file=a.go", "package a") + "Some prose.\n\n" +
                                  Fence("go file=b.go", "package a"));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    REQUIRE(sink.diagnostics().empty());
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].files.size() == 2);
  }
  SECTION("a program between two file= blocks") {
    std::string markdown = Lesson(Fence("go file=a.go", "package a") + Fence("go", kHello) +
                                  Fence("go file=b.go", "package b"));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    REQUIRE(sink.diagnostics().empty());
    REQUIRE(checks.size() == 3);
    CHECK(checks[0].expect == Expect::kTestsPass);
    CHECK(checks[1].expect == Expect::kSuccess);
    CHECK(checks[2].expect == Expect::kTestsPass);
    CHECK(checks[2].files.size() == 1);
  }
}

TEST_CASE("CollectChecks: an output block attaches to the program before it", "[gotest]") {
  std::string markdown = Lesson(Fence("go", kHello) + Fence("output", "hello\n\tindented\n") +
                                Fence("go", kHello) + Fence("output unstable", "12:00"));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  INFO(AllDiagnostics(sink));
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 2);
  // The text as written, tabs kept, without the final newline of the block.
  CHECK(checks[0].output == std::optional<std::string>("hello\n\tindented\n"));
  CHECK(checks[0].output_pos.file == kLessonFile);
  CHECK(checks[0].output_pos.line == LineOf(markdown, "```output"));
  CHECK_FALSE(checks[0].output_unstable);
  CHECK(checks[1].output == std::optional<std::string>("12:00"));
  CHECK(checks[1].output_pos.line == LineOf(markdown, "```output unstable"));
  CHECK(checks[1].output_unstable);
}

TEST_CASE("CollectChecks: the code is the source as written", "[gotest]") {
  Check check = OnlyCheck("go");
  REQUIRE(check.files.size() == 1);
  CHECK(check.files[0].code.find('\t') != std::string::npos);
  CHECK(check.files[0].code.find("    fmt") == std::string::npos);
}

TEST_CASE("CollectChecks: needs_race_run for goroutines and sync", "[gotest]") {
  const std::string with_go =
      "package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { done <- true }()\n"
      "\t<-done\n}";
  const std::string with_sync =
      "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n}";
  const std::string with_atomic =
      "package main\n\nimport \"sync/atomic\"\n\nfunc main() {\n\tvar n atomic.Int64\n"
      "\tn.Add(1)\n}";
  const std::string go_in_string_and_comment =
      "package main\n\nimport \"fmt\"\n\n// go func() {}() is not run here.\nfunc main() {\n"
      "\tfmt.Println(\"go go go\") /* go */\n\tgopher := 1\n\t_ = gopher\n}";
  CHECK(OnlyCheck("go", with_go).needs_race_run);
  CHECK(OnlyCheck("go", with_sync).needs_race_run);
  CHECK(OnlyCheck("go", with_atomic).needs_race_run);
  CHECK_FALSE(OnlyCheck("go", go_in_string_and_comment).needs_race_run);
  CHECK_FALSE(OnlyCheck("go", kHello).needs_race_run);
  // A fragment is never run.
  CHECK_FALSE(OnlyCheck("go fragment", "go f()").needs_race_run);
}

TEST_CASE("CollectChecks: a package needs the race run when any file does", "[gotest]") {
  DiagnosticSink sink;
  std::vector<Check> checks =
      Collect(Lesson(Fence("go file=a.go", "package a") +
                     Fence("go file=b.go", "package a\n\nimport \"sync\"\n\nvar mu sync.Mutex")),
              &sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].needs_race_run);
}

TEST_CASE("CollectChecks: checks are numbered per lesson, in book order", "[gotest]") {
  doc::Book book = testing::BookFrom(
      {"Track"},
      {{"lessons/01-a.md", Lesson(Fence("go", kHello) + Fence("go fragment", "x := 1")), 0},
       {"lessons/02-b.md", "# Empty\n\nNo code.\n", 0},
       {"lessons/03-c.md", Lesson(Fence("go panic", kHello)), 0}});
  DiagnosticSink sink;
  std::vector<Check> checks = CollectChecks(book, &sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 3);
  CHECK(checks[0].lesson == 0);
  CHECK(checks[0].number == 1);
  CHECK(checks[1].lesson == 0);
  CHECK(checks[1].number == 2);
  CHECK(checks[1].expect == Expect::kParse);
  CHECK(checks[2].lesson == 2);
  CHECK(checks[2].number == 1);
  CHECK(checks[2].pos.file == "book/lessons/03-c.md");
}

TEST_CASE("CollectChecks: Go blocks inside lists and callouts count", "[gotest]") {
  std::string markdown = Lesson("> [!NOTE]\n> A note.\n>\n> ```go\n> " +
                                testing::ReplaceAll(kHello, "\n", "\n> ") + "\n> ```\n\n");
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].files[0].code == kHello);
}

TEST_CASE("CollectChecks: unknown words are reported verbatim", "[gotest]") {
  std::string markdown = Lesson(Fence("go banana", kHello));
  CHECK(ErrorsOf(markdown) ==
        At(LineOf(markdown, "```go")) +
            "unknown word 'banana' in a Go block's info string\n"
            "hint: the forms are: fragment, go1.N, panic, deadlock, compile-error, vet-error, "
            "race, gcflags=FLAGS, file=NAME.go, test=FLAGS, timeout=SECONDS "
            "(see book/README.md)\n");

  std::string output = Lesson(Fence("go", kHello) + Fence("output stable", "hello"));
  CHECK(ErrorsOf(output) ==
        At(LineOf(output, "```output")) +
            "unknown word 'stable' in an output block's info string\n"
            "hint: write '```output', or '```output unstable' for output that varies\n");
}

TEST_CASE("CollectChecks: a block with a bad info string is not checked", "[gotest]") {
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(Lesson(Fence("go banana", kHello)), &sink);
  CHECK(sink.error_count() == 1);
  CHECK(checks.empty());
}

TEST_CASE("CollectChecks: an output block must follow a program", "[gotest]") {
  const std::string error =
      "an output block must follow a Go program\n"
      "hint: put it right after the ```go block whose output it shows\n";
  SECTION("at the start of a lesson") {
    std::string markdown = Lesson(Fence("output", "hello"));
    CHECK(ErrorsOf(markdown) == At(LineOf(markdown, "```output")) + error);
  }
  SECTION("after prose and a shell block") {
    std::string markdown = Lesson(Fence("go", kHello) + Fence("sh", "go run .") +
                                  Fence("output", "hello"));
    CHECK(ErrorsOf(markdown) == At(LineOf(markdown, "```output")) + error);
  }
  SECTION("after a fragment") {
    std::string markdown = Lesson(Fence("go fragment", "x := 1") + Fence("output", "1"));
    CHECK(ErrorsOf(markdown) == At(LineOf(markdown, "```output")) + error);
  }
}

TEST_CASE("CollectChecks: a second output block is an error", "[gotest]") {
  std::string markdown =
      Lesson(Fence("go", kHello) + Fence("output", "hello") + Fence("output", "again"));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  REQUIRE(sink.error_count() == 1);
  CHECK(sink.diagnostics()[0].line == LineOf(markdown, "```output", 1));
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].output == std::optional<std::string>("hello"));
}

// checks.cc has a dedicated message for this ("a program has one output block"),
// but it is unreachable: the output block before resets the program an output
// would attach to, so the second one reads as following no program.
TEST_CASE("CollectChecks: a second output block says a program has one",
          "[gotest]") {
  std::string markdown =
      Lesson(Fence("go", kHello) + Fence("output", "hello") + Fence("output", "again"));
  CHECK(ErrorsOf(markdown) ==
        At(LineOf(markdown, "```output", 1)) + "a program has one output block\n");
}

TEST_CASE("CollectChecks: only a fragment may need a newer Go", "[gotest]") {
  std::string markdown = Lesson(Fence("go panic go1.27", kHello));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  CHECK(checks.empty());
  CHECK(AllDiagnostics(sink) == At(LineOf(markdown, "```go")) +
                                    "only a fragment may need a newer Go\n"
                                    "hint: write '```go fragment go1.27'\n");
}

// The hint quotes the info string's last word, which is the go1.N word only when
// it comes last.
TEST_CASE("CollectChecks: the newer-Go hint names the go1.N word wherever it is",
          "[gotest]") {
  std::string markdown = Lesson(Fence("go go1.27 panic", kHello));
  CHECK(ErrorsOf(markdown) == At(LineOf(markdown, "```go")) +
                                  "only a fragment may need a newer Go\n"
                                  "hint: write '```go fragment go1.27'\n");
}

// UsesConcurrency looks for the text "sync" in quotes anywhere, so a string
// literal reads as an import and the program is built and run again with -race.
TEST_CASE("CollectChecks: \"sync\" in a string literal is not an import",
          "[gotest]") {
  const std::string code =
      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"sync\")\n}";
  CHECK_FALSE(OnlyCheck("go", code).needs_race_run);
}

TEST_CASE("CollectChecks: file= must name a Go file", "[gotest]") {
  for (const std::string word : {"file=a.txt", "file=sub/a.go", "file="}) {
    std::string markdown = Lesson(Fence("go " + word, "package a"));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    CHECK(checks.empty());
    CHECK(AllDiagnostics(sink) ==
          At(LineOf(markdown, "```go")) + "'" + word +
              "' must name a Go file, such as 'file=lru.go'\n");
  }
}

TEST_CASE("CollectChecks: timeout= must give seconds", "[gotest]") {
  for (const std::string word : {"timeout=abc", "timeout=0", "timeout=-1", "timeout="}) {
    std::string markdown = Lesson(Fence("go " + word, kHello));
    DiagnosticSink sink;
    std::vector<Check> checks = Collect(markdown, &sink);
    CHECK(checks.empty());
    CHECK(AllDiagnostics(sink) == At(LineOf(markdown, "```go")) + "'" + word +
                                      "' must give seconds, such as 'timeout=30'\n");
  }
  CHECK(OnlyCheck("go timeout=0.5").timeout_seconds == 0.5);
}

TEST_CASE("CollectChecks: every error of a lesson is reported, in order", "[gotest]") {
  std::string markdown = Lesson(Fence("go banana", kHello) + Fence("go file=x.c", "int x;") +
                                Fence("go", kHello));
  DiagnosticSink sink;
  std::vector<Check> checks = Collect(markdown, &sink);
  REQUIRE(sink.error_count() == 2);
  CHECK(sink.diagnostics()[0].line == LineOf(markdown, "```go banana"));
  CHECK(sink.diagnostics()[1].line == LineOf(markdown, "```go file=x.c"));
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].number == 1);
}

}  // namespace
}  // namespace gobook::gotest
