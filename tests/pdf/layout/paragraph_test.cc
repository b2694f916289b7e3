// Tests for the paragraph composer with FixedMetrics: every glyph is half an em,
// so at 10 pt a character is 5 pt and a 200 pt measure holds 40 characters. The
// lines are compared word for word, and every test checks that nothing sticks
// out past the measure.
#include "pdf/layout/paragraph.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace gobook::layout {
namespace {

constexpr char kFrogKing[] =
    "In olden times when wishing still helped one, there lived a king whose daughters were "
    "all beautiful, but the youngest was so beautiful that the sun itself, which has seen so "
    "much, was astonished whenever it shone in her face.";

const Hyphenator* English() {
  static std::unique_ptr<Hyphenator> hyphenator = [] {
    std::string error;
    std::unique_ptr<Hyphenator> loaded =
        Hyphenator::Load("/usr/share/hyphen/hyph_en_US.dic", &error);
    INFO(error);
    REQUIRE(loaded != nullptr);
    return loaded;
  }();
  return hyphenator.get();
}

InlineSpan Span(std::string text) {
  InlineSpan span;
  span.text = std::move(text);
  return span;
}

const FixedMetrics& Fixed() {
  static const FixedMetrics metrics;
  return metrics;
}

double RunRight(const GlyphRun& run, const FontMetrics& metrics = Fixed()) {
  return run.x + TextWidth(metrics, run.face, run.text, run.size);
}

// A line as text: runs joined, with a space where there is a gap between them.
std::string Text(const PlacedLine& line, const FontMetrics& metrics = Fixed()) {
  std::string text;
  double right = 0;
  for (const GlyphRun& run : line.runs) {
    if (!text.empty() && run.x > right + 0.01) text += ' ';
    text += run.text;
    right = RunRight(run, metrics);
  }
  return text;
}

std::vector<std::string> Texts(const std::vector<PlacedLine>& lines) {
  std::vector<std::string> texts;
  for (const PlacedLine& line : lines) texts.push_back(Text(line));
  return texts;
}

// The right edge of the line's last glyph.
double RightEdge(const PlacedLine& line, const FontMetrics& metrics = Fixed()) {
  return line.runs.empty() ? 0 : RunRight(line.runs.back(), metrics);
}

ParagraphStyle Style(double width, bool justify = true) {
  ParagraphStyle style;
  style.width = width;
  style.justify = justify;
  return style;
}

std::vector<PlacedLine> Layout(const std::string& text, const ParagraphStyle& style,
                               const Hyphenator* hyphenator = nullptr) {
  return LayoutParagraph({Span(text)}, style, Fixed(), hyphenator);
}

// Every glyph inside [0, width], and the line's width too.
void CheckWithinMeasure(const std::vector<PlacedLine>& lines, double width,
                        const FontMetrics& metrics = Fixed()) {
  for (const PlacedLine& line : lines) {
    INFO("line \"" << Text(line, metrics) << "\" in " << width);
    CHECK(line.width <= width + 1e-9);
    for (const GlyphRun& run : line.runs) {
      CHECK(run.x >= -1e-9);
      CHECK(RunRight(run, metrics) <= width + 1e-6);
    }
  }
}

TEST_CASE("Paragraph sets the Frog King to the exact lines, justified", "[layout][paragraph]") {
  std::vector<PlacedLine> lines = Layout(kFrogKing, Style(190));  // 38 characters
  CHECK(Texts(lines) == std::vector<std::string>{
                            "In olden times when wishing still helped",
                            "one, there lived a king whose daughters",
                            "were all beautiful, but the youngest",
                            "was so beautiful that the sun itself,",
                            "which has seen so much, was astonished",
                            "whenever it shone in her face.",
                        });
  // Justified lines end exactly at the measure; the last is set at its width.
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    CHECK(RightEdge(lines[i]) == Approx(190).margin(0.01));
    CHECK(lines[i].width == Approx(190).margin(0.01));
  }
  CHECK(RightEdge(lines.back()) == Approx(150));  // 30 characters
  CHECK(lines.back().width == Approx(150));
  CheckWithinMeasure(lines, 190);
}

