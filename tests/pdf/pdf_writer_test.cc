// Tests for the PDF writer: small books built by hand, drawn with libharu, and
// checked with the real tools (qpdf, pdffonts, pdftotext, pdfinfo), which is
// how a reader's viewer will see them.
#include "pdf/pdf_writer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <regex>
#include <string>
#include <vector>

#include "support/diagnostics_text.h"
#include "support/temp_dir.h"
#include "util/process.h"

namespace gobook::pdf {
namespace {

using layout::ActualTextBegin;
using layout::ActualTextEnd;
using layout::Face;
using layout::GlyphRun;

// A 4x4 RGB PNG, a 1x1 interlaced PNG and a 4x4 baseline JPEG (made with cjpeg).
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00\x00\x04"
    "\x08\x02\x00\x00\x00\x26\x93\x09\x29\x00\x00\x00\x29\x49\x44\x41\x54\x78\xda\x0d\xc7\x31\x01\x00"
    "\x00\x0c\xc2\x30\x84\x55\x18\x67\x45\x21\x70\xcb\x97\x24\x12\x1b\x17\x13\x04\x8b\xe3\x53\xa9\xad"
    "\xeb\x67\x32\x3b\x37\x0f\xa7\x63\x13\x41\x06\x1a\x2b\x55\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42"
    "\x60\x82",
    98);
const std::string kInterlacedPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
    "\x08\x02\x00\x00\x01\xe7\x70\x63\x48\x00\x00\x00\x0c\x49\x44\x41\x54\x78\xda\x63\xf8\xcf\xc0\x00"
    "\x00\x03\x01\x01\x00\xf7\x03\x41\x43\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    69);
const std::string kJpeg(
    "\xff\xd8\xff\xe0\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43"
    "\x00\x06\x04\x05\x06\x05\x04\x06\x06\x05\x06\x07\x07\x06\x08\x0a\x10\x0a\x0a\x09\x09\x0a\x14\x0e"
    "\x0f\x0c\x10\x17\x14\x18\x18\x17\x14\x16\x16\x1a\x1d\x25\x1f\x1a\x1b\x23\x1c\x16\x16\x20\x2c\x20"
    "\x23\x26\x27\x29\x2a\x29\x19\x1f\x2d\x30\x2d\x28\x30\x25\x28\x29\x28\xff\xdb\x00\x43\x01\x07\x07"
    "\x07\x0a\x08\x0a\x13\x0a\x0a\x13\x28\x1a\x16\x1a\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28"
    "\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28"
    "\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\x28\xff\xc0\x00\x11\x08\x00\x04\x00\x04\x03"
    "\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xc4\x00\x1f\x00\x00\x01\x05\x01\x01\x01\x01\x01\x01\x00"
    "\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\xff\xc4\x00\xb5\x10\x00"
    "\x02\x01\x03\x03\x02\x04\x03\x05\x05\x04\x04\x00\x00\x01\x7d\x01\x02\x03\x00\x04\x11\x05\x12\x21"
    "\x31\x41\x06\x13\x51\x61\x07\x22\x71\x14\x32\x81\x91\xa1\x08\x23\x42\xb1\xc1\x15\x52\xd1\xf0\x24"
    "\x33\x62\x72\x82\x09\x0a\x16\x17\x18\x19\x1a\x25\x26\x27\x28\x29\x2a\x34\x35\x36\x37\x38\x39\x3a"
    "\x43\x44\x45\x46\x47\x48\x49\x4a\x53\x54\x55\x56\x57\x58\x59\x5a\x63\x64\x65\x66\x67\x68\x69\x6a"
    "\x73\x74\x75\x76\x77\x78\x79\x7a\x83\x84\x85\x86\x87\x88\x89\x8a\x92\x93\x94\x95\x96\x97\x98\x99"
    "\x9a\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xc2\xc3\xc4\xc5\xc6"
    "\xc7\xc8\xc9\xca\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xf1"
    "\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xff\xc4\x00\x1f\x01\x00\x03\x01\x01\x01\x01\x01\x01\x01\x01"
    "\x01\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\xff\xc4\x00\xb5\x11\x00"
    "\x02\x01\x02\x04\x04\x03\x04\x07\x05\x04\x04\x00\x01\x02\x77\x00\x01\x02\x03\x11\x04\x05\x21\x31"
    "\x06\x12\x41\x51\x07\x61\x71\x13\x22\x32\x81\x08\x14\x42\x91\xa1\xb1\xc1\x09\x23\x33\x52\xf0\x15"
    "\x62\x72\xd1\x0a\x16\x24\x34\xe1\x25\xf1\x17\x18\x19\x1a\x26\x27\x28\x29\x2a\x35\x36\x37\x38\x39"
    "\x3a\x43\x44\x45\x46\x47\x48\x49\x4a\x53\x54\x55\x56\x57\x58\x59\x5a\x63\x64\x65\x66\x67\x68\x69"
    "\x6a\x73\x74\x75\x76\x77\x78\x79\x7a\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x92\x93\x94\x95\x96\x97"
    "\x98\x99\x9a\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xc2\xc3\xc4"
    "\xc5\xc6\xc7\xc8\xc9\xca\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea"
    "\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00\xb1"
    "\xe1\xef\x06\x68\xbf\xd9\x71\x7f\xa3\x7f\x2f\xf0\xa2\x8a\x2b\x9e\xb6\x22\xaf\xb4\x7e\xf3\xdf\xbb"
    "\x3b\x72\xec\x55\x7f\xaa\x53\xf7\xdf\xc2\xba\xbe\xc7\xff\xd9",
    663);

std::string SourcePath(const std::string& relative) {
  return std::string(GOBOOK_SOURCE_DIR) + "/" + relative;
}

// The repository's Go fonts, and the system's fallbacks (the Go regular face
// stands in when a fallback is missing and the test does not use it).
layout::FontPaths TestFonts() {
  layout::FontPaths paths = {
      SourcePath("fonts/Go-Regular.ttf"),     SourcePath("fonts/Go-Italic.ttf"),
      SourcePath("fonts/Go-Bold.ttf"),        SourcePath("fonts/Go-Bold-Italic.ttf"),
      SourcePath("fonts/Go-Mono.ttf"),        SourcePath("fonts/Go-Mono-Bold.ttf"),
      SourcePath("fonts/Go-Mono-Italic.ttf"),
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"};
  for (size_t i = 7; i < paths.size(); ++i) {
    if (!std::filesystem::exists(paths[i])) paths[i] = paths[0];
  }
  return paths;
}

const layout::TrueTypeMetrics& Metrics() {
  static std::unique_ptr<layout::TrueTypeMetrics> metrics = [] {
    std::string error;
    auto loaded = layout::TrueTypeMetrics::Load(TestFonts(), &error);
    if (!loaded) throw std::runtime_error("cannot load the test fonts: " + error);
    return loaded;
  }();
  return *metrics;
}

// Lays out runs one after the other on a baseline, as layout would.
class Line {
 public:
  Line(layout::Page* page, double x, double baseline) : page_(page), x_(x), baseline_(baseline) {}
  Line& Add(Face face, const std::string& text, double size = 11, layout::Color color = {}) {
    GlyphRun run;
    run.x = x_;
    run.baseline = baseline_;
    run.face = face;
    run.size = size;
    run.color = color;
    run.text = text;
    page_->items.push_back(run);
    x_ += layout::TextWidth(Metrics(), face, text, size);
    return *this;
  }

 private:
  layout::Page* page_;
  double x_;
  double baseline_;
};

constexpr const char* kCodeLine = "    x := 1  // two  spaces";

// Four pages labelled i, ii, 1, 2: prose with a CJK and a symbols run, a code
// line in an ActualText span, rules, a picture, links and a nested outline.
layout::LaidOutBook SampleBook() {
  layout::LaidOutBook book;
  book.size = {"a4", 595.276, 841.89};
  book.info = {"The Go Book — “Concurrency”", "Renée Müller", "Go", "go, café", "gobook 0.1",
               "D:20240229123015+00'00'"};
  for (const char* label : {"i", "ii", "1", "2"}) {
    layout::Page page;
    page.label = label;
    book.pages.push_back(page);
  }
  layout::Page& first = book.pages[0];
  Line(&first, 72, 100).Add(Face::kBold, "Contents", 18);
  Line(&first, 72, 140).Add(Face::kRegular, "Hello, ").Add(Face::kCjk, "世界");
  Line(&first, 72, 160).Add(Face::kSymbols, "✓").Add(Face::kRegular, " done");
  Line(&first, 72, 180).Add(Face::kItalic, "A naïve café—“smart” quote", 11, {0x20, 0x40, 0x80});
  first.items.push_back(layout::LinkArea{72, 128, 80, 16, "chapter-1", ""});
  first.items.push_back(
      layout::LinkArea{72, 168, 80, 16, "", "https://go.dev/ref/spec#Send_statements?q=é"});
  layout::Page& third = book.pages[2];
  Line(&third, 72, 100).Add(Face::kBold, "1 Getting started", 18);
  third.items.push_back(layout::FilledRect{66, 120, 463, 40, {0xF0, 0xF0, 0xF0}});
  third.items.push_back(ActualTextBegin{kCodeLine});
  Line(&third, 72, 134).Add(Face::kMono, "x := 1", 10);
  Line(&third, 72 + 12 * 6.0, 134).Add(Face::kMono, "// two", 10);
  Line(&third, 72 + 12 * 6.0 + 6 * 8.0, 134).Add(Face::kMono, "spaces", 10);
  third.items.push_back(ActualTextEnd{});
  third.items.push_back(layout::StrokedLine{72, 170, 523, 170, 0.5, {0x80, 0x80, 0x80}, true});
  third.items.push_back(layout::StrokedLine{72, 175, 523, 175, 1, {}, false});
  layout::ImageBox picture;
  picture.x = 72;
  picture.y = 200;
  picture.width = 100;
  picture.height = 100;
  picture.bytes = std::make_shared<const std::string>(kPng);
  third.items.push_back(picture);
  layout::ImageBox photo = picture;
  photo.x = 200;
  photo.bytes = std::make_shared<const std::string>(kJpeg);
  photo.jpeg = true;
  third.items.push_back(photo);
  Line(&book.pages[3], 72, 100).Add(Face::kBold, "1.1 Café ≈ naïve", 14);
  book.pages[3].items.push_back(layout::LinkArea{72, 400, 100, 14, "contents", ""});
  book.destinations = {{"contents", 0, 72}, {"chapter-1", 2, 72}, {"section-1-1", 3, 72}};
  book.outline = {{"Contents", "contents", {}},
                  {"1 Getting started “Hello, 世界”", "chapter-1",
                   {{"1.1 Café ≈ naïve", "section-1-1", {}}}}};
  book.page_labels = {{2, false, 1}, {0, true, 1}};  // out of order on purpose
  return book;
}

struct Written {
  std::string bytes;
  std::string diagnostics;
};

Written Write(const layout::LaidOutBook& book, const layout::FontPaths& fonts = TestFonts()) {
  DiagnosticSink sink;
  std::optional<std::string> bytes = WritePdf(book, fonts, &sink);
  Written written{bytes.value_or(""), testing::AllDiagnostics(sink)};
  if (bytes) CHECK(sink.diagnostics().empty());
  return written;
}

ProcessResult Run(const std::vector<std::string>& argv) {
  ProcessResult result = RunProcess(argv, {});
  INFO(argv[0] << " stderr: " << result.err);
  REQUIRE(result.started);
  return result;
}

// The sample book, written once and kept for the tests that only read it.
const std::string& SamplePdfPath() {
  static testing::TempDir dir;
  static const std::string path = [] {
    Written pdf = Write(SampleBook());
    if (!pdf.diagnostics.empty()) throw std::runtime_error(pdf.diagnostics);
    dir.Write("book.pdf", pdf.bytes);
    return dir.Path("book.pdf");
  }();
  return path;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("WritePdf writes a PDF 1.7 file qpdf finds valid", "[pdf]") {
  ProcessResult check = Run({"qpdf", "--check", SamplePdfPath()});
  CHECK(check.exit_status == 0);
  CHECK(Contains(check.out, "No syntax or stream encoding errors found"));
  CHECK(check.err == "");
  ProcessResult info = Run({"pdfinfo", SamplePdfPath()});
  CHECK(Contains(info.out, "PDF version:     1.7\n"));
}

TEST_CASE("WritePdf embeds a subset of every used face with a ToUnicode map", "[pdf]") {
  ProcessResult fonts = Run({"pdffonts", SamplePdfPath()});
  REQUIRE(fonts.exit_status == 0);
  CHECK(fonts.err == "");
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end = fonts.out.find('\n'); end != std::string::npos;
       start = end + 1, end = fonts.out.find('\n', start)) {
    lines.push_back(fonts.out.substr(start, end - start));
  }
  REQUIRE(lines.size() == 2 + 6);  // header, rule, and the six faces the runs use
  std::string names;
  for (size_t i = 2; i < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(std::regex_search(lines[i], std::regex("Identity-H +yes yes yes ")));
    names += lines[i].substr(0, lines[i].find(' ')) + "\n";
  }
  // Subset tags follow the fixed Face order; unused faces (mono bold, bold
  // italic ...) are not embedded at all.
  CHECK(Contains(names, "HPDFAA+GoRegular\n"));
  CHECK(Contains(names, "HPDFAB+Go-Italic,Italic\n"));
  CHECK(Contains(names, "HPDFAC+Go-Bold,Bold\n"));
  CHECK(Contains(names, "HPDFAD+GoMono\n"));
  CHECK(Contains(names, "HPDFAE+DejaVuSans,Book\n"));
  CHECK(Contains(names, "HPDFAF+DroidSansFallback\n"));
}

TEST_CASE("pdftotext gives the text back without ToUnicode warnings", "[pdf]") {
  ProcessResult text = Run({"pdftotext", SamplePdfPath(), "-"});
  REQUIRE(text.exit_status == 0);
  CHECK(text.err == "");  // poppler warns about libharu's own CID ToUnicode CMap
  CHECK(Contains(text.out, "Contents\n"));
  CHECK(Contains(text.out, "Hello, 世界\n"));
  CHECK(Contains(text.out, "✓ done\n"));
  CHECK(Contains(text.out, "A naïve café—“smart” quote\n"));
  CHECK(Contains(text.out, "1.1 Café ≈ naïve\n"));
}

TEST_CASE("ActualText gives a code line back with its exact spaces", "[pdf]") {
  ProcessResult text = Run({"pdftotext", "-layout", SamplePdfPath(), "-"});
  REQUIRE(text.exit_status == 0);
  CHECK(text.err == "");
  CHECK(Contains(text.out, "\n" + std::string(kCodeLine) + "\n"));
  ProcessResult raw = Run({"pdftotext", SamplePdfPath(), "-"});
  CHECK(Contains(raw.out, "\n" + std::string(kCodeLine) + "\n"));
}

TEST_CASE("pdfinfo shows the document info, page count and size", "[pdf]") {
  ProcessResult info = Run({"pdfinfo", SamplePdfPath()});
  REQUIRE(info.exit_status == 0);
  CHECK(info.err == "");
  CHECK(Contains(info.out, "Title:           The Go Book — “Concurrency”\n"));
  CHECK(Contains(info.out, "Subject:         Go\n"));
  CHECK(Contains(info.out, "Keywords:        go, café\n"));
  CHECK(Contains(info.out, "Author:          Renée Müller\n"));
  CHECK(Contains(info.out, "Creator:         gobook 0.1\n"));
  CHECK(Contains(info.out, "Producer:        gobook\n"));
  CHECK(Contains(info.out, "CreationDate:    Thu Feb 29 12:30:15 2024 UTC\n"));
  CHECK(Contains(info.out, "ModDate:         Thu Feb 29 12:30:15 2024 UTC\n"));
  CHECK(Contains(info.out, "Pages:           4\n"));
  CHECK(Contains(info.out, "Page size:       595.276 x 841.89 pts (A4)\n"));
}

TEST_CASE("the outline keeps non-ASCII titles and points at the right pages", "[pdf]") {
  ProcessResult json = Run({"qpdf", "--json", "--json-key=outlines", SamplePdfPath()});
  REQUIRE(json.exit_status == 0);
  // Destinations in document order (a parent's comes before its kids').
  std::string found;
  std::regex title_page(
      "\"dest\": \\[\\s*\"\\d+ 0 R\",\\s*\"/XYZ\",\\s*0,\\s*[0-9.]+,\\s*null\\s*\\],"
      "\\s*\"destpageposfrom1\": (\\d+)");
  size_t destinations = 0;
  for (auto it = std::sregex_iterator(json.out.begin(), json.out.end(), title_page);
       it != std::sregex_iterator(); ++it) {
    found += (*it)[1].str() + " ";
    ++destinations;
  }
  CHECK(found == "1 3 4 ");  // every bookmark is [page /XYZ 0 top null]
  CHECK(Contains(json.out, "\"title\": \"Contents\""));
  CHECK(Contains(json.out, "\"title\": \"1 Getting started “Hello, 世界”\""));
  CHECK(Contains(json.out, "\"title\": \"1.1 Café ≈ naïve\""));
  // The child is nested inside its parent's kids.
  size_t parent_kids = json.out.find("\"kids\": [\n        {");
  size_t child = json.out.find("1.1 Café ≈ naïve");
  size_t parent = json.out.find("1 Getting started");
  CHECK(parent_kids < child);
  CHECK(child < parent);
  CHECK(destinations == 3);
}

// The labels of every page, as a reader shows them ("i ii 1 2 ").
std::string PageLabels(const std::string& pdf) {
  ProcessResult json = Run({"qpdf", "--json", "--json-key=pages", pdf});
  std::regex label("\"label\": \\{\\s*\"/S\": \"/(\\w)\",\\s*\"/St\": (\\d+)");
  std::string out;
  for (auto it = std::sregex_iterator(json.out.begin(), json.out.end(), label);
       it != std::sregex_iterator(); ++it) {
    int number = std::stoi((*it)[2].str());
    if ((*it)[1].str() == "r") {
      static const char* kRoman[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
      out += number < 10 ? kRoman[number] : "?";
    } else {
      out += std::to_string(number);
    }
    out += " ";
  }
  return out;
}

TEST_CASE("page labels come out in page order even when given out of order", "[pdf]") {
  CHECK(PageLabels(SamplePdfPath()) == "i ii 1 2 ");
}

// A QDF file (qpdf's readable form) split into objects, with the page number
// of every page object, to follow link annotations to their target page.
struct Qdf {
  std::map<int, std::string> objects;
  std::map<int, int> page_of_object;

  explicit Qdf(const std::string& text) {
    std::regex header("(?:%% Page (\\d+)\\n)?%% Original object ID: \\d+ 0\\n(\\d+) 0 obj\\n");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), header);
         it != std::sregex_iterator(); ++it) {
      int number = std::stoi((*it)[2].str());
      size_t body = static_cast<size_t>(it->position() + it->length());
      objects[number] = text.substr(body, text.find("\nendobj", body) - body);
      if ((*it)[1].matched) page_of_object[number] = std::stoi((*it)[1].str());
    }
  }
  // "pages: 3" for each internal link on `page`, "uri: ..." for each URI link,
  // and whether each has a zero border.
  std::string LinksOn(int page) const {
    int page_object = 0;
    for (const auto& [object, number] : page_of_object) {
      if (number == page) page_object = object;
    }
    std::string out;
    std::smatch match;
    std::string body = objects.at(page_object);
    std::regex reference("(\\d+) 0 R");
    size_t annots = body.find("/Annots [");
    if (annots == std::string::npos) return out;
    std::string list = body.substr(annots, body.find(']', annots) - annots);
    for (auto it = std::sregex_iterator(list.begin(), list.end(), reference);
         it != std::sregex_iterator(); ++it) {
      const std::string& annot = objects.at(std::stoi((*it)[1].str()));
      if (std::regex_search(annot, match, std::regex("/Dest (\\d+) 0 R"))) {
        const std::string& dest = objects.at(std::stoi(match[1].str()));
        std::regex_search(dest, match, reference);
        out += "page " + std::to_string(page_of_object.at(std::stoi(match[1].str())));
        if (!std::regex_search(dest, std::regex("/XYZ\\s+0\\s+[0-9.]+\\s+null"))) {
          out += " (not XYZ null)";
        }
      } else if (std::regex_search(annot, match, std::regex("/URI \\(([^)]*)\\)"))) {
        out += "uri " + match[1].str();
      }
      if (!std::regex_search(annot, std::regex("/Border \\[\\s*0\\s+0\\s+0\\s*\\]"))) {
        out += " (border)";
      }
      out += "\n";
    }
    return out;
  }
};

