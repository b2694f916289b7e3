#include "gotest/runner.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "util/parallel.h"
#include "util/process.h"
#include "util/text.h"

namespace gobook::gotest {
namespace {

namespace fs = std::filesystem;

constexpr double kToolTimeout = 300;  // go build/vet/test of one small program
constexpr int kRaceExitStatus = 66;   // what a binary built with -race exits with on a race
constexpr const char* kDeadlock = "fatal error: all goroutines are asleep - deadlock!";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string WithoutFinalNewline(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// Timings differ on every run: compare "(0.01s)" and "0.003s" as any duration.
std::string NormalizeDurations(const std::string& text) {
  static const std::regex kDuration("[0-9]+(\\.[0-9]+)?(ns|µs|us|ms|s)\\b");
  return std::regex_replace(text, kDuration, "<duration>");
}

// The shown lines that do not appear, trimmed, among the actual output's lines.
std::vector<std::string> MissingLines(const std::string& shown, const std::string& actual,
                                      bool normalize) {
  std::vector<std::string> actual_lines;
  for (const std::string& line : Lines(normalize ? NormalizeDurations(actual) : actual)) {
    actual_lines.emplace_back(Trim(line));
  }
  std::vector<std::string> missing;
  for (const std::string& line : Lines(shown)) {
    std::string want(Trim(normalize ? NormalizeDurations(line) : line));
    if (want.empty()) continue;
    if (std::find(actual_lines.begin(), actual_lines.end(), want) == actual_lines.end()) {
      missing.push_back(line);
    }
  }
  return missing;
}

std::string Indent(const std::string& text) {
  std::string out;
  for (const std::string& line : Lines(text)) out += "    " + line + "\n";
  return out;
}

std::string CheckFolder(const doc::Book& book, const Check& check) {
  char name[32];
  std::snprintf(name, sizeof name, "l%02d-%02d", book.lessons[check.lesson].number, check.number);
  return name;
}

// Runs a Go tool (or a built program) in `dir`: standard library only, offline,
// with the Go on PATH. GORACE: a race-enabled binary otherwise sleeps a second
// at exit, which would cost more than everything else gobook test does.
ProcessResult RunGo(const fs::path& dir, const std::vector<std::string>& argv, double timeout) {
  ProcessOptions options;
  options.working_dir = dir.string();
  options.environment = {{"GOPROXY", "off"}, {"GOTOOLCHAIN", "local"}, {"GOWORK", "off"},
                         {"GOFLAGS", "-mod=mod"}, {"GOTELEMETRY", "off"},
                         {"GORACE", "atexit_sleep_ms=0"}};
  options.timeout_seconds = timeout;
  return RunProcess(argv, options);
}

// Writes a check's files into its folder; returns the path that could not be
// written, or "".
std::string WriteSourceFiles(const Check& check, const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  for (const SourceFile& file : check.files) {
    std::ofstream out(folder / file.name, std::ios::binary);
    out << file.code << "\n";
    if (!out) return (folder / file.name).string();
  }
  return "";
}

// What the batch steps already did for many checks at once: one `go vet` and
// one `go build` over all the programs cost far less than one per program.
// A check found here skips that step; any other runs it alone, which also
// gives its own error messages when a batch fails.
struct Prepared {
  std::set<std::string> vetted;      // folders that passed the batch go vet
  std::set<std::string> built;       // folders holding a batch-built "prog"
  std::set<std::string> race_built;  // folders holding a batch-built "prog-race"
  std::map<std::string, std::string> unwritten;  // folder -> the file that failed
};

// One check, run in its own folder; collects its diagnostics.
class CheckRun {
 public:
  CheckRun(const Check& check, fs::path dir, const Prepared& prepared)
      : check_(check), dir_(std::move(dir)), prepared_(prepared) {}

  std::vector<Diagnostic> Run() {
    if (!WriteFiles()) return std::move(diagnostics_);
    switch (check_.expect) {
      case Expect::kParse: CheckParses(); break;
      case Expect::kTestsPass: CheckPackage(); break;
      default: CheckProgram(); break;
    }
    return std::move(diagnostics_);
  }

 private:
  void Fail(const doc::SourcePos& pos, std::string message, std::string detail = {}) {
    if (!detail.empty()) message += "\n" + Indent(WithoutFinalNewline(detail));
    diagnostics_.push_back({Severity::kError, pos.file, pos.line, 0, std::move(message), ""});
  }

  // Rewrites "./main.go:6:2:" in a tool's output to the line in the book.
  std::string InBook(const std::string& text) const {
    std::string out = text;
    for (const SourceFile& file : check_.files) {
      // At the start of a line or after a space, so "a.go" never matches in "ba.go".
      std::regex place("(^|[ \t])(\\./)?" +
                           std::regex_replace(file.name, std::regex("\\."), "\\.") +
                           ":([0-9]+):([0-9]+):",
                       std::regex::multiline);
      std::string result;
      auto begin = std::sregex_iterator(out.begin(), out.end(), place);
      size_t last = 0;
      for (auto it = begin; it != std::sregex_iterator(); ++it) {
        result += out.substr(last, static_cast<size_t>(it->position()) - last);
        int line = std::stoi((*it)[3]) + file.pos.line;  // code starts after the fence
        result += (*it)[1].str() + file.pos.file + ":" + std::to_string(line) + ":" +
                  (*it)[4].str() + ":";
        last = static_cast<size_t>(it->position() + it->length());
      }
      out = result + out.substr(last);
    }
    return out;
  }

  ProcessResult Tool(const std::vector<std::string>& argv, double timeout = kToolTimeout) {
    return RunGo(dir_, argv, timeout);
  }

  // The batch step wrote the files; report here, at the check, if it could not.
  bool WriteFiles() {
    auto failed = prepared_.unwritten.find(Folder());
    if (failed == prepared_.unwritten.end()) return true;
    Fail(check_.pos, "cannot write '" + failed->second + "'");
    return false;
  }

  bool Gofmt() {
    std::vector<std::string> argv = {"gofmt", "-l"};
    for (const SourceFile& file : check_.files) argv.push_back(file.name);
    ProcessResult result = Tool(argv);
    if (result.exit_status != 0) {
      Fail(check_.pos, "the program does not parse", InBook(result.err));
      return false;
    }
    if (!result.out.empty()) {
      argv[1] = "-d";
      Fail(check_.pos, "the program is not gofmt-clean", Tool(argv).out);
      return false;
    }
    return true;
  }

  bool Vet() {
    if (check_.expect != Expect::kVetError && prepared_.vetted.count(Folder()) > 0) return true;
    ProcessResult result = Tool({"go", "vet", "."});
    if (check_.expect == Expect::kVetError) {
      if (result.exit_status == 0) {
        Fail(check_.pos, "go vet must report this program, but it found nothing");
        return false;
      }
      ExpectLines(result.err, "go vet");
      return false;  // nothing more to run
    }
    if (result.exit_status != 0) {
      Fail(check_.pos, "go vet reports a problem", InBook(result.err));
      return false;
    }
    return true;
  }

  void ExpectLines(const std::string& actual, const std::string& tool, bool normalize = false) {
    if (!check_.output) return;
    std::vector<std::string> missing = MissingLines(*check_.output, actual, normalize);
    if (missing.empty()) return;
    std::string detail = "not found:\n";
    for (const std::string& line : missing) detail += "  " + line + "\n";
    detail += tool + " printed:\n" + Indent(actual);
    Fail(check_.output_pos, "output differs: lines shown are not in what " + tool + " prints",
         detail);
  }

  void CompareOutput(const std::string& actual) {
    if (!check_.output || check_.output_unstable) return;
    std::string got = WithoutFinalNewline(actual);
    if (got == *check_.output) return;
    Fail(check_.output_pos, "output differs", LineDiff(*check_.output, got));
  }

  void CheckProgram() {
    if (!Gofmt()) return;
    if (check_.expect == Expect::kCompileError) {
      ProcessResult build = Tool({"go", "build", "-o", "/dev/null", "."});
      if (build.exit_status == 0) {
        Fail(check_.pos, "the program must fail to compile, but it compiles");
      } else {
        ExpectLines(build.err, "the compiler");
      }
      return;
    }
    // Build before vet, so a program that does not compile says so.
    bool run_later = check_.expect == Expect::kSuccess || check_.expect == Expect::kExit2;
    if (run_later && !Build({}, "prog")) return;
    if (check_.expect == Expect::kVetError && !Build({}, "prog")) return;
    if (!Vet()) return;
    if (check_.expect == Expect::kCompilerOutput) {
      ProcessResult build =
          Tool({"go", "build", "-gcflags=" + check_.gcflags, "-o", "/dev/null", "."});
      if (build.exit_status != 0) {
        Fail(check_.pos, "the program does not compile", InBook(build.err));
      } else {
        ExpectLines(build.err, "the compiler");
      }
      return;
    }
    if (check_.expect == Expect::kRace) {
      RunRace();
      return;
    }
    RunBinary("prog", false);
    if (check_.needs_race_run && Build({"-race"}, "prog-race")) RunBinary("prog-race", true);
  }

  std::string Folder() const { return dir_.filename().string(); }

  bool Build(const std::vector<std::string>& flags, const std::string& output) {
    if (output == "prog" && prepared_.built.count(Folder()) > 0) return true;
    if (output == "prog-race" && prepared_.race_built.count(Folder()) > 0) return true;
    std::vector<std::string> argv = {"go", "build", "-trimpath"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-o", output, "."});
    ProcessResult build = Tool(argv);
    if (build.exit_status != 0) {
      Fail(check_.pos, "the program does not compile", InBook(build.err));
      return false;
    }
    return true;
  }

  void RunBinary(const std::string& binary, bool under_race) {
    ProcessResult run = Tool({"./" + binary}, check_.timeout_seconds);
    std::string mode = under_race ? " under -race" : "";
    if (run.timed_out) {
      Fail(check_.pos, "the program" + mode + " did not finish within " +
                           std::to_string(static_cast<int>(check_.timeout_seconds)) + " s");
      return;
    }
    if (under_race && run.err.find("WARNING: DATA RACE") != std::string::npos) {
      Fail(check_.pos, "the race detector reports a data race", run.err);
      return;
    }
    if (check_.expect == Expect::kExit2) {
      CheckExit2(run, mode);
      return;
    }
    if (run.exit_status != 0) {
      Fail(check_.pos, "the program" + mode + " failed (exit status " +
                           std::to_string(run.exit_status) + ")", run.err);
      return;
    }
    CompareOutput(run.out);
  }

  // A panic or a deadlock: exit status 2; the output block shows stdout and then
  // the first line of stderr, which is what a reader sees first.
  void CheckExit2(const ProcessResult& run, const std::string& mode) {
    if (run.exit_status != 2) {
      Fail(check_.pos, "the program" + mode + " must exit with status 2 (a panic or a "
                           "deadlock), but its exit status is " +
                           std::to_string(run.exit_status), run.err);
      return;
    }
    std::string first_error = run.err.substr(0, run.err.find('\n'));
    if (check_.deadlock && first_error != kDeadlock) {
      Fail(check_.pos, "the program must deadlock, but it stopped with: " + first_error);
      return;
    }
    CompareOutput(run.out + first_error);
  }

  void RunRace() {
    if (!Build({"-race"}, "prog-race")) return;
    ProcessResult run = Tool({"./prog-race"}, check_.timeout_seconds);
    if (run.err.find("WARNING: DATA RACE") == std::string::npos ||
        run.exit_status != kRaceExitStatus) {
      Fail(check_.pos, "the race detector must report a data race in this program, "
                       "but it found none");
    }
  }

  void CheckPackage() {
    if (!Gofmt() || !Vet()) return;
    std::vector<std::string> argv = {"go", "test", "-v", "-count=1"};
    argv.insert(argv.end(), check_.test_flags.begin(), check_.test_flags.end());
    argv.push_back(".");
    ProcessResult test = Tool(argv);
    if (test.exit_status != 0) {
      Fail(check_.pos, "go test fails", InBook(test.out + test.err));
      return;
    }
    if (check_.output && !check_.output_unstable) ExpectLines(test.out, "go test", true);
    bool race_flag = std::find(check_.test_flags.begin(), check_.test_flags.end(), "-race") !=
                     check_.test_flags.end();
    if (check_.needs_race_run && !race_flag) {
      ProcessResult race = Tool({"go", "test", "-race", "-count=1", "."});
      if (race.exit_status != 0) {
        Fail(check_.pos, "go test -race fails", InBook(race.out + race.err));
      }
    }
  }

  // A fragment parses as declarations, or as statements in a function body.
  void CheckParses() {
    const std::string& code = check_.files.front().code;
    struct Wrapping {
      std::string prefix;
      int prefix_lines;
      std::string suffix;
    };
    std::vector<Wrapping> wrappings;
    if (StartsWith(Trim(code), "package ")) {
      wrappings.push_back({"", 0, ""});
    } else {
      wrappings.push_back({"package fragment\n", 1, ""});
      wrappings.push_back({"package fragment\n\nfunc _() {\n", 3, "}\n"});
    }
    // Report the reading that got furthest: its first error is the real one.
    std::string best_error;
    int best_line = -1;
    for (const Wrapping& wrapping : wrappings) {
      std::ofstream(dir_ / "fragment.go", std::ios::binary)
          << wrapping.prefix << code << "\n" << wrapping.suffix;
      ProcessResult result = Tool({"gofmt", "-e", "fragment.go"});
      if (result.exit_status == 0) return;
      std::string errors = FragmentErrorsInBook(result.err, wrapping.prefix_lines);
      int line = 0;
      std::sscanf(result.err.c_str(), "fragment.go:%d", &line);
      if (line - wrapping.prefix_lines > best_line) {
        best_line = line - wrapping.prefix_lines;
        best_error = errors;
      }
    }
    Fail(check_.pos, "the fragment parses neither as declarations nor as statements",
         best_error);
  }

  // gofmt's "fragment.go:L:C: message" lines, placed in the book; the first few.
  std::string FragmentErrorsInBook(const std::string& errors, int prefix_lines) const {
    static const std::regex kPlace("^fragment\\.go:([0-9]+):([0-9]+): (.*)$");
    std::string out;
    int shown = 0;
    for (const std::string& line : Lines(errors)) {
      std::smatch match;
      if (!std::regex_match(line, match, kPlace) || ++shown > 3) continue;
      int in_code = std::stoi(match[1]) - prefix_lines;
      out += check_.pos.file + ":" + std::to_string(check_.pos.line + in_code) + ":" +
             match[2].str() + ": " + match[3].str() + "\n";
    }
    return out;
  }

  const Check& check_;
  fs::path dir_;
  const Prepared& prepared_;
  std::vector<Diagnostic> diagnostics_;
};

// Writes every check's files, then vets and builds the programs in batches.
Prepared PrepareInBatches(const doc::Book& book, const std::vector<Check>& checks,
                          const fs::path& dir) {
  Prepared prepared;
  std::vector<std::string> vet, build, race;
  for (const Check& check : checks) {
    std::string folder = CheckFolder(book, check);
    std::string failed = WriteSourceFiles(check, dir / folder);
    if (!failed.empty()) prepared.unwritten[folder] = failed;
    bool runs = check.expect == Expect::kSuccess || check.expect == Expect::kExit2;
    if (runs || check.expect == Expect::kRace || check.expect == Expect::kCompilerOutput ||
        check.expect == Expect::kTestsPass) {
      vet.push_back(folder);
    }
    if (runs) build.push_back(folder);
    if ((runs && check.needs_race_run) || check.expect == Expect::kRace) race.push_back(folder);
  }
  auto packages = [](const std::vector<std::string>& folders) {
    std::vector<std::string> paths;
    for (const std::string& folder : folders) paths.push_back("./" + folder);
    return paths;
  };
  if (!vet.empty()) {
    std::vector<std::string> argv = {"go", "vet"};
    for (std::string& path : packages(vet)) argv.push_back(std::move(path));
    if (RunGo(dir, argv, kToolTimeout * 4).exit_status == 0) prepared.vetted.insert(vet.begin(), vet.end());
  }
  // One build writes every binary into a folder, named after its package folder.
  auto batch_build = [&](const std::vector<std::string>& folders, const char* flag,
                         const char* binary, std::set<std::string>* done) {
    if (folders.empty()) return;
    fs::path bin = dir / (std::string(".bin-") + binary);
    std::error_code error;
    fs::remove_all(bin, error);
    std::vector<std::string> argv = {"go", "build", "-trimpath"};
    if (*flag != '\0') argv.push_back(flag);
    argv.insert(argv.end(), {"-o", bin.string() + "/"});
    for (std::string& path : packages(folders)) argv.push_back(std::move(path));
    if (RunGo(dir, argv, kToolTimeout * 4).exit_status != 0) return;
    for (const std::string& folder : folders) {
      fs::rename(bin / folder, dir / folder / binary, error);
      if (!error) done->insert(folder);
    }
  };
  batch_build(build, "", "prog", &prepared.built);
  batch_build(race, "-race", "prog-race", &prepared.race_built);
  return prepared;
}

bool WriteModule(const fs::path& dir, const std::string& go_version, DiagnosticSink* sink) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_directory() && entry.path().filename().string().rfind('l', 0) == 0) {
      fs::remove_all(entry.path(), error);  // stale checks of an earlier run
    }
  }
  fs::create_directories(dir, error);
  std::ofstream out(dir / "go.mod");
  out << "module example.com/book\n\ngo " << go_version << "\n";
  if (!out) {
    sink->Error("", 0, 0, "cannot write the test module in '" + dir.string() + "'");
    return false;
  }
  return true;
}

}  // namespace

