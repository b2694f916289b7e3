// Tests of font subsetting: what a subset keeps and drops, and bad input.
#include "fonts/subset.h"

#include <catch2/catch.hpp>
#include <hb.h>

#include <optional>
#include <string>
#include <vector>

#include "util/files.h"

namespace gobook::fonts {
namespace {

std::string GoRegular() {
  std::string error;
  std::optional<std::string> bytes =
      ReadFile(std::string(GOBOOK_SOURCE_DIR) + "/fonts/Go-Regular.ttf", &error);
  REQUIRE(bytes);
  return *bytes;
}

bool HasGlyph(const std::string& font, char32_t c) {
  hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* hb = hb_font_create(face);
  hb_codepoint_t glyph = 0;
  bool found = hb_font_get_nominal_glyph(hb, c, &glyph);
  hb_font_destroy(hb);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return found;
}

TEST_CASE("a subset font keeps the book's characters and printable ASCII, and drops the rest") {
  std::string font = GoRegular();
  REQUIRE(HasGlyph(font, U'\u00E9'));  // é: the full font has it
  REQUIRE(HasGlyph(font, U'\u0416'));  // Ж
  CharacterSet characters;
  characters.AddPrintableAscii();
  characters.AddText("caf\u00E9 \u2014 \u2026");
  std::string error;
  std::optional<std::string> subset = SubsetFont(font, characters, &error);
  REQUIRE(subset);
  CHECK(subset->size() < font.size() / 4);
  for (char32_t c : {U'c', U'\u00E9', U'\u2014', U'\u2026', U'Q', U'~'}) CHECK(HasGlyph(*subset, c));
  CHECK_FALSE(HasGlyph(*subset, U'\u0416'));
}

TEST_CASE("invalid UTF-8 in a text adds nothing but its valid characters") {
  CharacterSet characters;
  characters.AddText("\xff\xfe\xC3\xA9\xE2\x82");
  CHECK(characters.code_points() == std::vector<char32_t>{U'\u00E9'});
  characters.AddText("\u00E9\u00E9");
  CHECK(characters.code_points().size() == 1);
  CHECK_FALSE(characters.Contains(U'a'));
  characters.AddPrintableAscii();
  CHECK(characters.code_points().size() == 1 + 95);
  CHECK(characters.Contains(U'a'));
}

TEST_CASE("bytes that are not a font are an error, not a crash") {
  std::string error;
  CHECK_FALSE(SubsetFont("not a font at all", CharacterSet(), &error));
  CHECK(error == "not a font HarfBuzz can read");
}

}  // namespace
}  // namespace gobook::fonts