TEST_CASE("links resolve to their destination's page with no border", "[pdf]") {
  testing::TempDir dir;
  ProcessResult qdf = Run({"qpdf", "--qdf", "--object-streams=disable", SamplePdfPath(),
                           dir.Path("book.qdf")});
  REQUIRE(qdf.exit_status == 0);
  Qdf parsed(dir.Read("book.qdf"));
  CHECK(parsed.page_of_object.size() == 4);
  CHECK(parsed.LinksOn(1) ==
        "page 3\n"
        "uri https://go.dev/ref/spec#Send_statements?q=%C3%A9\n");
  CHECK(parsed.LinksOn(2) == "");
  CHECK(parsed.LinksOn(4) == "page 1\n");
}

TEST_CASE("two writes of the same book give the same bytes", "[pdf]") {
  Written first = Write(SampleBook());
  Written second = Write(SampleBook());
  REQUIRE(first.diagnostics == "");
  REQUIRE(!first.bytes.empty());
  CHECK(first.bytes == second.bytes);
  // The /ID comes from the book: another title gives another /ID.
  std::regex id("/ID \\[ <([0-9A-F]{32})> <\\1> \\]");
  std::smatch first_id;
  REQUIRE(std::regex_search(first.bytes, first_id, id));
  layout::LaidOutBook other = SampleBook();
  other.info.title = "Another title";
  Written third = Write(other);
  std::smatch third_id;
  REQUIRE(std::regex_search(third.bytes, third_id, id));
  CHECK(first_id[1].str() != third_id[1].str());
}

