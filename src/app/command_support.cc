#include "app/command_support.h"

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "doc/passes.h"
#include "util/files.h"
#include "util/text.h"

namespace gobook::app {

void AddBookOptions(CLI::App* command, BookOptions* options) {
  command->add_option("--book", options->book_dir, "the book folder (book.toml, SUMMARY.md)")
      ->capture_default_str();
  command->add_option("--track", options->track,
                      "build one track alone, named by its slug or a unique prefix");
}

std::optional<doc::Book> Load(const BookOptions& options, DiagnosticSink* sink,
                              book::Purpose purpose) {
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

std::string DefaultOutput(const doc::Book& book, const BookOptions& options,
                          const char* extension) {
  std::string name = GitHubSlug(book.metadata.title);
  if (name.empty()) name = "book";
  if (!options.track.empty()) name += "-" + book.tracks.front().slug;
  mkdir("out", 0755);  // the default folder is ours to create; a given one is not
  return "out/" + name + extension;
}

std::optional<AtomicOutput> OpenOutput(const doc::Book& book, const BookOptions& options,
                                       std::string path, const char* extension,
                                       DiagnosticSink* sink) {
  if (path.empty()) path = DefaultOutput(book, options, extension);
  std::string error;
  std::optional<AtomicOutput> output = AtomicOutput::Open(path, &error);
  if (!output) {
    sink->Error("", 0, 0, error);
    sink->Flush(std::cerr);
  }
  return output;
}

int FinishOutput(AtomicOutput& output, const std::optional<std::string>& bytes,
                 size_t lessons, std::chrono::steady_clock::time_point start,
                 DiagnosticSink* sink) {
  std::string error;
  if (bytes && !(output.Write(*bytes, &error) && output.Commit(&error))) {
    sink->Error("", 0, 0, error);  // uncommitted, the output removes its temporary file
  }
  sink->Flush(std::cerr);
  if (!bytes || !error.empty()) return 1;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s: %zu lessons, %s, %.2f s\n", output.target().c_str(), lessons,
              HumanSize(bytes->size()).c_str(), seconds);
  return 0;
}

}  // namespace gobook::app