bool CheckGoToolchain(const std::string& required, DiagnosticSink* sink) {
  ProcessResult result = RunProcess({"go", "env", "GOVERSION"}, {});
  std::string hint = "install Go " + required +
                     " or later (https://go.dev/dl/) and put its bin folder on PATH";
  if (!result.started || result.exit_status != 0) {
    sink->Error("", 0, 0, "'go' was not found; this book's programs need Go " + required,
                hint);
    return false;
  }
  std::string version(Trim(result.out));  // "go1.26.8"
  int have_major = 0, have_minor = 0, want_major = 0, want_minor = 0;
  std::sscanf(version.c_str(), "go%d.%d", &have_major, &have_minor);
  std::sscanf(required.c_str(), "%d.%d", &want_major, &want_minor);
  if (have_major < want_major || (have_major == want_major && have_minor < want_minor)) {
    sink->Error("", 0, 0, "'go' is " + version + "; this book's programs need Go " +
                              required + " or later", hint);
    return false;
  }
  return true;
}

RunSummary RunChecks(const doc::Book& book, const std::vector<Check>& checks,
                     const RunOptions& options, DiagnosticSink* sink) {
  RunSummary summary;
  fs::path dir(options.work_dir);
  std::error_code error;
  fs::create_directories(dir, error);
  // Two runs on one book share the module folder: the second waits its turn
  // rather than deleting the first one's programs under it.
  int lock = open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock >= 0) flock(lock, LOCK_EX);
  struct Unlock {
    int fd;
    ~Unlock() {
      if (fd >= 0) close(fd);  // closing releases the lock
    }
  } unlock{lock};
  if (!WriteModule(dir, options.go_version, sink)) return summary;
  Prepared prepared = PrepareInBatches(book, checks, dir);
  std::vector<std::vector<Diagnostic>> results(checks.size());
  ForEachIndexInParallel(checks.size(), options.jobs > 0 ? options.jobs : CoreCount(),
                         [&](size_t i, size_t) {
                           results[i] = CheckRun(checks[i], dir / CheckFolder(book, checks[i]),
                                                 prepared).Run();
                         });

  // Report in book order, whatever order the checks finished in.
  for (size_t i = 0; i < checks.size(); ++i) {
    switch (checks[i].expect) {
      case Expect::kParse: ++summary.fragments; break;
      case Expect::kTestsPass: ++summary.packages; break;
      default: ++summary.programs; break;
    }
    (results[i].empty() ? summary.passed : summary.failed) += 1;
    for (Diagnostic& diagnostic : results[i]) sink->Add(std::move(diagnostic));
  }
  return summary;
}

std::string LineDiff(const std::string& expected, const std::string& actual) {
  std::vector<std::string> a = Lines(expected);
  std::vector<std::string> b = Lines(actual);
  // Longest common subsequence; outputs are short, so O(n*m) is fine.
  std::vector<std::vector<int>> common(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1
                                  : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::string diff = "--- shown in the book\n+++ printed by the program\n";
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      diff += " " + a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
      diff += "-" + a[i++] + "\n";  // removals first, as diff -u shows them
    } else {
      diff += "+" + b[j++] + "\n";
    }
  }
  return diff;
}

}  // namespace gobook::gotest