TEST_CASE("a two-page book is small", "[pdf]") {
  layout::LaidOutBook book;
  book.info.title = "Two pages";
  book.info.date = "D:20240101000000+00'00'";
  book.pages.resize(2);
  Line(&book.pages[0], 72, 100).Add(Face::kRegular, "Hello, reader.");
  Line(&book.pages[1], 72, 100).Add(Face::kMono, "fmt.Println(\"hi\")", 10);
  Written pdf = Write(book);
  REQUIRE(pdf.diagnostics == "");
  // Two subset Go fonts (the glyf table only is subset in libharu 2.3.0).
  CHECK(pdf.bytes.size() < 80'000);
  testing::TempDir dir;
  dir.Write("two.pdf", pdf.bytes);
  CHECK(Run({"qpdf", "--check", dir.Path("two.pdf")}).exit_status == 0);
  CHECK(PageLabels(dir.Path("two.pdf")) == "");
}

TEST_CASE("CheckPng reads the whole PNG", "[pdf]") {
  CHECK(CheckPng(kPng) == "");
  CHECK(CheckPng("") == "not a png file");
  CHECK(CheckPng(kJpeg) == "not a png file");
  CHECK(CheckPng(kPng.substr(0, 60)) == "truncated file");
  std::string bad_crc = kPng;
  bad_crc[84] = static_cast<char>(bad_crc[84] ^ 0x01);  // the IDAT chunk's CRC
  CHECK(CheckPng(bad_crc) == "idat: crc error");
  CHECK(CheckPng(kInterlacedPng) == "interlaced png (libharu cannot load it)");
}

TEST_CASE("CheckJpeg wants the start and end markers", "[pdf]") {
  CHECK(CheckJpeg(kJpeg) == "");
  CHECK(CheckJpeg(kPng) == "not a jpeg file");
  CHECK(CheckJpeg(kJpeg.substr(0, kJpeg.size() - 10)) == "truncated jpeg (no end marker)");
}

layout::LaidOutBook BookWithImage(layout::ImageBox image) {
  layout::LaidOutBook book;
  book.pages.resize(1);
  image.width = image.height = 50;
  book.pages[0].items.push_back(image);
  return book;
}

TEST_CASE("WritePdf reports bad images instead of aborting", "[pdf]") {
  testing::TempDir dir;
  dir.Write("cut.png", kPng.substr(0, 60));
  layout::ImageBox from_file;
  from_file.source = dir.Path("cut.png");
  layout::ImageBox corrupt;
  std::string flipped = kPng;
  flipped[84] = static_cast<char>(flipped[84] ^ 0x01);
  corrupt.bytes = std::make_shared<const std::string>(flipped);
  layout::ImageBox interlaced;
  interlaced.bytes = std::make_shared<const std::string>(kInterlacedPng);
  layout::ImageBox missing;
  missing.source = dir.Path("missing.jpg");
  missing.jpeg = true;
  layout::LaidOutBook book = BookWithImage(from_file);
  book.pages.push_back(BookWithImage(corrupt).pages[0]);
  book.pages.push_back(BookWithImage(interlaced).pages[0]);
  book.pages.push_back(BookWithImage(missing).pages[0]);
  DiagnosticSink sink;
  CHECK_FALSE(WritePdf(book, TestFonts(), &sink));
  CHECK(testing::ReplaceAll(testing::AllDiagnostics(sink), dir.path(), "DIR") ==
        "gobook: error: PDF: image 'DIR/cut.png': truncated file\n"
        "gobook: error: PDF: image rendered for page 2: idat: crc error\n"
        "gobook: error: PDF: image rendered for page 3: interlaced png (libharu cannot load it)\n"
        "hint: save the image without interlacing\n"
        "gobook: error: PDF: image 'DIR/missing.jpg': no such file\n");
}

TEST_CASE("WritePdf draws PNG and JPEG images from files and memory", "[pdf]") {
  testing::TempDir dir;
  dir.Write("pic.png", kPng);
  dir.Write("photo.jpg", kJpeg);
  layout::ImageBox png_file;
  png_file.source = dir.Path("pic.png");
  layout::ImageBox jpeg_file;
  jpeg_file.source = dir.Path("photo.jpg");
  jpeg_file.jpeg = true;
  layout::LaidOutBook book = BookWithImage(png_file);
  book.pages[0].items.push_back(BookWithImage(jpeg_file).pages[0].items[0]);
  book.pages[0].items.push_back(BookWithImage(png_file).pages[0].items[0]);  // loaded once
  Written pdf = Write(book);
  REQUIRE(pdf.diagnostics == "");
  dir.Write("images.pdf", pdf.bytes);
  ProcessResult list = Run({"pdfimages", "-list", dir.Path("images.pdf")});
  REQUIRE(list.exit_status == 0);
  CHECK(std::regex_search(list.out, std::regex("image +4 +4 +rgb +3 +8 +image")));
  CHECK(std::regex_search(list.out, std::regex("image +4 +4 +rgb +3 +8 +jpeg")));
  // Three draws, two image objects.
  CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 2 + 3);
  ProcessResult pages = Run({"qpdf", "--show-npages", dir.Path("images.pdf")});
  CHECK(pages.out == "1\n");
}

