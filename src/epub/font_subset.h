// Embedded fonts cut down to the characters the book uses: a reader downloads
// and a reading system parses a tenth of the bytes, and the glyphs it shows are
// the same. HarfBuzz's subsetter keeps the layout tables (kerning, ligatures)
// for the characters that stay.
#ifndef GOBOOK_EPUB_FONT_SUBSET_H_
#define GOBOOK_EPUB_FONT_SUBSET_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace gobook::epub {

// Every character of the given texts (UTF-8; invalid bytes are skipped), plus
// printable ASCII, which a reading system may set in the book's font itself
// (search boxes, footnote pop-ups).
class CharacterSet {
 public:
  CharacterSet();
  void AddText(std::string_view utf8);
  const std::set<char32_t>& code_points() const { return code_points_; }

 private:
  std::set<char32_t> code_points_;
};

// The TrueType or OpenType font `font` keeping only `characters`; nullopt with
// `error` set when HarfBuzz cannot read or cut it.
std::optional<std::string> SubsetFont(std::string_view font, const CharacterSet& characters,
                                      std::string* error);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_FONT_SUBSET_H_
