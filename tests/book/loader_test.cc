// Unit tests for the book loader, on small books written into a temporary folder.
// Diagnostics show the temporary folder as "book".
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "book/book.h"
#include "support/diagnostics_text.h"
#include "support/model_dump.h"
#include "support/temp_book.h"
#include "util/text.h"

namespace gobook::book {
namespace {

using testing::TempBook;

// A real 1x1 PNG: signature, IHDR, IDAT and IEND with their CRCs.
const std::string kTinyPng(
    "\x89PNG\r\n\x1a\n"
    "\x00\x00\x00\x0d" "IHDR" "\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    "\x00\x00\x00\x0b" "IDAT" "\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f"
    "\x00\x00\x00\x00" "IEND" "\xae\x42\x60\x82",
    68);

const char* const kTwoTrackSummary =
    "# Test Book\n"
    "\n"
    "## Beginner path\n"
    "\n"
    "Start here.\n"
    "\n"
    "1. [First](lessons/01-first.md)\n"
    "2. [Second](lessons/02-second.md)\n"
    "\n"
    "## Senior path\n"
    "\n"
    "For the experienced.\n"
    "\n"
    "1. [Third](lessons/03-third.md)\n";

void WriteTwoTrackBook(const TempBook& book) {
  book.Write("SUMMARY.md", kTwoTrackSummary);
  book.Write("lessons/01-first.md",
             "+++\n"
             "summary = \"The first lesson.\"\n"
             "+++\n"
             "# First lesson\n"
             "\n"
             "Some words here.\n"
             "\n"
             "## Setup\n"
             "\n"
             "See [the second](02-second.md#details).\n");
  book.Write("lessons/02-second.md", "# Second lesson\n\n## Details\n\nText.\n");
  book.Write("lessons/03-third.md", "# Third lesson\n\nBack to [first](01-first.md).\n");
}

// A one-track book whose only lesson, lessons/a.md, has `body` after "# A\n\n"
// (so the body starts on line 3).
void WriteOneLessonBook(const TempBook& book, const std::string& body) {
  book.Write("SUMMARY.md", "## Track\n\n1. [A](lessons/a.md)\n");
  book.Write("lessons/a.md", "# A\n\n" + body);
}

// Loads and returns the diagnostics; `loaded` tells whether a book came back.
std::string LoadErrors(const TempBook& book, bool* loaded = nullptr) {
  DiagnosticSink sink;
  std::optional<doc::Book> result = book.Load(&sink);
  if (loaded != nullptr) *loaded = result.has_value();
  return book.Diagnostics(sink);
}

TEST_CASE("LoadBook loads a two-track book", "[book][loader]") {
  TempBook temp;
  WriteTwoTrackBook(temp);
  DiagnosticSink sink;
  std::optional<doc::Book> book = temp.Load(&sink);
  INFO(temp.Diagnostics(sink));
  REQUIRE(book);
  CHECK(temp.Diagnostics(sink).empty());

  CHECK(book->root == temp.root());
  CHECK(book->metadata.title == "Test Book");
  CHECK(book->fonts_dir == GOBOOK_SOURCE_DIR "/fonts");
  CHECK_FALSE(book->single_track);

  REQUIRE(book->tracks.size() == 2);
  CHECK(book->tracks[0].title == "Beginner path");
  CHECK(book->tracks[0].slug == "beginner-path");
  CHECK(book->tracks[0].description == "Start here.");
  CHECK(book->tracks[0].lessons == std::vector<int>{0, 1});
  CHECK(book->tracks[1].title == "Senior path");
  CHECK(book->tracks[1].slug == "senior-path");
  CHECK(book->tracks[1].description == "For the experienced.");
  CHECK(book->tracks[1].lessons == std::vector<int>{2});

  REQUIRE(book->lessons.size() == 3);
  const doc::Lesson& first = book->lessons[0];
  CHECK(first.number == 1);
  CHECK(first.track == 0);
  CHECK(first.file == "lessons/01-first.md");
  CHECK(first.slug == "01-first");
  CHECK(first.source_path == temp.root() + "/lessons/01-first.md");
  CHECK(first.title == "First lesson");
  CHECK(first.summary == "The first lesson.");
  REQUIRE(first.sections.size() == 1);
  CHECK(first.sections[0].title == "Setup");
  CHECK(first.sections[0].id == "setup");
  // Numbers run across tracks.
  CHECK(book->lessons[1].number == 2);
  CHECK(book->lessons[1].track == 0);
  CHECK(book->lessons[1].summary.empty());
  CHECK(book->lessons[2].number == 3);
  CHECK(book->lessons[2].track == 1);
  CHECK(book->lessons[2].title == "Third lesson");

  // The passes ran: links are resolved and read times computed.
  REQUIRE(first.blocks.size() == 3);
  const doc::Inline& link = first.blocks[2].inlines[1];
  REQUIRE(link.kind == doc::InlineKind::kLink);
  CHECK(link.link_target == doc::LinkTarget::kLesson);
  CHECK(link.target_lesson == 1);
  CHECK(link.target_id == "details");
  CHECK(first.read_time.minutes == 1);
  CHECK(book->tracks[0].minutes == 2);
  CHECK(book->tracks[1].minutes == 1);
  CHECK(book->minutes == 3);
}

TEST_CASE("LoadBook: a lesson listed twice is an error", "[book][loader]") {
  TempBook temp;
  temp.Write("SUMMARY.md",
             "## One\n\n1. [A](lessons/a.md)\n\n## Two\n\n1. [A again](lessons/../lessons/a.md)\n");
  temp.Write("lessons/a.md", "# A\n");
  CHECK(LoadErrors(temp) ==
        "book/SUMMARY.md:7:4: error: lesson 'lessons/a.md' is listed twice\n"
        "hint: it is first listed at line 3\n");
}

TEST_CASE("LoadBook: lessons are loaded in parallel, but reported in the manifest's order",
          "[book][loader]") {
  TempBook temp;
  std::string summary = "## Track\n\n";
  for (int i = 1; i <= 12; ++i) {
    std::string name = "lessons/" + std::to_string(i) + ".md";
    summary += std::to_string(i) + ". [L](" + name + ")\n";
    // Every third lesson has an error on its line 3; the others are good.
    temp.Write(name, "# Lesson " + std::to_string(i) + "\n\n" +
                         (i % 3 == 0 ? std::string("Bad \xff byte.\n") : "Fine.\n"));
  }
  summary += "13. [Again](lessons/4.md)\n14. [Gone](lessons/gone.md)\n";
  temp.Write("SUMMARY.md", summary);
  std::string expected;
  for (int i : {3, 6, 9, 12}) {
    expected += "book/lessons/" + std::to_string(i) + ".md:3:5: error: invalid UTF-8\n"
                "hint: save the file as UTF-8\n";
  }
  expected +=
      "book/SUMMARY.md:15:5: error: lesson 'lessons/4.md' is listed twice\n"
      "hint: it is first listed at line 6\n"
      "book/SUMMARY.md:16:5: error: lesson file 'book/lessons/gone.md' cannot be read: "
      "no such file\n";
  CHECK(LoadErrors(temp) == expected);
  // The same book, loaded again, gives the same report.
  CHECK(LoadErrors(temp) == expected);
}

TEST_CASE("LoadBook: a lesson's number and track follow the manifest", "[book][loader]") {
  TempBook temp;
  WriteTwoTrackBook(temp);
  DiagnosticSink sink;
  std::optional<doc::Book> book = temp.Load(&sink);
  REQUIRE(book);
  REQUIRE(book->lessons.size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(book->lessons[i].number == static_cast<int>(i) + 1);
  CHECK(book->lessons[2].slug == "03-third");
  CHECK(book->lessons[2].track == 1);
  CHECK(book->tracks[0].lessons == std::vector<int>{0, 1});
  CHECK(book->tracks[1].lessons == std::vector<int>{2});
}

TEST_CASE("LoadBook: a missing lesson file is an error at its manifest entry", "[book][loader]") {
  TempBook temp;
  temp.Write("SUMMARY.md", "## Track\n\n1. [A](lessons/a.md)\n2. [Gone](lessons/gone.md)\n");
  temp.Write("lessons/a.md", "# A\n");
  bool loaded = true;
  CHECK(LoadErrors(temp, &loaded) ==
        "book/SUMMARY.md:4:4: error: lesson file 'book/lessons/gone.md' cannot be read: "
        "no such file\n");
  CHECK_FALSE(loaded);
}

TEST_CASE("LoadBook: a lesson path that is a directory is an error", "[book][loader]") {
  TempBook temp;
  temp.Write("SUMMARY.md", "## Track\n\n1. [A](lessons/a.md)\n");
  temp.MakeDir("lessons/a.md");
  CHECK(LoadErrors(temp) ==
        "book/SUMMARY.md:3:4: error: lesson file 'book/lessons/a.md' cannot be read: "
        "is a directory, not a file\n");
}

TEST_CASE("LoadBook: lesson paths must stay relative, inside, and Markdown", "[book][loader]") {
  TempBook temp;
  temp.Write("SUMMARY.md",
             "## Track\n\n"
             "1. [Abs](/lessons/a.md)\n"
             "2. [Out](../a.md)\n"
             "3. [Text](lessons/a.txt)\n"
             "4. [Web](https://example.com/a.md)\n");
  CHECK(LoadErrors(temp) ==
        "book/SUMMARY.md:3:4: error: lesson path '/lessons/a.md' must be relative to the book folder\n"
        "book/SUMMARY.md:4:4: error: lesson path '../a.md' leaves the book folder\n"
        "book/SUMMARY.md:5:4: error: lesson path 'lessons/a.txt' is not a Markdown file (.md)\n"
        "book/SUMMARY.md:6:4: error: lesson path 'https://example.com/a.md' must be relative to "
        "the book folder\n");
}

TEST_CASE("LoadBook: invalid UTF-8 is an error at its line and column", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "Good line.\nBad \xFF here.\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:4:5: error: invalid UTF-8\n"
        "hint: save the file as UTF-8\n");
}

TEST_CASE("LoadBook: invalid UTF-8 in book.toml or SUMMARY.md is found too", "[book][loader]") {
  TempBook temp;
  temp.Write("SUMMARY.md", "## Tr\xC3\n\n1. [A](lessons/a.md)\n");
  temp.Write("lessons/a.md", "# A\n");
  CHECK(LoadErrors(temp) ==
        "book/SUMMARY.md:1:6: error: invalid UTF-8\n"
        "hint: save the file as UTF-8\n");
}

TEST_CASE("LoadBook: a BOM and CRLF line endings give the same model", "[book][loader]") {
  const std::string lesson =
      "+++\nsummary = \"S\"\n+++\n# Title\n\nSome *text*\nover two lines.\n\n"
      "## Part\n\n```go\nfunc main() {\n\tx := 1\n}\n```\n\n- a\n- b\n";
  auto windows = [](std::string text) {
    std::string out = "\xEF\xBB\xBF";
    for (char ch : text) out += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    return out;
  };
  auto dump = [](const TempBook& temp) {
    DiagnosticSink sink;
    std::optional<doc::Book> book = temp.Load(&sink);
    INFO(temp.Diagnostics(sink));
    REQUIRE(book);
    REQUIRE(book->lessons.size() == 1);
    const doc::Lesson& lesson = book->lessons[0];
    return testing::DumpLesson(lesson, {true}) + "summary " + lesson.summary + "\n" +
           "track " + book->tracks[0].title + ": " + book->tracks[0].description + "\n" +
           "words " + std::to_string(lesson.read_time.words) + " code " +
           std::to_string(lesson.read_time.code_lines) + "\n";
  };
  TempBook unix_book;
  unix_book.Write("SUMMARY.md", "## Track\n\nThe track.\n\n1. [A](lessons/a.md)\n");
  unix_book.Write("lessons/a.md", lesson);
  TempBook windows_book;
  windows_book.Write("book.toml", windows(testing::DefaultBookToml()));
  windows_book.Write("SUMMARY.md", windows("## Track\n\nThe track.\n\n1. [A](lessons/a.md)\n"));
  windows_book.Write("lessons/a.md", windows(lesson));
  std::string expected = dump(unix_book);
  CHECK(expected.find("code program lang=\"go\" \"func main() {\\n    x := 1\\n}\"") !=
        std::string::npos);
  CHECK(dump(windows_book) == expected);
}

TEST_CASE("LoadBook: a good PNG lands in book.images with its book path", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp,
                     "![A pixel](../images/dot.png)\n\n"
                     "<img src=\"../images/dot.png\" alt=\"Again\">\n\n"
                     "![Other](../images/./other.png)\n");
  temp.Write("images/dot.png", kTinyPng);
  temp.Write("images/other.png", kTinyPng);
  DiagnosticSink sink;
  std::optional<doc::Book> book = temp.Load(&sink);
  INFO(temp.Diagnostics(sink));
  REQUIRE(book);
  REQUIRE(book->images.size() == 2);  // unique, in order of first use
  CHECK(book->images[0].path == "images/dot.png");
  CHECK(book->images[1].path == "images/other.png");
  const doc::Lesson& lesson = book->lessons[0];
  REQUIRE(lesson.blocks.size() == 3);
  CHECK(lesson.blocks[0].inlines[0].url == "images/dot.png");
  CHECK(lesson.blocks[1].inlines[0].url == "images/dot.png");
  CHECK(lesson.blocks[2].inlines[0].url == "images/other.png");
}

TEST_CASE("LoadBook: JPEG and SVG images are accepted by their first bytes", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![J](../images/a.jpg) ![S](../images/b.svg)\n");
  temp.Write("images/a.jpg", std::string("\xff\xd8\xff\xe0rest", 8));
  temp.Write("images/b.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  bool loaded = false;
  CHECK(LoadErrors(temp, &loaded).empty());
  CHECK(loaded);
}

TEST_CASE("LoadBook: an image that does not exist is an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "Look: ![Gone](../images/gone.png)\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:7: error: image 'book/images/gone.png' cannot be read: no such file\n");
}

TEST_CASE("LoadBook: an image outside the book is an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Out](../../x.png)\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image path '../../x.png' leaves the book folder\n"
        "hint: keep images inside the book folder, e.g. in 'images/'\n");
}

TEST_CASE("LoadBook: an absolute image path is an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Abs](/usr/share/pixmaps/x.png)\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image path '/usr/share/pixmaps/x.png' is absolute\n"
        "hint: use a path relative to the lesson, e.g. '../images/name.png'\n");
}

