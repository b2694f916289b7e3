// What the commands share: the book options, loading with --track, the build
// time, and writing an output safely. Internal to app/.
#ifndef GOBOOK_APP_COMMAND_SUPPORT_H_
#define GOBOOK_APP_COMMAND_SUPPORT_H_

#include <chrono>
#include <ctime>
#include <optional>
#include <string>

#include "book/book.h"
#include "doc/model.h"
#include "pdf/layout/fonts.h"
#include "util/diagnostics.h"

namespace CLI {
class App;
}

namespace gobook::app {

struct BookOptions {
  std::string book_dir = "book";
  std::string track;
};

// --book and --track on a command.
void AddBookOptions(CLI::App* command, BookOptions* options);

// Loads the book and applies --track; prints diagnostics as they come.
std::optional<doc::Book> Load(const BookOptions& options, DiagnosticSink* sink,
                              book::Purpose purpose = book::Purpose::kWrite);

// SOURCE_DATE_EPOCH when set (reproducible builds), else the book's date at
// midnight UTC: never the wall clock, so the same input gives the same bytes.
std::optional<std::time_t> BuildTime(const doc::Book& book, DiagnosticSink* sink);

// "719.6 KiB"
std::string HumanSize(size_t bytes);

// Writes the bytes through a temporary file renamed over the target, so a
// failure never leaves a half-written file or harms an earlier one.
bool SaveOutput(const std::string& path, const std::string& bytes, DiagnosticSink* sink);

// out/<book-title-slug>[-<track>]<extension>, creating out/.
std::string DefaultOutput(const doc::Book& book, const BookOptions& options,
                          const char* extension);

// Saves an output and prints its summary line; the command's exit status.
int FinishOutput(const std::string& path, const std::optional<std::string>& bytes,
                 size_t lessons, std::chrono::steady_clock::time_point start,
                 DiagnosticSink* sink);

// Where each of the PDF's faces is, from the book's [fonts].
layout::FontPaths FontPathsOf(const doc::Book& book);

int RunEpub(const BookOptions& options, std::string output);
int RunPdf(const BookOptions& options, std::string output, const std::string& paper);

}  // namespace gobook::app

#endif  // GOBOOK_APP_COMMAND_SUPPORT_H_
