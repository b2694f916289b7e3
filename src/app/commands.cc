#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "app/app.h"
#include "book/book.h"
#include "doc/passes.h"
#include "epub/epub_writer.h"
#include "gotest/checks.h"
#include "gotest/runner.h"
#include "util/files.h"
#include "util/process.h"
#include "util/text.h"

namespace gobook::app {
namespace {

struct BookOptions {
  std::string book_dir = "book";
  std::string track;
};

void AddBookOptions(CLI::App* command, BookOptions* options) {
  command->add_option("--book", options->book_dir, "the book folder (book.toml, SUMMARY.md)")
      ->capture_default_str();
  command->add_option("--track", options->track,
                      "build one track alone, named by its slug or a unique prefix");
}

// Loads the book and applies --track; prints diagnostics as they come.
std::optional<doc::Book> Load(const BookOptions& options, DiagnosticSink* sink,
                              book::Purpose purpose = book::Purpose::kWrite) {
  std::optional<doc::Book> book = book::LoadBook(options.book_dir, sink, purpose);
  if (book && !options.track.empty()) {
    int track = book::FindTrack(*book, options.track, sink);
    if (track < 0) {
      sink->Flush(std::cerr);
      return std::nullopt;
    }
    doc::SelectTrack(&*book, track, sink);
    doc::ComputeReadTimes(&*book);
  }
  sink->Flush(std::cerr);
  return book;
}

// SOURCE_DATE_EPOCH when set (reproducible builds), else the book's date at
// midnight UTC: never the wall clock, so the same input gives the same bytes.
std::optional<std::time_t> BuildTime(const doc::Book& book, DiagnosticSink* sink) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0) {
      sink->Error("", 0, 0, "SOURCE_DATE_EPOCH must be a number of seconds, not '" +
                                std::string(epoch) + "'");
      return std::nullopt;
    }
    return static_cast<std::time_t>(seconds);
  }
  std::tm date{};
  if (std::sscanf(book.metadata.date.c_str(), "%d-%d-%d", &date.tm_year, &date.tm_mon,
                  &date.tm_mday) != 3) {
    return std::time_t{0};
  }
  date.tm_year -= 1900;
  date.tm_mon -= 1;
  return timegm(&date);
}

std::string HumanSize(size_t bytes) {
  char text[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.2f MiB", static_cast<double>(bytes) / (1024 * 1024));
  } else {
    std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024);
  }
  return text;
}

// Writes the bytes through a temporary file renamed over the target, so a
// failure never leaves a half-written file or harms an earlier one.
bool SaveOutput(const std::string& path, const std::string& bytes, DiagnosticSink* sink) {
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(path, &error);
  if (!output) {
    sink->Error("", 0, 0, error);
    return false;
  }
  FILE* file = std::fopen(output->temp_path().c_str(), "wb");
  bool ok = file != nullptr && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  ok = file != nullptr && std::fclose(file) == 0 && ok;
  if (!ok) {
    sink->Error("", 0, 0, "cannot write '" + path + "': the disk may be full");
    return false;
  }
  if (!output->Commit(&error)) {
    sink->Error("", 0, 0, error);
    return false;
  }
  return true;
}

std::string DefaultOutput(const doc::Book& book, const BookOptions& options,
                          const char* extension) {
  std::string name = GitHubSlug(book.metadata.title);
  if (name.empty()) name = "book";
  if (!options.track.empty()) name += "-" + book.tracks.front().slug;
  mkdir("out", 0755);  // the default folder is ours to create; a given one is not
  return "out/" + name + extension;
}

int RunEpub(const BookOptions& options, std::string output) {
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  std::optional<doc::Book> book = Load(options, &sink);
  if (!book) return 1;
  std::optional<std::time_t> time = BuildTime(*book, &sink);
  std::optional<std::string> bytes;
  if (time) bytes = epub::BuildEpub(*book, {*time}, &sink);
  if (output.empty()) output = DefaultOutput(*book, options, ".epub");
  if (!bytes || !SaveOutput(output, *bytes, &sink)) {
    sink.Flush(std::cerr);
    return 1;
  }
  sink.Flush(std::cerr);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s: %zu lessons, %s, %.2f s\n", output.c_str(), book->lessons.size(),
              HumanSize(bytes->size()).c_str(), seconds);
  return 0;
}

// A stable folder for the test module, so the Go build cache stays warm.
std::string TestWorkDir(const doc::Book& book) {
  std::string base;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache != nullptr && *cache) {
    base = cache;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home) {
    base = JoinPath(home, ".cache");
  } else {
    base = "/tmp";
  }
  std::string id = book.metadata.identifier;
  if (StartsWith(id, "urn:uuid:")) id = id.substr(9);
  return JoinPath(base, "gobook/test/" + (id.empty() ? std::string("book") : id));
}