TEST_CASE("LoadBook: a remote image is a warning, not an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Gopher](https://go.dev/images/gopher.png)\n");
  bool loaded = false;
  CHECK(LoadErrors(temp, &loaded) ==
        "book/lessons/a.md:3:1: warning: remote image 'https://go.dev/images/gopher.png' is not "
        "fetched; it is shown as its description with a link\n"
        "hint: copy the image into the book folder to include it\n");
  CHECK(loaded);
}

TEST_CASE("LoadBook: other URL schemes for images are errors", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Data](data:image/png;base64,AAAA)\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image 'data:image/png;base64,AAAA' is neither a local "
        "file nor an http(s) URL\n");
}

TEST_CASE("LoadBook: an unsupported image format is an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Anim](../images/a.gif)\n");
  temp.Write("images/a.gif", "GIF89a....");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image 'book/images/a.gif' has an unsupported image "
        "format '.gif'\n");
}

TEST_CASE("LoadBook: a truncated PNG is an error", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![Cut](../images/cut.png)\n");
  temp.Write("images/cut.png", kTinyPng.substr(0, 8) + std::string("\x00\x00\x00\x0dIHDR", 8));
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image 'book/images/cut.png' is a truncated PNG file\n");
}

TEST_CASE("LoadBook: an image whose bytes do not match its extension is an error",
          "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "![P](../images/p.png) ![J](../images/j.jpg) ![S](../images/s.svg)\n");
  temp.Write("images/p.png", std::string("\xff\xd8\xff\xe0rest", 8));
  temp.Write("images/j.jpg", kTinyPng);
  temp.Write("images/s.svg", "<html></html>");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:1: error: image 'book/images/p.png' is not a PNG file\n"
        "book/lessons/a.md:3:23: error: image 'book/images/j.jpg' is not a JPEG file\n"
        "book/lessons/a.md:3:45: error: image 'book/images/s.svg' is not an SVG file\n");
}

