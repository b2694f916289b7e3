// Embedded fonts cut down to the characters the book uses: a reader downloads
// and a reading system parses a tenth of the bytes, and the glyphs it shows are
// the same. HarfBuzz's subsetter keeps the layout tables (kerning, ligatures)
// for the characters that stay.
#ifndef GOBOOK_EPUB_FONT_SUBSET_H_
#define GOBOOK_EPUB_FONT_SUBSET_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::epub {

// Every character of the given texts (UTF-8; invalid bytes are skipped), plus
// printable ASCII, which a reading system may set in the book's font itself
// (search boxes, footnote pop-ups).
class CharacterSet {
 public:
  CharacterSet();
  void AddText(std::string_view utf8);
  // In the order first seen.
  const std::vector<char32_t>& code_points() const { return code_points_; }
  bool Contains(char32_t c) const { return c < seen_.size() && seen_[c]; }

 private:
  void Add(char32_t c);

  // A bit per Unicode code point: every character of the book passes through
  // here, and a tree insert each was a tenth of a whole EPUB build.
  std::vector<bool> seen_ = std::vector<bool>(0x110000);
  std::vector<char32_t> code_points_;
};

// The TrueType or OpenType font `font` keeping only `characters`; nullopt with
// `error` set when HarfBuzz cannot read or cut it.
std::optional<std::string> SubsetFont(std::string_view font, const CharacterSet& characters,
                                      std::string* error);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_FONT_SUBSET_H_
