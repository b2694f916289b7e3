// `gobook epub`: the book as an EPUB 3.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/command_support.h"
#include "epub/epub_writer.h"

namespace gobook::app {

int RunEpub(const BookOptions& options, std::string output) {
  auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  std::optional<doc::Book> book = Load(options, &sink);
  if (!book) return 1;
  std::optional<AtomicOutput> target = OpenOutput(*book, options, output, ".epub", &sink);
  if (!target) return 1;
  std::optional<std::time_t> time = BuildTime(*book, &sink);
  std::optional<std::string> bytes;
  if (time) bytes = epub::BuildEpub(*book, {*time}, &sink);
  int status = FinishOutput(*target, bytes, book->lessons.size(), start, &sink);
  KeepUntilExit(std::move(*book));
  return status;
}

}  // namespace gobook::app