TEST_CASE("LoadBook: a missing book folder, book.toml or SUMMARY.md", "[book][loader]") {
  DiagnosticSink sink;
  CHECK_FALSE(LoadBook("/tmp/gobook-test-no-such-folder", &sink));
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: book folder '/tmp/gobook-test-no-such-folder' does not exist\n"
        "hint: pass the folder holding book.toml and SUMMARY.md with --book\n");

  TempBook no_summary;
  CHECK(LoadErrors(no_summary) ==
        "book/SUMMARY.md: error: cannot read the manifest: no such file\n"
        "hint: a book folder holds book.toml, SUMMARY.md and the lesson files\n");
}

TEST_CASE("LoadBook: missing fonts are errors in book.toml", "[book][loader]") {
  TempBook temp;
  temp.Write("book.toml",
             "title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\n"
             "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n"
             "date = \"2024-05-01\"\n");
  WriteOneLessonBook(temp, "Text.\n");
  std::string errors = LoadErrors(temp);
  CHECK(errors.rfind("book/book.toml: error: font file 'book/fonts/Go-Regular.ttf' does not exist\n"
                     "hint: set [fonts] dir and the font file names in book.toml\n",
                     0) == 0);
  CHECK(errors.find("'book/fonts/Go-Mono-Italic.ttf' does not exist") != std::string::npos);
}

