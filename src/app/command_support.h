// What the commands share: the book options, loading with --track, the build
// time, and writing an output safely. Internal to app/.
#ifndef GOBOOK_APP_COMMAND_SUPPORT_H_
#define GOBOOK_APP_COMMAND_SUPPORT_H_

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "book/book.h"
#include "doc/model.h"
#include "pdf/layout/fonts.h"
#include "util/diagnostics.h"
#include "util/files.h"

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

// Moves `value` where it lives until the process exits, never destroyed:
// freeing a book's hundred thousand small strings and vectors one by one was a
// tenth of a warm `gobook epub`, and the kernel takes the whole heap back at
// exit in one go (compilers do the same: clang's -disable-free). It stays
// reachable, so valgrind and LeakSanitizer do not call it a leak.
template <typename T>
void KeepUntilExit(T&& value) {
  static auto* kept = new std::vector<const void*>();
  kept->push_back(new std::decay_t<T>(std::forward<T>(value)));
}

// out/<book-title-slug>[-<track>]<extension>, creating out/.
std::string DefaultOutput(const doc::Book& book, const BookOptions& options,
                          const char* extension);

// The output a command will write (`path`, or the default one), opened before
// the command does its work, so a target that must not be written (a folder, a
// FIFO, a device, a missing folder) is refused at once. Reports and flushes the
// error and returns nullopt then.
std::optional<AtomicOutput> OpenOutput(const doc::Book& book, const BookOptions& options,
                                       std::string path, const char* extension,
                                       DiagnosticSink* sink);

// Writes the bytes through the output's temporary file, renamed over the target,
// so a failure never leaves a half-written file or harms an earlier one; then
// prints the summary line. The command's exit status.
int FinishOutput(AtomicOutput& output, const std::optional<std::string>& bytes,
                 size_t lessons, std::chrono::steady_clock::time_point start,
                 DiagnosticSink* sink);

// Where each of the PDF's faces is, from the book's [fonts].
layout::FontPaths FontPathsOf(const doc::Book& book);

int RunEpub(const BookOptions& options, std::string output);
int RunPdf(const BookOptions& options, std::string output, const std::string& paper);

}  // namespace gobook::app

#endif  // GOBOOK_APP_COMMAND_SUPPORT_H_
