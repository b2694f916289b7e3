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
#include "util/files.h"
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
std::optional<doc::Book> Load(const BookOptions& options, DiagnosticSink* sink) {
  std::optional<doc::Book> book = book::LoadBook(options.book_dir, sink);
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
  std::optional<doc::Book> book = Load(options, &sink);
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
  return 2;
}

}  // namespace gobook::app