TEST_CASE("LoadBook: lesson errors name the lesson file", "[book][loader]") {
  TempBook temp;
  WriteOneLessonBook(temp, "> [!CAUTION]\n> Careful.\n");
  CHECK(LoadErrors(temp) ==
        "book/lessons/a.md:3:3: error: unknown callout '[!CAUTION]'\n"
        "hint: use [!NOTE], [!TIP], [!WARNING] or [!TRAP]\n");
}

// ---- FindTrack --------------------------------------------------------------

doc::Book BookWithTracks(std::vector<std::string> titles) {
  doc::Book book;
  for (const std::string& title : titles) {
    doc::Track track;
    track.title = title;
    track.slug = GitHubSlug(title);
    book.tracks.push_back(track);
  }
  return book;
}

TEST_CASE("FindTrack finds a track by slug, title or unique prefix", "[book][track]") {
  doc::Book book = BookWithTracks({"Beginner path", "Senior path"});
  DiagnosticSink sink;
  CHECK(FindTrack(book, "senior-path", &sink) == 1);
  CHECK(FindTrack(book, "Beginner path", &sink) == 0);
  CHECK(FindTrack(book, "sen", &sink) == 1);
  CHECK(FindTrack(book, "B", &sink) == 0);
  CHECK(testing::AllDiagnostics(sink).empty());
}

