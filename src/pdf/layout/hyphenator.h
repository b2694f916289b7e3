// Hyphenation points for English words, from a real pattern dictionary: libhyphen
// (the library LibreOffice uses) with Debian's en-US patterns, the ones TeX's
// hyphen.tex grew into. The paragraph composer asks it where a word may be split
// and leaves the choice of whether to split to the line breaker.
#ifndef GOBOOK_PDF_LAYOUT_HYPHENATOR_H_
#define GOBOOK_PDF_LAYOUT_HYPHENATOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::layout {

// The fewest letters a word keeps before and after a hyphenation point: TeX's
// \lefthyphenmin and \righthyphenmin for English ("re-" may start a line's
// break, but "-ly" may not end a word's).
inline constexpr int kLeftHyphenMin = 2;
inline constexpr int kRightHyphenMin = 3;

// Hyphenation points from a real dictionary (libhyphen with Debian's en-US patterns,
// /usr/share/hyphen/hyph_en_US.dic).
class Hyphenator {
 public:
  // Loads a libhyphen .dic file; null with `error` set when it cannot be read.
  static std::unique_ptr<Hyphenator> Load(const std::string& dictionary_path, std::string* error);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Byte offsets inside `word` where a hyphen may break it, honouring at least 2
  // letters before and 3 after a break (TeX's \lefthyphenmin/\righthyphenmin for English).
  // Only words of letters are hyphenated (no digits, no code, no URLs); a word with an
  // existing hyphen breaks only after that hyphen. Case-insensitive.
  std::vector<size_t> Points(std::string_view word) const;

 private:
  // Owns libhyphen's dictionary; only hyphenator.cc includes <hyphen.h>.
  struct Dictionary;
  explicit Hyphenator(std::unique_ptr<Dictionary> dictionary);
  // The pattern points of a word made only of letters.
  std::vector<size_t> PatternPoints(std::string_view word) const;

  std::unique_ptr<Dictionary> dictionary_;
};

// True for the letters the English patterns know: ASCII letters and the Latin-1 and
// Latin Extended-A letters of borrowed words (café, naïve).
bool IsHyphenatableLetter(char32_t code_point);

}  // namespace gobook::layout

#endif  // GOBOOK_PDF_LAYOUT_HYPHENATOR_H_
