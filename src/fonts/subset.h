// Embedded fonts cut down to the characters the book uses, for both writers. In
// the EPUB a reader downloads and a reading system parses a tenth of the bytes;
// in the PDF libharu gets a font whose cmap it can search quickly (it walks a
// font's cmap for every one of the 65,536 BMP code points, and copies its big
// tables whole). The glyphs shown are the same. HarfBuzz's subsetter keeps the
// layout tables (kerning, ligatures) for the characters that stay.
#ifndef GOBOOK_FONTS_SUBSET_H_
#define GOBOOK_FONTS_SUBSET_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::fonts {

// Every character of the given texts (UTF-8; invalid bytes are skipped).
class CharacterSet {
 public:
  void AddText(std::string_view utf8);
  void Add(char32_t c);
  void AddAll(const CharacterSet& other);
  // U+0020 to U+007E: the EPUB keeps them all, since a reading system may set
  // its own text (search boxes, footnote pop-ups) in the book's font.
  void AddPrintableAscii();
  bool empty() const { return code_points_.empty(); }
  // In the order first seen.
  const std::vector<char32_t>& code_points() const { return code_points_; }
  bool Contains(char32_t c) const { return c < seen_.size() && seen_[c]; }

 private:
  // A bit per Unicode code point: every character of the book passes through
  // here, and a tree insert each was a tenth of a whole EPUB build.
  std::vector<bool> seen_ = std::vector<bool>(0x110000);
  // ASCII again, as bytes: most of a page is ASCII, and this test is cheaper.
  std::array<bool, 0x80> ascii_seen_{};
  std::vector<char32_t> code_points_;
};

// The TrueType or OpenType font `font` keeping only `characters`; nullopt with
// `error` set when HarfBuzz cannot read or cut it.
std::optional<std::string> SubsetFont(std::string_view font, const CharacterSet& characters,
                                      std::string* error);

}  // namespace gobook::fonts

#endif  // GOBOOK_FONTS_SUBSET_H_