TEST_CASE("WritePdf refuses files that are not TrueType fonts", "[pdf]") {
  testing::TempDir dir;
  // libharu itself crashes (SIGSEGV) on a file that is not a font.
  dir.Write("not-a-font.ttf", "this is not a font file at all");
  layout::FontPaths fonts = TestFonts();
  fonts[0] = dir.Path("not-a-font.ttf");
  layout::LaidOutBook book;
  book.pages.resize(1);
  Line(&book.pages[0], 72, 100).Add(Face::kRegular, "Hello");
  DiagnosticSink sink;
  CHECK_FALSE(WritePdf(book, fonts, &sink));
  CHECK(testing::ReplaceAll(testing::AllDiagnostics(sink), dir.path(), "DIR") ==
        "gobook: error: PDF: cannot load the regular font 'DIR/not-a-font.ttf': "
        "not a TrueType font\n");
  fonts[0] = dir.Path("none.ttf");
  DiagnosticSink missing;
  CHECK_FALSE(WritePdf(book, fonts, &missing));
  CHECK(testing::ReplaceAll(testing::AllDiagnostics(missing), dir.path(), "DIR") ==
        "gobook: error: PDF: cannot load the regular font 'DIR/none.ttf': no such file\n");
}

TEST_CASE("WritePdf reports libharu's error code and stops", "[pdf]") {
  layout::LaidOutBook book;
  book.pages.resize(1);
  // Zero-width pages are below libharu's minimum (3 points).
  book.size.width = 0;
  DiagnosticSink sink;
  CHECK_FALSE(WritePdf(book, TestFonts(), &sink));
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: PDF: cannot add page 1 (libharu error 0x1054)\n");
}

TEST_CASE("WritePdf reports links to unknown destinations and bad dates", "[pdf]") {
  layout::LaidOutBook book;
  book.pages.resize(1);
  book.pages[0].items.push_back(layout::LinkArea{0, 0, 10, 10, "nowhere", ""});
  DiagnosticSink sink;
  CHECK_FALSE(WritePdf(book, TestFonts(), &sink));
  CHECK(testing::AllDiagnostics(sink) ==
        "gobook: error: PDF: cannot add the link to 'nowhere' on page 1: no such destination\n");

  layout::LaidOutBook dated;
  dated.pages.resize(1);
  dated.info.date = "2024-02-29";
  DiagnosticSink date_sink;
  CHECK_FALSE(WritePdf(dated, TestFonts(), &date_sink));
  CHECK(testing::AllDiagnostics(date_sink) ==
        "gobook: error: PDF: invalid document date '2024-02-29'\n"
        "hint: write it as D:YYYYMMDDHHmmSS+00'00'\n");
}

}  // namespace
}  // namespace gobook::pdf
