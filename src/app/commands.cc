#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "app/app.h"
#include "app/command_support.h"
#include "pdf/layout/coverage.h"
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
  // What the PDF could not print; the EPUB leaves such characters to the reader's fonts.
  std::string error;
  std::unique_ptr<layout::TrueTypeMetrics> metrics =
      layout::TrueTypeMetrics::Load(FontPathsOf(*book), &error);
  if (metrics) {
    layout::CheckGlyphCoverage(*book, *metrics, Severity::kWarning, &sink);
  } else {
    sink.Error("", 0, 0, error);
  }
  sink.Flush(std::cerr);
  if (sink.HasErrors()) return 1;
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

  BookOptions pdf_options;
  std::string pdf_output;
  std::string paper = "a4";
  CLI::App* pdf = app.add_subcommand("pdf", "write the book as a print-quality PDF");
  AddBookOptions(pdf, &pdf_options);
  pdf->add_option("-o,--output", pdf_output, "the PDF file (default: out/<book>.pdf)");
  pdf->add_option("--paper", paper, "a4, letter, a5 or 6x9")->capture_default_str();

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
  if (pdf->parsed()) return RunPdf(pdf_options, pdf_output, paper);
  if (check->parsed()) return RunCheck(check_options);
  if (stats->parsed()) return RunStats(stats_options, json);
  if (test->parsed()) return RunTest(test_options, lesson_number, jobs);
  return 2;
}

}  // namespace gobook::app
