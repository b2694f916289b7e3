// Tests of the PNG pass-through (pdf/pdf_png.h): which PNGs the PDF carries as
// they are, and that such an image shows the same pixels as libharu's own PNG
// loader gives, in a PDF qpdf accepts.
#include "pdf/pdf_png.h"

#include <zlib.h>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pdf/pdf_writer.h"
#include "raster/raster.h"
#include "support/diagnostics_text.h"
#include "support/temp_dir.h"
#include "util/process.h"

namespace gobook::pdf {
namespace {

const char kSvg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"20\">"
    "<rect x=\"2\" y=\"2\" width=\"20\" height=\"10\" fill=\"#336699\"/>"
    "<circle cx=\"22\" cy=\"12\" r=\"6\" fill=\"#993300\"/></svg>";

std::string RenderedPng() {
  std::string error;
  std::optional<std::string> png = raster::RenderSvgToPng(kSvg, {60, 40}, 0xFFFFFF, &error);
  REQUIRE(png);
  return *png;
}

// Sets IHDR byte `at` (0-based in the chunk's data) and fixes the chunk's CRC.
std::string WithIhdrByte(std::string png, size_t at, char value) {
  png[16 + at] = value;
  uLong crc = crc32_z(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17);
  for (int i = 0; i < 4; ++i) png[29 + i] = static_cast<char>(crc >> (24 - 8 * i));
  return png;
}

ProcessResult Run(const std::vector<std::string>& argv) {
  ProcessResult result = RunProcess(argv, {});
  INFO(argv[0] << " stderr: " << result.err);
  REQUIRE(result.started);
  return result;
}

TEST_CASE("PassThroughPng takes a rendered PNG's compressed rows", "[pdf]") {
  std::optional<FlatePng> flate = PassThroughPng(RenderedPng());
  REQUIRE(flate);
  CHECK(flate->width == 60);
  CHECK(flate->height == 40);
  CHECK(flate->colors == 3);
  // The stream holds each row with its filter byte in front.
  std::string rows(40 * (1 + 60 * 3) + 1, '\0');
  uLongf size = rows.size();
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(rows.data()), &size,
                     reinterpret_cast<const Bytef*>(flate->data.data()),
                     flate->data.size()) == Z_OK);
  CHECK(size == 40 * (1 + 60 * 3));
}

TEST_CASE("PassThroughPng leaves other PNGs to the checked loader", "[pdf]") {
  std::string png = RenderedPng();
  CHECK_FALSE(PassThroughPng(""));
  CHECK_FALSE(PassThroughPng(png.substr(0, png.size() - 1)));
  CHECK_FALSE(PassThroughPng(png + "x"));
  std::string flipped = png;
  flipped[png.size() / 2] = static_cast<char>(flipped[png.size() / 2] ^ 0x01);
  CHECK_FALSE(PassThroughPng(flipped));                 // a CRC error
  CHECK(PassThroughPng(WithIhdrByte(png, 9, 2)));       // RGB, CRC recomputed: still fine
  CHECK_FALSE(PassThroughPng(WithIhdrByte(png, 9, 6)));  // RGBA
  CHECK_FALSE(PassThroughPng(WithIhdrByte(png, 8, 16)));  // 16-bit
  CHECK_FALSE(PassThroughPng(WithIhdrByte(png, 12, 1)));  // interlaced
}

TEST_CASE("A passed-through PNG shows the pixels libharu's loader shows", "[pdf]") {
  testing::TempDir dir;
  std::string png = RenderedPng();
  dir.Write("figure.png", png);
  layout::LaidOutBook book;
  book.pages.resize(2);
  layout::ImageBox rendered;
  rendered.x = rendered.y = 72;
  rendered.width = 60;
  rendered.height = 40;
  rendered.bytes = std::make_shared<const std::string>(png);
  layout::ImageBox from_file = rendered;
  from_file.bytes = nullptr;
  from_file.source = dir.Path("figure.png");
  book.pages[0].items.push_back(rendered);
  book.pages[0].items.push_back(rendered);  // one image object, drawn twice
  book.pages[1].items.push_back(from_file);
  DiagnosticSink sink;
  std::optional<std::string> pdf = WritePdf(book, layout::FontPaths{}, &sink);
  REQUIRE(testing::AllDiagnostics(sink) == "");
  REQUIRE(pdf);
  dir.Write("book.pdf", *pdf);
  CHECK(pdf->find("/DecodeParms") != std::string::npos);
  CHECK(Run({"qpdf", "--check", dir.Path("book.pdf")}).exit_status == 0);
  ProcessResult list = Run({"pdfimages", "-list", dir.Path("book.pdf")});
  REQUIRE(list.exit_status == 0);
  CHECK(list.out.find("   1     0 image      60    40  rgb     3   8  image") != std::string::npos);
  REQUIRE(Run({"pdfimages", "-png", "-f", "1", "-l", "1", dir.Path("book.pdf"),
               dir.Path("through")}).exit_status == 0);
  REQUIRE(Run({"pdfimages", "-png", "-f", "2", "-l", "2", dir.Path("book.pdf"),
               dir.Path("loaded")}).exit_status == 0);
  CHECK(dir.Read("through-000.png") != "<missing>");
  CHECK(dir.Read("through-000.png") == dir.Read("loaded-000.png"));
  // Drawn twice, stored once (and once more from the file).
  size_t images = 0;
  for (size_t at = pdf->find("/Subtype /Image"); at != std::string::npos;
       at = pdf->find("/Subtype /Image", at + 1)) {
    ++images;
  }
  CHECK(images == 2);
}

}  // namespace
}  // namespace gobook::pdf
