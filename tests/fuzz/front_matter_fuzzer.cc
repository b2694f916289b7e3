// Fuzzes the two TOML readers with the same bytes: as the top of a lesson file
// (front matter between '+++' lines) and as a whole book.toml. Both only report
// diagnostics; nothing here may crash, hang or leak.
#include <string>
#include <string_view>

#include "book/book.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  gobook::DiagnosticSink sink;
  gobook::book::FrontMatter front;
  std::string body = gobook::book::ReadFrontMatter(text, "lesson.md", &front, &sink);
  // The body keeps every line of the file, so positions still match it.
  if (body.size() != text.size()) __builtin_trap();

  gobook::doc::Book book;
  gobook::book::ReadMetadata(text, "book.toml", &book, &sink);
  return 0;
}
