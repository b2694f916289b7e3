// Tests for the hyphenator: points from the real en-US dictionary, the minimums
// either side of a break, and the words it must leave alone.
#include "pdf/layout/hyphenator.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace gobook::layout {
namespace {

// Debian's en-US patterns (hyphen-en-us), the dictionary the book build uses.
constexpr char kDictionary[] = "/usr/share/hyphen/hyph_en_US.dic";

const Hyphenator& English() {
  static std::unique_ptr<Hyphenator> hyphenator = [] {
    std::string error;
    std::unique_ptr<Hyphenator> loaded = Hyphenator::Load(kDictionary, &error);
    INFO(error);
    REQUIRE(loaded != nullptr);
    return loaded;
  }();
  return *hyphenator;
}

// "hy-phen-ation": the word with a '-' at each point, easy to read in a failure.
std::string Hyphenate(const std::string& word) {
  std::string out;
  size_t last = 0;
  for (size_t point : English().Points(word)) {
    out += word.substr(last, point - last) + "-";
    last = point;
  }
  return out + word.substr(last);
}

TEST_CASE("Hyphenator finds the en-US pattern points", "[layout][hyphenator]") {
  CHECK(English().Points("hyphenation") == std::vector<size_t>{2, 6});
  CHECK(Hyphenate("hyphenation") == "hy-phen-ation");
  CHECK(Hyphenate("concurrency") == "con-cur-rency");
  CHECK(Hyphenate("programming") == "pro-gram-ming");
  CHECK(Hyphenate("implementation") == "im-ple-men-ta-tion");
  CHECK(Hyphenate("interface") == "in-ter-face");
  CHECK(Hyphenate("channels") == "chan-nels");
}

TEST_CASE("Hyphenator leaves short words whole", "[layout][hyphenator]") {
  CHECK(English().Points("Go").empty());
  CHECK(English().Points("go").empty());
  CHECK(English().Points("the").empty());
  CHECK(English().Points("").empty());
}

TEST_CASE("Hyphenator ignores case", "[layout][hyphenator]") {
  CHECK(Hyphenate("Hyphenation") == "Hy-phen-ation");
  CHECK(Hyphenate("HYPHENATION") == "HY-PHEN-ATION");
  CHECK(Hyphenate("ConCurrency") == "Con-Cur-rency");
}

TEST_CASE("Hyphenator keeps two letters before and three after a break",
          "[layout][hyphenator]") {
  for (const char* word : {"hyphenation", "concurrency", "goroutines", "abbreviation", "unsafely",
                           "readily", "electricity", "typesetting", "ambiguously", "nonblocking",
                           "asynchronously", "initialization", "deterministic", "buffered"}) {
    std::string text = word;
    for (size_t point : English().Points(text)) {
      INFO(text << " at " << point);
      CHECK(point >= static_cast<size_t>(kLeftHyphenMin));
      CHECK(text.size() - point >= static_cast<size_t>(kRightHyphenMin));
    }
  }
}

TEST_CASE("Hyphenator returns byte offsets in UTF-8 words", "[layout][hyphenator]") {
  // "réhabilitation": the é is two bytes, so "réha" ends at byte 5, not 4.
  CHECK(Hyphenate("r\xC3\xA9habilitation") == "r\xC3\xA9ha-bil-i-ta-tion");
}

TEST_CASE("Hyphenator only hyphenates words of letters", "[layout][hyphenator]") {
  CHECK(English().Points("x2y2z2hyphenation").empty());
  CHECK(English().Points("concurrency,").empty());  // the composer strips punctuation
  CHECK(English().Points("don't").empty());
  CHECK(English().Points("fmt.Println").empty());
  CHECK(English().Points("https://go.dev/doc").empty());
  CHECK(English().Points("snake_case_identifier").empty());
  CHECK(English().Points("utf8").empty());
}

TEST_CASE("Hyphenator breaks a hyphenated word only after its hyphen", "[layout][hyphenator]") {
  CHECK(Hyphenate("well-known") == "well--known");
  CHECK(Hyphenate("concurrency-safe") == "concurrency--safe");
  CHECK(Hyphenate("run-time-checked") == "run--time--checked");
  CHECK(English().Points("-prefix").empty());
  CHECK(English().Points("suffix-").empty());
  CHECK(English().Points("a--b").empty());
}

TEST_CASE("Hyphenator reports a missing dictionary", "[layout][hyphenator]") {
  std::string error;
  CHECK(Hyphenator::Load("/nonexistent/hyph_xx.dic", &error) == nullptr);
  CHECK(error == "cannot read hyphenation dictionary '/nonexistent/hyph_xx.dic'");
}

}  // namespace
}  // namespace gobook::layout