TEST_CASE("Paragraph places each word as its own run", "[layout][paragraph]") {
  std::vector<PlacedLine> lines = Layout(kFrogKing, Style(190));
  REQUIRE(lines.size() == 6);
  // "were all beautiful, but the youngest": 31 characters and 5 spaces of 5 pt
  // make 180 pt; the 10 pt left over goes to the spaces, 2 pt each.
  const PlacedLine& line = lines[2];
  REQUIRE(line.runs.size() == 6);
  std::vector<double> xs;
  for (const GlyphRun& run : line.runs) xs.push_back(run.x);
  CHECK(xs[0] == Approx(0));
  CHECK(xs[1] == Approx(20 + 7));
  CHECK(xs[2] == Approx(20 + 7 + 15 + 7));
  CHECK(xs[5] == Approx(190 - 40));
  for (const GlyphRun& run : line.runs) {
    CHECK(run.text.find(' ') == std::string::npos);  // spaces are never drawn
    CHECK(run.baseline == 0);
    CHECK(run.face == Face::kRegular);
    CHECK(run.size == 10);
  }
  CHECK(line.ascent == Approx(8));  // FixedMetrics: 800/1000 em
  CHECK(line.descent == Approx(2));
}

TEST_CASE("Paragraph hyphenates and draws the hyphen at the line's end",
          "[layout][paragraph]") {
  std::string text = kFrogKing;
  // 39 characters: "has seen so much, was astonished whenever" is 41 and cannot
  // shrink enough; without "when-" its line would stretch to ratio 2.8.
  std::vector<PlacedLine> lines = Layout(text, Style(195), English());
  CHECK(Texts(lines) == std::vector<std::string>{
                            "In olden times when wishing still helped",
                            "one, there lived a king whose daughters",
                            "were all beautiful, but the youngest was",
                            "so beautiful that the sun itself, which",
                            "has seen so much, was astonished when-",
                            "ever it shone in her face.",
                        });
  REQUIRE(lines.size() == 6);
  CHECK(lines[4].ends_with_hyphen);
  CHECK(lines[4].runs.back().text == "when-");  // the hyphen joins its word's run
  CHECK(RightEdge(lines[4]) == Approx(195).margin(0.01));
  for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i].ends_with_hyphen == (i == 4));
  CheckWithinMeasure(lines, 195);

  // Without a hyphenator the same paragraph has no hyphen.
  for (const PlacedLine& line : Layout(text, Style(195))) CHECK_FALSE(line.ends_with_hyphen);
}

TEST_CASE("Paragraph hyphenates a word between punctuation", "[layout][paragraph]") {
  // 12 characters: "(concurrency)," does not fit; "(con-" and "cur-" do.
  std::vector<PlacedLine> lines = Layout("a b (concurrency), c d", Style(60, false), English());
  std::string joined;
  for (const PlacedLine& line : lines) joined += Text(line) + "|";
  CHECK(joined.find("-|") != std::string::npos);
  CheckWithinMeasure(lines, 60);
}

TEST_CASE("Paragraph breaks an overfull URL and no line exceeds the measure",
          "[layout][paragraph]") {
  std::string url = "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/";
  while (url.size() < 190) url += "veryLongPathSegment/";
  url += "index.html?q=1&x=y";
  url.resize(200);
  REQUIRE(url.size() == 200);
  std::vector<PlacedLine> lines = Layout("See " + url + " for more.", Style(200));  // 40 chars
  CheckWithinMeasure(lines, 200);
  CHECK(lines.size() >= 6);
  // The pieces put back together are the URL: no hyphen was drawn.
  std::string joined;
  for (const PlacedLine& line : lines) {
    CHECK_FALSE(line.ends_with_hyphen);
    for (const GlyphRun& run : line.runs) joined += run.text;
  }
  CHECK(joined == "See" + url + "formore.");
  // The URL is cut after '/' or before a camelCase hump where it can be.
  CHECK(Text(lines[0]) == "See https://pkg.go.dev/golang.org/x/");
  for (size_t i = 1; i + 2 < lines.size(); ++i) {
    std::string text = Text(lines[i]);
    INFO(text << " | " << Text(lines[i + 1]));
    bool after_punctuation = std::string("/._-?&=").find(text.back()) != std::string::npos;
    bool before_hump = std::isupper(static_cast<unsigned char>(Text(lines[i + 1])[0]));
    CHECK((after_punctuation || before_hump));
  }
}

