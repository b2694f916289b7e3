// Text helpers shared by every stage: UTF-8 validation, GitHub-style anchors,
// tab expansion and positions in a source text.
#ifndef GOBOOK_UTIL_TEXT_H_
#define GOBOOK_UTIL_TEXT_H_

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace gobook {

// The byte offset of the first byte that is not valid UTF-8, or npos when the
// whole text is valid. cmark replaces bad bytes silently, so we check first.
size_t FindInvalidUtf8(std::string_view text);

// The code point at `*offset` in `text` (under 2 GiB), moving `*offset` past
// it; a byte that starts no valid UTF-8 sequence (overlong, surrogate,
// truncated...) gives -1 and moves past the bytes ICU's U8_NEXT skips. Inline:
// it runs over every byte of the book several times.
inline int32_t DecodeUtf8(std::string_view text, size_t* offset) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(*offset);
  UChar32 c;
  U8_NEXT(bytes, i, length, c);
  *offset = static_cast<size_t>(i);
  return c;
}

// 1-based line and column (in bytes) of a byte offset.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

// GitHub's heading anchor rule: lower case; letters, marks, numbers, '_', '-'
// kept; spaces become '-'; everything else dropped. Deduplication (-1, -2) is
// the caller's job since it depends on the other headings of the page.
std::string GitHubSlug(std::string_view heading_text);

// True when `text` is an XML name without colons (an NCName), as XML ids must be.
bool IsXmlName(std::string_view text);

// The byte offset of the first character XML 1.0 forbids (a control character
// other than tab, line feed and carriage return, U+FFFE, U+FFFF, or a byte that
// is not UTF-8), or npos. `*code_point` is that character (U+FFFD for a bad byte).
size_t FindCharacterXmlForbids(std::string_view text, char32_t* code_point);

// Replaces every code point that may not appear in an XML name with '_'.
std::string ToXmlNameChars(std::string_view text);

// "U+00E9": how a diagnostic names a character.
std::string CodePointName(char32_t code_point);

// Appends one code point to `out` as UTF-8 (nothing for an invalid one).
void AppendUtf8(std::string& out, char32_t code_point);

// `time` in UTC as strftime's `format` writes it (at most 63 characters):
// "%Y-%m-%dT%H:%M:%SZ" for EPUB, "D:%Y%m%d%H%M%S+00'00'" for PDF.
std::string FormatUtc(std::time_t time, const char* format);

// Expands tabs to the next multiple of `width` columns, counting code points.
std::string ExpandTabs(std::string_view text, int width = 4);

// Width of a line in columns: code points, with tabs to the next multiple of 4.
int DisplayColumns(std::string_view line);

std::string_view Trim(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

// Splits on runs of ASCII whitespace and counts the pieces.
int CountWords(std::string_view text);

}  // namespace gobook

#endif  // GOBOOK_UTIL_TEXT_H_
