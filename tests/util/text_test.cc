// Unit tests for the shared text helpers: UTF-8 checks, positions, GitHub anchors,
// tab expansion and word counts.
#include "util/text.h"

#include <catch2/catch.hpp>

#include <string>

namespace gobook {
namespace {

using namespace std::string_literals;

TEST_CASE("FindInvalidUtf8 accepts valid text", "[util][text]") {
  CHECK(FindInvalidUtf8("") == std::string_view::npos);
  CHECK(FindInvalidUtf8("plain ASCII\n") == std::string_view::npos);
  CHECK(FindInvalidUtf8("h\xC3\xA9llo \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x9A\x80") ==
        std::string_view::npos);  // héllo 世界 🚀
}

TEST_CASE("FindInvalidUtf8 returns the offset of the first bad byte", "[util][text]") {
  // A three-byte sequence cut short at the end of the text.
  CHECK(FindInvalidUtf8("ab\xE4\xB8") == 2);
  // Cut short in the middle of the text.
  CHECK(FindInvalidUtf8("a\xE4\xB8z") == 1);
  // Overlong encoding of '/'.
  CHECK(FindInvalidUtf8("x\xC0\xAF") == 1);
  CHECK(FindInvalidUtf8("\xE0\x80\xAF") == 0);
  // A continuation byte with no lead byte.
  CHECK(FindInvalidUtf8("ok\x80no") == 2);
  // An encoded UTF-16 surrogate is not valid UTF-8.
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);
  // Beyond U+10FFFF.
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);
  // The first of two problems is reported.
  CHECK(FindInvalidUtf8("\xE4\xB8\x96 \xFF \x80") == 4);
  // A NUL byte is valid UTF-8.
  CHECK(FindInvalidUtf8("a\0b"s) == std::string_view::npos);
}

TEST_CASE("LineColumnAt counts lines and byte columns from 1", "[util][text]") {
  const std::string text = "ab\ncd\n\xE4\xB8\x96x";
  auto at = [&](size_t offset) {
    LineColumn position = LineColumnAt(text, offset);
    return std::to_string(position.line) + ":" + std::to_string(position.column);
  };
  CHECK(at(0) == "1:1");
  CHECK(at(1) == "1:2");
  CHECK(at(2) == "1:3");  // the newline itself
  CHECK(at(3) == "2:1");
  CHECK(at(4) == "2:2");
  CHECK(at(6) == "3:1");
  CHECK(at(9) == "3:4");  // columns count bytes: 世 is three
  CHECK(at(1000) == "3:5");  // past the end: the end of the text
}

TEST_CASE("GitHubSlug follows GitHub's heading anchor rule", "[util][text]") {
  CHECK(GitHubSlug("The append trap") == "the-append-trap");
  CHECK(GitHubSlug("What's Next?") == "whats-next");
  CHECK(GitHubSlug("Step 1: Set Up") == "step-1-set-up");
  CHECK(GitHubSlug("errors.Is and errors.As") == "errorsis-and-errorsas");
  CHECK(GitHubSlug("context.Context, cancellation") == "contextcontext-cancellation");
  CHECK(GitHubSlug("Hello, \xE4\xB8\x96\xE7\x95\x8C") == "hello-\xE4\xB8\x96\xE7\x95\x8C");
}

TEST_CASE("GitHubSlug drops emoji and punctuation but keeps '_' and '-'", "[util][text]") {
  CHECK(GitHubSlug("Launch \xF0\x9F\x9A\x80") == "launch-");
  CHECK(GitHubSlug("\xF0\x9F\x9A\x80 Launch") == "-launch");
  CHECK(GitHubSlug("Go \xF0\x9F\x9A\x80 fast") == "go--fast");
  CHECK(GitHubSlug("snake_case and kebab-case") == "snake_case-and-kebab-case");
  CHECK(GitHubSlug("a -- b") == "a----b");
  CHECK(GitHubSlug("(*T).Method()") == "tmethod");
  CHECK(GitHubSlug("`go vet` & friends!") == "go-vet--friends");
}

TEST_CASE("GitHubSlug lowers upper case, ASCII and not", "[util][text]") {
  CHECK(GitHubSlug("HTTP Servers") == "http-servers");
  CHECK(GitHubSlug("\xC3\x9C" "ber") == "\xC3\xBC" "ber");  // Über -> über
  CHECK(GitHubSlug("") == "");
}

TEST_CASE("ExpandTabs moves to the next multiple of the width", "[util][text]") {
  CHECK(ExpandTabs("\tx") == "    x");
  CHECK(ExpandTabs("ab\tc") == "ab  c");  // a tab after two columns is two spaces
  CHECK(ExpandTabs("abcd\te") == "abcd    e");
  CHECK(ExpandTabs("abc\t\tz") == "abc     z");
  CHECK(ExpandTabs("a\n\tb") == "a\n    b");  // columns restart on each line
  CHECK(ExpandTabs("ab\tc", 8) == "ab      c");
  CHECK(ExpandTabs("no tabs") == "no tabs");
}

TEST_CASE("ExpandTabs counts code points, not bytes", "[util][text]") {
  // 世 is one column (three bytes), so the tab fills three columns.
  CHECK(ExpandTabs("\xE4\xB8\x96\tx") == "\xE4\xB8\x96   x");
  CHECK(ExpandTabs("\xC3\xA9\xC3\xA9\tx") == "\xC3\xA9\xC3\xA9  x");
}

TEST_CASE("FormatUtc writes a time in UTC, whatever the time zone", "[util][text]") {
  const std::time_t kTime = 1700000000;  // 2023-11-14 22:13:20 UTC
  CHECK(FormatUtc(kTime, "%Y-%m-%dT%H:%M:%SZ") == "2023-11-14T22:13:20Z");
  CHECK(FormatUtc(kTime, "D:%Y%m%d%H%M%S+00'00'") == "D:20231114221320+00'00'");
  CHECK(FormatUtc(0, "%Y") == "1970");
}

TEST_CASE("DisplayColumns counts code points and tab stops", "[util][text]") {
  CHECK(DisplayColumns("") == 0);
  CHECK(DisplayColumns("abc") == 3);
  CHECK(DisplayColumns("\xE4\xB8\x96\xE7\x95\x8C") == 2);
  CHECK(DisplayColumns("\t") == 4);
  CHECK(DisplayColumns("a\tb") == 5);
  CHECK(DisplayColumns("abcd\t") == 8);
}

TEST_CASE("Trim, StartsWith and EndsWith", "[util][text]") {
  CHECK(Trim("  a b \t\r\n") == "a b");
  CHECK(Trim(" \n ").empty());
  CHECK(StartsWith("gobook", "go"));
  CHECK_FALSE(StartsWith("go", "gobook"));
  CHECK(EndsWith("lesson.md", ".md"));
  CHECK_FALSE(EndsWith("md", ".md"));
}

TEST_CASE("CountWords splits on runs of ASCII whitespace", "[util][text]") {
  CHECK(CountWords("") == 0);
  CHECK(CountWords("   \n\t ") == 0);
  CHECK(CountWords("one") == 1);
  CHECK(CountWords("  one  two\tthree\nfour\r\nfive ") == 5);
  CHECK(CountWords("fmt.Println(x) is one word") == 4);
}

}  // namespace
}  // namespace gobook