TEST_CASE("Paragraph cuts a long identifier before a camelCase hump", "[layout][paragraph]") {
  std::vector<PlacedLine> lines =
      Layout("call newConcurrentHashMapWithDefaultLoadFactor now", Style(100, false));
  CHECK(Texts(lines) ==
        std::vector<std::string>{"call newConcurrent", "HashMapWithDefault", "LoadFactor now"});
  CheckWithinMeasure(lines, 100);
}

TEST_CASE("Paragraph never exceeds the measure, over many widths", "[layout][paragraph]") {
  std::mt19937 random(20240229);  // fixed seed: deterministic
  const std::vector<std::string> words = {
      "concurrency", "goroutines", "hyphenation", "the", "a", "of", "channel,", "(select)",
      "well-known", "https://go.dev/ref/spec#Send_statements?a=1&b=2",
      "aVeryLongCamelCaseIdentifierThatKeepsGoingAndGoingForever",
      "snake_case_names_are_common_in_c_but_not_in_go_programs",
      "x\xC2\xA0y", "Go\xC2\xA0" "1.22", "\xE2\x9C\x93", "naïveté", "1234567890123456789012345"};
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<InlineSpan> spans;
    int span_count = 1 + static_cast<int>(random() % 6);
    for (int s = 0; s < span_count; ++s) {
      InlineSpan span;
      int word_count = 1 + static_cast<int>(random() % 12);
      for (int w = 0; w < word_count; ++w) {
        span.text += words[random() % words.size()];
        span.text += random() % 10 == 0 ? "\n" : " ";
      }
      span.face = random() % 2 == 0 ? Face::kRegular : Face::kBold;
      span.code = random() % 4 == 0;
      if (span.code) span.face = Face::kMono;
      span.size = random() % 3 == 0 ? 9 : 10;
      if (random() % 5 == 0) span.link_uri = "https://go.dev/";
      spans.push_back(span);
    }
    ParagraphStyle style;
    style.width = 20 + static_cast<double>(random() % 3800) / 10;  // 20 to 400 pt
    style.justify = random() % 3 != 0;
    style.first_line_indent = random() % 4 == 0 ? 15 : 0;
    INFO("trial " << trial << ", width " << style.width);
    std::vector<PlacedLine> lines = LayoutParagraph(spans, style, Fixed(), English());
    CheckWithinMeasure(lines, style.width);
    // Nothing is lost or added but hyphens at line ends.
    std::string expected, got;
    for (const InlineSpan& span : spans) {
      for (char c : span.text) {
        if (c != ' ' && c != '\n') expected += c;
      }
    }
    size_t nbsp = 0;
    while ((nbsp = expected.find("\xC2\xA0")) != std::string::npos) expected.erase(nbsp, 2);
    for (const PlacedLine& line : lines) {
      std::string text;
      for (const GlyphRun& run : line.runs) text += run.text;
      if (line.ends_with_hyphen) text.pop_back();
      got += text;
      for (const LinkArea& link : line.links) {
        CHECK(link.x >= -1e-9);
        CHECK(link.x + link.width <= style.width + 1e-6);
      }
    }
    CHECK(got == expected);
  }
}

