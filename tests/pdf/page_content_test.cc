// Tests of PageContent: the operators a laid-out page becomes, read as text.
// (pdf_writer_test.cc checks the same pages through qpdf and poppler.)
#include "pdf/page_content.h"

#include <catch2/catch.hpp>

#include <string>

namespace gobook::pdf {
namespace {

using layout::ActualTextBegin;
using layout::ActualTextEnd;
using layout::Color;
using layout::Face;
using layout::FilledRect;
using layout::GlyphRun;
using layout::ImageBox;
using layout::LinkArea;
using layout::StrokedLine;

constexpr double kHeight = 800;

PageResources Resources() {
  PageResources resources;
  resources.fonts[static_cast<size_t>(Face::kRegular)] = "F1";
  resources.fonts[static_cast<size_t>(Face::kMono)] = "F2";
  resources.images = {"X1"};
  return resources;
}

std::string Content(std::vector<layout::PageItem> items) {
  layout::Page page;
  page.items = std::move(items);
  return PageContent(page, kHeight, Resources());
}

TEST_CASE("a run of text is a text object at its baseline, in 2-byte code points") {
  CHECK(Content({GlyphRun{72, 100.5, Face::kRegular, 10, Color{}, "Go \u00E9"}}) ==
        "0 0 0 rg\nBT\n/F1 10 Tf\n72 699.5 Td\n<0047006F002000E9> Tj\nET\n");
}

TEST_CASE("numbers keep three decimals at most, without trailing zeros") {
  std::string content =
      Content({GlyphRun{110.52779, 100.0004, Face::kRegular, 9.45, Color{26, 79, 139}, "a"}});
  CHECK(content.find("0.102 0.31 0.545 rg\n") == 0);
  CHECK(content.find("/F1 9.45 Tf\n110.528 700 Td\n") != std::string::npos);
}

TEST_CASE("a colour, font or line style is written only when it changes") {
  std::string content = Content({
      GlyphRun{10, 10, Face::kRegular, 10, Color{}, "a"},
      GlyphRun{20, 10, Face::kRegular, 10, Color{}, "b"},
      GlyphRun{30, 10, Face::kMono, 10, Color{}, "c"},
      StrokedLine{0, 5, 100, 5, 0.5, Color{255, 0, 0}, true},
      StrokedLine{0, 6, 100, 6, 0.5, Color{255, 0, 0}, true},
      StrokedLine{0, 7, 100, 7, 1, Color{255, 0, 0}, false},
  });
  CHECK(content ==
        "0 0 0 rg\n"
        "BT\n/F1 10 Tf\n10 790 Td\n<0061> Tj\nET\n"
        "BT\n20 790 Td\n<0062> Tj\nET\n"
        "BT\n/F2 10 Tf\n30 790 Td\n<0063> Tj\nET\n"
        "1 0 0 RG\n0.5 w\n[3 2] 0 d\n0 795 m\n100 795 l\nS\n"
        "0 794 m\n100 794 l\nS\n"
        "1 w\n[] 0 d\n0 793 m\n100 793 l\nS\n");
}

TEST_CASE("rectangles and images are drawn; links are not content") {
  ImageBox image;
  image.x = 50;
  image.y = 100;
  image.width = 200;
  image.height = 150;
  LinkArea link;
  link.destination = "intro";
  CHECK(Content({FilledRect{10, 20, 30, 40, Color{255, 255, 255}}, image, link}) ==
        "1 1 1 rg\n10 740 30 40 re\nf\n"
        "q\n200 0 0 150 50 550 cm\n/X1 Do\nQ\n");
}

TEST_CASE("ActualText spans wrap their runs, and a span left open is closed at the page end") {
  std::string content = Content({
      ActualTextBegin{"recovered"},
      GlyphRun{10, 10, Face::kRegular, 10, Color{}, "re-"},
      ActualTextEnd{},
      ActualTextEnd{},  // nothing open: nothing written
      ActualTextBegin{"\U0001F600"},
  });
  CAPTURE(content);
  CHECK(content.find("/Span <</ActualText <FEFF007200650063006F00760065007200650064>>> BDC\n"
                     "0 0 0 rg\nBT\n") == 0);
  CHECK(content.find("ET\nEMC\n/Span <</ActualText <FEFFD83DDE00>>> BDC\nEMC\n") !=
        std::string::npos);
}

TEST_CASE("text a CID font of BMP code points cannot show becomes U+FFFD or a space") {
  CHECK(Content({GlyphRun{0, 0, Face::kRegular, 10, Color{}, "\U0001F600\x01"}}).find(
            "<FFFD0020> Tj") != std::string::npos);
  CHECK(ForHaru("a\U0001F600\tb") == "a\uFFFD b");
}

}  // namespace
}  // namespace gobook::pdf
