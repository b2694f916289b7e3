// Tests of SVG rendering and the image cache (raster/image_cache.h): the PNG's
// form, the same bytes with a cold or a warm cache, a truncated or corrupt entry
// rendered again, never used, and the cache's folder. Every test uses a cache
// folder of its own through GOBOOK_CACHE_DIR, never the user's.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "raster/raster.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace gobook::raster {
namespace {

const char kSvg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
    "<rect x=\"2\" y=\"2\" width=\"20\" height=\"10\" fill=\"#336699\"/>"
    "<text x=\"4\" y=\"18\" font-family=\"Go\" font-size=\"8\">Go</text></svg>";
const char kOtherSvg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
    "<circle cx=\"20\" cy=\"10\" r=\"8\" fill=\"#993300\"/></svg>";

using testing::ScopedEnv;

std::vector<std::string> FilesIn(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

void UseBookFonts() {
  std::string error;
  REQUIRE(UseOnlyFontsIn(std::string(GOBOOK_SOURCE_DIR) + "/fonts", &error));
}

TEST_CASE("RenderSvgToPng writes a whole 8-bit RGB PNG, not interlaced", "[raster]") {
  std::string error;
  std::optional<std::string> png = RenderSvgToPng(kSvg, {80, 40}, 0xFFFFFF, &error);
  REQUIRE(png);
  CHECK(IsWholePng(*png));
  std::optional<Size> size = RasterSize(*png);
  REQUIRE(size);
  CHECK(size->width == 80);
  CHECK(size->height == 40);
  CHECK(static_cast<int>((*png)[24]) == 8);  // bit depth
  CHECK(static_cast<int>((*png)[25]) == 2);  // colour type: RGB
  CHECK(static_cast<int>((*png)[28]) == 0);  // interlace: none
  CHECK(RenderSvgToPng(kSvg, {80, 40}, 0xFFFFFF, &error) == png);
}

TEST_CASE("IsWholePng refuses truncated, corrupt and padded PNGs", "[raster]") {
  std::string error;
  std::optional<std::string> png = RenderSvgToPng(kSvg, {80, 40}, 0xFFFFFF, &error);
  REQUIRE(png);
  CHECK(IsWholePng(*png));
  CHECK_FALSE(IsWholePng(""));
  CHECK_FALSE(IsWholePng(png->substr(0, png->size() - 1)));
  CHECK_FALSE(IsWholePng(png->substr(0, png->size() / 2)));
  CHECK_FALSE(IsWholePng(*png + "x"));
  std::string flipped = *png;
  flipped[png->size() / 2] = static_cast<char>(flipped[png->size() / 2] ^ 0x10);
  CHECK_FALSE(IsWholePng(flipped));
}

TEST_CASE("The image cache gives the same bytes cold and warm", "[raster]") {
  testing::TempDir dir;
  ScopedEnv cache("GOBOOK_CACHE_DIR", dir.Path("cache").c_str());
  UseBookFonts();
  std::string error;
  std::optional<std::string> direct = RenderSvgToPng(kSvg, {80, 40}, 0xFFFFFF, &error);
  REQUIRE(direct);
  std::optional<std::string> cold = RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error);
  REQUIRE(cold);
  CHECK(*cold == *direct);
  std::vector<std::string> entries = FilesIn(dir.Path("cache"));
  REQUIRE(entries.size() == 1);  // no temporary file left behind
  CHECK(entries[0].size() == 64 + 4);  // SHA-256 in hex + ".png"
  CHECK(dir.Read("cache/" + entries[0]) == *direct);
  std::optional<std::string> warm = RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error);
  REQUIRE(warm);
  CHECK(*warm == *direct);