TEST_CASE("FindTrack: an ambiguous prefix is an error", "[book][track]") {
  doc::Book book = BookWithTracks({"Go basics", "Go advanced"});
  DiagnosticSink sink;
  CHECK(FindTrack(book, "go", &sink) == -1);
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: track 'go' is ambiguous\n"
        "hint: give more of its name: go-basics or go-advanced\n");
}

TEST_CASE("FindTrack: an unknown name is an error listing the tracks", "[book][track]") {
  doc::Book book = BookWithTracks({"Beginner path", "Senior path"});
  DiagnosticSink sink;
  CHECK(FindTrack(book, "expert", &sink) == -1);
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: no track named 'expert'\n"
        "hint: the tracks are: beginner-path, senior-path\n");
  // With one track, a name with no slug at all is unknown too.
  doc::Book one = BookWithTracks({"Beginner path"});
  DiagnosticSink one_sink;
  CHECK(FindTrack(one, "!!!", &one_sink) == -1);
  CHECK(testing::AllDiagnostics(one_sink) ==
        "gobook: error: no track named '!!!'\n"
        "hint: the tracks are: beginner-path\n");
}

TEST_CASE("FindTrack: a name with an empty slug is unknown, not ambiguous",
          "[book][track]") {
  // Regression (fixed): "!!!" slugs to "", a prefix of every slug, so with two or more tracks
  // the loop reports it as ambiguous before the empty-name check is reached.
  doc::Book book = BookWithTracks({"Beginner path", "Senior path"});
  DiagnosticSink sink;
  CHECK(FindTrack(book, "!!!", &sink) == -1);
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: no track named '!!!'\n"
        "hint: the tracks are: beginner-path, senior-path\n");
}

TEST_CASE("FindTrack: an exact slug wins over tracks it is a prefix of",
          "[book][track]") {
  // Regression (fixed): the loop reports "ambiguous" as soon as two tracks start with the name,
  // before it reaches a later track whose slug is exactly the name.
  doc::Book book = BookWithTracks({"Go A", "Go B", "Go"});
  DiagnosticSink sink;
  CHECK(FindTrack(book, "go", &sink) == 2);
  CHECK(testing::AllDiagnostics(sink).empty());
}

}  // namespace
}  // namespace gobook::book