TEST_CASE("Paragraph turns ragged when justifying would leave rivers", "[layout][paragraph]") {
  // 15 characters: "aa bb cc dd" must be stretched by 20 pt over three spaces
  // (ratio 2.67), more than max_stretch_ratio 2 allows.
  std::string text = "aa bb cc dd eeeeeeeeeeeeeee";
  std::vector<PlacedLine> ragged = Layout(text, Style(75));
  CHECK(Texts(ragged) == std::vector<std::string>{"aa bb cc dd", "eeeeeeeeeeeeeee"});
  REQUIRE(ragged.size() == 2);
  CHECK(RightEdge(ragged[0]) == Approx(55));  // natural spacing
  CHECK(ragged[0].width == Approx(55));
  CHECK(ragged[0].runs[1].x == Approx(15));

  // Allowing a looser line keeps it justified.
  ParagraphStyle loose = Style(75);
  loose.max_stretch_ratio = 3;
  std::vector<PlacedLine> justified = Layout(text, loose);
  REQUIRE(justified.size() == 2);
  CHECK(RightEdge(justified[0]) == Approx(75).margin(0.01));
}

TEST_CASE("Paragraph sets ragged-right text evenly", "[layout][paragraph]") {
  std::vector<PlacedLine> lines = Layout(kFrogKing, Style(190, false));
  CHECK(Texts(lines) == std::vector<std::string>{
                            "In olden times when wishing still",
                            "helped one, there lived a king whose",
                            "daughters were all beautiful, but the",
                            "youngest was so beautiful that the sun",
                            "itself, which has seen so much, was",
                            "astonished whenever it shone in her",
                            "face.",
                        });
  for (const PlacedLine& line : lines) {
    CHECK(line.width == Approx(RightEdge(line)));
    // Natural spaces: every gap between runs is one 5 pt space.
    for (size_t i = 1; i < line.runs.size(); ++i) {
      CHECK(line.runs[i].x - RunRight(line.runs[i - 1]) == Approx(5));
    }
  }
  CheckWithinMeasure(lines, 190);
}

TEST_CASE("Paragraph honours a forced line break", "[layout][paragraph]") {
  std::vector<PlacedLine> lines = Layout("one two\nthree four five six seven eight", Style(100));
  CHECK(Texts(lines) ==
        std::vector<std::string>{"one two", "three four five six", "seven eight"});
  REQUIRE(lines.size() == 3);
  CHECK(RightEdge(lines[0]) == Approx(35));  // not justified before the '\n'
  CHECK(RightEdge(lines[1]) == Approx(100).margin(0.01));
  CHECK(RightEdge(lines[2]) == Approx(55));

  // Two in a row leave an empty line, as tall as the text.
  std::vector<PlacedLine> blank = Layout("one\n\ntwo", Style(100));
  CHECK(Texts(blank) == std::vector<std::string>{"one", "", "two"});
  REQUIRE(blank.size() == 3);
  CHECK(blank[1].ascent == Approx(8));

  // A '\n' at the very end adds no empty line; spaces around one are dropped.
  CHECK(Texts(Layout("one  \n two\n", Style(100))) == std::vector<std::string>{"one", "two"});
}

TEST_CASE("Paragraph keeps words joined by a no-break space together", "[layout][paragraph]") {
  // 14 characters, ragged: "cccc dddd" would be split after "cccc".
  CHECK(Texts(Layout("aaaa bbbb cccc dddd", Style(70, false))) ==
        std::vector<std::string>{"aaaa bbbb cccc", "dddd"});
  std::vector<PlacedLine> lines = Layout("aaaa bbbb cccc\xC2\xA0" "dddd", Style(70, false));
  CHECK(Texts(lines) == std::vector<std::string>{"aaaa bbbb", "cccc dddd"});
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[1].runs.size() == 2);  // the space is a gap, not a glyph
  CHECK(lines[1].runs[1].x == Approx(25));
}

