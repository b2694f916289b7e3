// Unit tests for diagnostics: the compiler-style format, the sink, and spelling
// suggestions.
#include "util/diagnostics.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace gobook {
namespace {

TEST_CASE("FormatDiagnostic writes file:line:column and a hint line", "[util][diagnostics]") {
  CHECK(FormatDiagnostic({Severity::kError, "book/lessons/06-slices.md", 42, 7, "bad thing",
                          "fix it"}) ==
        "book/lessons/06-slices.md:42:7: error: bad thing\n"
        "hint: fix it\n");
  CHECK(FormatDiagnostic({Severity::kWarning, "a.md", 3, 1, "odd thing", ""}) ==
        "a.md:3:1: warning: odd thing\n");
}

TEST_CASE("FormatDiagnostic leaves out what the place does not have", "[util][diagnostics]") {
  CHECK(FormatDiagnostic({Severity::kError, "book.toml", 4, 0, "m", ""}) ==
        "book.toml:4: error: m\n");
  CHECK(FormatDiagnostic({Severity::kError, "book.toml", 0, 0, "m", ""}) ==
        "book.toml: error: m\n");
  CHECK(FormatDiagnostic({Severity::kError, "", 0, 0, "no book", "pass --book"}) ==
        "gobook: error: no book\n"
        "hint: pass --book\n");
}

TEST_CASE("DiagnosticSink counts and prints in report order, once", "[util][diagnostics]") {
  DiagnosticSink sink;
  CHECK_FALSE(sink.HasErrors());
  sink.Warning("a.md", 1, 2, "first");
  CHECK_FALSE(sink.HasErrors());
  sink.Error("b.md", 3, 4, "second", "hint two");
  CHECK(sink.HasErrors());
  CHECK(sink.error_count() == 1);
  CHECK(sink.warning_count() == 1);
  REQUIRE(sink.diagnostics().size() == 2);

  std::ostringstream first;
  sink.Flush(first);
  CHECK(first.str() ==
        "a.md:1:2: warning: first\n"
        "b.md:3:4: error: second\n"
        "hint: hint two\n");

  sink.Error("", 0, 0, "third");
  std::ostringstream second;
  sink.Flush(second);
  CHECK(second.str() == "gobook: error: third\n");
  CHECK(sink.error_count() == 2);
}

TEST_CASE("SuggestSpelling finds close words only", "[util][diagnostics]") {
  const std::vector<std::string> keys = {"title", "subtitle", "authors", "language",
                                         "identifier", "date"};
  CHECK(SuggestSpelling("titel", keys) == "title");
  CHECK(SuggestSpelling("author", keys) == "authors");
  CHECK(SuggestSpelling("langauge", keys) == "language");
  CHECK(SuggestSpelling("title", keys) == "title");
  CHECK(SuggestSpelling("completely-unrelated", keys) == "");
  CHECK(SuggestSpelling("xyzzy", {}) == "");
  // Four edits is too far (ninja's limit is three).
  CHECK(SuggestSpelling("abcdefgh", {"abcdwxyz"}) == "");
  CHECK(SuggestSpelling("abcdefgh", {"abcdexyz"}) == "abcdexyz");
}

}  // namespace
}  // namespace gobook