  SECTION("another size, background or SVG is another entry") {
    REQUIRE(RenderSvgToPngCached(kSvg, {120, 60}, 0xFFFFFF, &error));
    REQUIRE(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFEEDD, &error));
    REQUIRE(RenderSvgToPngCached(kOtherSvg, {80, 40}, 0xFFFFFF, &error));
    CHECK(FilesIn(dir.Path("cache")).size() == 4);
  }

  SECTION("a whole entry is used as it is") {
    std::optional<std::string> other = RenderSvgToPng(kOtherSvg, {80, 40}, 0xFFFFFF, &error);
    REQUIRE(other);
    dir.Write("cache/" + entries[0], *other);
    CHECK(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error) == other);
  }

  SECTION("a truncated or corrupt entry is rendered again and replaced") {
    dir.Write("cache/" + entries[0], direct->substr(0, direct->size() - 5));
    CHECK(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error) == direct);
    CHECK(dir.Read("cache/" + entries[0]) == *direct);
    std::string flipped = *direct;
    flipped[60] = static_cast<char>(flipped[60] ^ 0x01);
    dir.Write("cache/" + entries[0], flipped);
    CHECK(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error) == direct);
    CHECK(dir.Read("cache/" + entries[0]) == *direct);
    dir.Write("cache/" + entries[0], "");
    CHECK(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error) == direct);
  }

  SECTION("an unwritable cache only costs the time") {
    std::filesystem::remove_all(dir.Path("cache"));
    dir.Write("cache", "a file where the folder should be");
    CHECK(RenderSvgToPngCached(kSvg, {80, 40}, 0xFFFFFF, &error) == direct);
  }

  SECTION("an SVG that cannot be rendered is reported and not stored") {
    std::filesystem::remove_all(dir.Path("cache"));
    CHECK_FALSE(RenderSvgToPngCached("<svg", {80, 40}, 0xFFFFFF, &error));
    CHECK(error != "");
    CHECK(FilesIn(dir.Path("cache")).empty());
  }
}

TEST_CASE("SvgSize keeps an SVG's size in the cache, and ignores a bad entry", "[raster]") {
  testing::TempDir dir;
  ScopedEnv cache("GOBOOK_CACHE_DIR", dir.Path("cache").c_str());
  std::string error;
  std::optional<Size> size = SvgSize(kSvg, &error);
  REQUIRE(size);
  CHECK(size->width == 40);
  CHECK(size->height == 20);
  std::vector<std::string> entries = FilesIn(dir.Path("cache"));
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].size() == 64 + 5);  // SHA-256 in hex + ".size"
  CHECK(dir.Read("cache/" + entries[0]) == "40 20\n");

  // The entry is what a warm build reads: an edited one is believed...
  dir.Write("cache/" + entries[0], "41 21\n");
  size = SvgSize(kSvg, &error);
  REQUIRE(size);
  CHECK(size->width == 41);
  // ...a damaged one is measured again and replaced.
  for (const char* bad : {"", "40", "40 20", "-1 20\n", "40 20\nextra", "forty twenty\n"}) {
    INFO("entry \"" << bad << "\"");
    dir.Write("cache/" + entries[0], bad);
    size = SvgSize(kSvg, &error);
    REQUIRE(size);
    CHECK(size->width == 40);
    CHECK(dir.Read("cache/" + entries[0]) == "40 20\n");
  }
  // An SVG that cannot be read is an error every time, and not stored.
  CHECK_FALSE(SvgSize("<svg", &error));
  CHECK(FilesIn(dir.Path("cache")).size() == 1);
}

TEST_CASE("The image cache's folder", "[raster]") {
  ScopedEnv home("HOME", "/home/reader");
  ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
  ScopedEnv own("GOBOOK_CACHE_DIR", nullptr);
  CHECK(ImageCacheFolder() == "/home/reader/.cache/gobook/images");
  {
    ScopedEnv set_xdg("XDG_CACHE_HOME", "/var/cache/reader");
    CHECK(ImageCacheFolder() == "/var/cache/reader/gobook/images");
    ScopedEnv set_own("GOBOOK_CACHE_DIR", "/tmp/figures");
    CHECK(ImageCacheFolder() == "/tmp/figures");
  }
  ScopedEnv no_home("HOME", nullptr);
  CHECK(ImageCacheFolder() == "");
}

}  // namespace
}  // namespace gobook::raster