TEST_CASE("Paragraph mixes faces inside a word and joins runs of one style",
          "[layout][paragraph]") {
  InlineSpan bold = Span("bold");
  bold.face = Face::kBold;
  InlineSpan rest = Span("text, and more");
  std::vector<PlacedLine> lines = LayoutParagraph({bold, rest}, Style(300), Fixed(), nullptr);
  REQUIRE(lines.size() == 1);
  const std::vector<GlyphRun>& runs = lines[0].runs;
  REQUIRE(runs.size() == 4);
  CHECK(runs[0].text == "bold");
  CHECK(runs[0].face == Face::kBold);
  CHECK(runs[1].text == "text,");
  CHECK(runs[1].face == Face::kRegular);
  CHECK(runs[1].x == Approx(20));  // no gap: one word in two faces

  // Adjacent spans of the same style make one run per word.
  std::vector<PlacedLine> joined =
      LayoutParagraph({Span("foo"), Span("bar baz")}, Style(300), Fixed(), nullptr);
  REQUIRE(joined.size() == 1);
  REQUIRE(joined[0].runs.size() == 2);
  CHECK(joined[0].runs[0].text == "foobar");

  // A size or colour change starts a new run.
  InlineSpan red = Span("bar");
  red.color = {200, 0, 0};
  std::vector<PlacedLine> colored =
      LayoutParagraph({Span("foo"), red}, Style(300), Fixed(), nullptr);
  REQUIRE(colored[0].runs.size() == 2);
  CHECK(colored[0].runs[1].color == Color{200, 0, 0});
}

// The Go fonts lack ✓: only the symbols face has it.
class GoLikeMetrics : public FixedMetrics {
 public:
  bool HasGlyph(Face face, char32_t code_point) const override {
    if (code_point == U'\u2713') return face == Face::kSymbols;
    if (code_point == U'\u4E16') return face == Face::kCjk;
    return true;
  }
  int Advance(Face face, char32_t code_point) const override {
    return HasGlyph(face, code_point) ? (face == Face::kSymbols ? 800 : 500) : 0;
  }
};

TEST_CASE("Paragraph sends characters the face lacks to the fallback faces",
          "[layout][paragraph]") {
  GoLikeMetrics metrics;
  std::vector<PlacedLine> lines =
      LayoutParagraph({Span("tests pass\xE2\x9C\x93 now, \xE4\xB8\x96")}, Style(300),
                      metrics, nullptr);
  REQUIRE(lines.size() == 1);
  const std::vector<GlyphRun>& runs = lines[0].runs;
  REQUIRE(runs.size() == 5);
  CHECK(runs[1].text == "pass");
  CHECK(runs[1].face == Face::kRegular);
  CHECK(runs[2].text == "\xE2\x9C\x93");
  CHECK(runs[2].face == Face::kSymbols);
  CHECK(runs[2].x == Approx(30 + 20));  // right after "pass", no gap
  CHECK(runs[3].text == "now,");
  CHECK(runs[3].x == Approx(50 + 8 + 5));  // the check mark is 8 pt wide
  CHECK(runs[4].face == Face::kCjk);
}

TEST_CASE("Paragraph gives each line its part of a link", "[layout][paragraph]") {
  InlineSpan before = Span("Read the ");
  InlineSpan link = Span("Go language specification");
  link.link_destination = "ch02-spec";
  InlineSpan after = Span(" now. See ");
  InlineSpan uri = Span("go.dev");
  uri.link_uri = "https://go.dev/";
  std::vector<PlacedLine> lines =
      LayoutParagraph({before, link, after, uri}, Style(120, false), Fixed(), nullptr);
  // 24 characters a line.
  CHECK(Texts(lines) ==
        std::vector<std::string>{"Read the Go language", "specification now. See", "go.dev"});
  REQUIRE(lines.size() == 3);
  REQUIRE(lines[0].links.size() == 1);
  const LinkArea& first = lines[0].links[0];
  CHECK(first.destination == "ch02-spec");
  CHECK(first.uri.empty());
  CHECK(first.x == Approx(45));
  CHECK(first.width == Approx(55));  // "Go language", the space included
  CHECK(first.y == Approx(-8));      // the top of the line's box
  CHECK(first.height == Approx(10));
  REQUIRE(lines[1].links.size() == 1);
  CHECK(lines[1].links[0].x == Approx(0));
  CHECK(lines[1].links[0].width == Approx(65));  // "specification", not " now. See"
  REQUIRE(lines[2].links.size() == 1);
  CHECK(lines[2].links[0].uri == "https://go.dev/");
  CHECK(lines[2].links[0].destination.empty());
}