// The Go the book asks for, else the installed one's major.minor.
std::string GoVersionForModule(const doc::Book& book) {
  if (!book.go_version.empty()) return book.go_version;
  ProcessResult result = RunProcess({"go", "env", "GOVERSION"}, {});
  int major = 1, minor = 22;
  std::sscanf(result.out.c_str(), "go%d.%d", &major, &minor);
  return std::to_string(major) + "." + std::to_string(minor);
}

int RunTest(const BookOptions& options, int lesson_number, int jobs) {
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  std::optional<doc::Book> book = Load(options, &sink, book::Purpose::kRead);
  if (!book) return 1;
  if (!gotest::CheckGoToolchain(book->go_version.empty() ? "1.21" : book->go_version, &sink)) {
    sink.Flush(std::cerr);
    return 1;
  }
  std::vector<gotest::Check> checks = gotest::CollectChecks(*book, &sink);
  if (lesson_number > 0) {
    std::erase_if(checks, [&](const gotest::Check& check) {
      return book->lessons[static_cast<size_t>(check.lesson)].number != lesson_number;
    });
    if (checks.empty()) sink.Warning("", 0, 0, "lesson " + std::to_string(lesson_number) +
                                                   " has no Go code to check");
  }
  gotest::RunOptions run_options;
  run_options.jobs = jobs;
  run_options.work_dir = TestWorkDir(*book);
  run_options.go_version = GoVersionForModule(*book);
  // Malformed blocks are already reported; the others still run, so one run
  // shows every problem.
  gotest::RunSummary summary = gotest::RunChecks(*book, checks, run_options, &sink);
  sink.Flush(std::cerr);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("gobook test: %d programs, %d packages, %d fragments checked in %.1f s\n",
              summary.programs, summary.packages, summary.fragments, seconds);
  std::printf("checks: %d passed, %d failed\n", summary.passed, summary.failed);
  return sink.HasErrors() ? 1 : 0;
}

int RunCheck(const BookOptions& options) {
  DiagnosticSink sink;
  std::optional<doc::Book> book = Load(options, &sink);
  if (!book) return 1;
  std::printf("%s: %zu lessons, %d errors, %d warnings\n", options.book_dir.c_str(),
              book->lessons.size(), sink.error_count(), sink.warning_count());
  return 0;
}

int RunStats(const BookOptions& options, bool json) {
  DiagnosticSink sink;
  std::optional<doc::Book> book = Load(options, &sink, book::Purpose::kRead);
  if (!book) return 1;
  std::fputs((json ? StatsJson(*book) : StatsText(*book)).c_str(), stdout);
  return 0;
}

}  // namespace

int RunGobook(int argc, char** argv) {
  CLI::App app{"gobook: turns a Markdown course into an EPUB that e-readers and checkers accept", "gobook"};
  app.set_version_flag("--version", std::string("gobook ") + GOBOOK_VERSION);
  app.require_subcommand(1);

  BookOptions epub_options;
  std::string epub_output;
  CLI::App* epub = app.add_subcommand("epub", "write the book as an EPUB 3");
  AddBookOptions(epub, &epub_options);
  epub->add_option("-o,--output", epub_output, "the EPUB file (default: out/<book>.epub)");

  BookOptions check_options;
  CLI::App* check = app.add_subcommand("check", "report every error and warning; write nothing");
  AddBookOptions(check, &check_options);

  BookOptions test_options;
  int lesson_number = 0;
  int jobs = 0;
  CLI::App* test = app.add_subcommand(
      "test", "compile, vet and run every Go program of the book; compare outputs");
  test->add_option("--book", test_options.book_dir, "the book folder (book.toml, SUMMARY.md)")
      ->capture_default_str();
  test->add_option("--lesson", lesson_number, "check only the lesson with this number");
  test->add_option("-j,--jobs", jobs, "checks run at once (default: one per core)");

  BookOptions stats_options;
  bool json = false;
  CLI::App* stats = app.add_subcommand("stats", "words, code lines and read time per lesson");
  AddBookOptions(stats, &stats_options);
  stats->add_flag("--json", json, "print JSON for scripts");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& request) {
    return app.exit(request);
  } catch (const CLI::CallForVersion& request) {
    return app.exit(request);
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    std::cerr << "gobook: error: " << message << "\nhint: run 'gobook --help'\n";
    return 2;
  }
  if (epub->parsed()) return RunEpub(epub_options, epub_output);
  if (check->parsed()) return RunCheck(check_options);
  if (stats->parsed()) return RunStats(stats_options, json);
  if (test->parsed()) return RunTest(test_options, lesson_number, jobs);
  return 2;
}

}  // namespace gobook::app