TEST_CASE("Paragraph breaks inline code only after punctuation", "[layout][paragraph]") {
  InlineSpan see = Span("see ");
  InlineSpan code = Span("fmt.Println(x)");
  code.code = true;
  code.face = Face::kMono;
  // 15 characters: "see fmt.Println(x)" is 18, "see fmt.Println(" 16.
  std::vector<PlacedLine> lines = LayoutParagraph({see, code}, Style(75, false), Fixed(), nullptr);
  CHECK(Texts(lines) == std::vector<std::string>{"see fmt.", "Println(x)"});
  CheckWithinMeasure(lines, 75);

  // Code is never hyphenated, where the same word as text would be.
  InlineSpan word = Span("xx concurrency");
  CHECK(Texts(LayoutParagraph({word}, Style(50, false), Fixed(), English())) ==
        std::vector<std::string>{"xx concur-", "rency"});
  word.code = true;
  CHECK(Texts(LayoutParagraph({word}, Style(60, false), Fixed(), English())) ==
        std::vector<std::string>{"xx", "concurrency"});
}

TEST_CASE("Paragraph indents its first line", "[layout][paragraph]") {
  ParagraphStyle style = Style(100);
  style.first_line_indent = 15;
  std::vector<PlacedLine> lines = Layout("aaaa bbbb cccc dddd eeee ffff", style);
  REQUIRE(!lines.empty());
  CHECK(lines[0].runs[0].x == Approx(15));
  CHECK(lines[1].runs[0].x == Approx(0));
  CheckWithinMeasure(lines, 100);
}

TEST_CASE("Paragraph of nothing has no lines", "[layout][paragraph]") {
  CHECK(LayoutParagraph({}, Style(100), Fixed(), nullptr).empty());
  CHECK(LayoutParagraph({Span("")}, Style(100), Fixed(), nullptr).empty());
  CHECK(LayoutParagraph({Span("  "), Span(" ")}, Style(100), Fixed(), nullptr).empty());
}

TEST_CASE("Paragraph is deterministic", "[layout][paragraph]") {
  std::vector<PlacedLine> a = Layout(kFrogKing, Style(150), English());
  std::vector<PlacedLine> b = Layout(kFrogKing, Style(150), English());
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].runs.size() == b[i].runs.size());
    for (size_t k = 0; k < a[i].runs.size(); ++k) {
      CHECK(a[i].runs[k].x == b[i].runs[k].x);
      CHECK(a[i].runs[k].text == b[i].runs[k].text);
    }
  }
}

TEST_CASE("Paragraph of 10,000 words lays out in well under a second", "[layout][paragraph]") {
  std::string text;
  const char* words[] = {"goroutines", "and", "channels", "make", "concurrency", "simple,",
                         "the", "hyphenation", "of", "programming", "languages."};
  for (int i = 0; i < 10000; ++i) text += std::string(words[(i * 7) % 11]) + " ";
  auto start = std::chrono::steady_clock::now();
  std::vector<PlacedLine> lines = Layout(text, Style(300), English());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(lines.size() > 1000);
  CHECK(seconds < 1.0);
  WARN("10,000 words: " << lines.size() << " lines in " << seconds * 1000 << " ms");
  CheckWithinMeasure(lines, 300);
}

}  // namespace
}  // namespace gobook::layout
