#include "util/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gobook {

size_t FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn position;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

namespace {

bool KeptInAnchor(UChar32 c) {
  if (c == '-' || c == '_') return true;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<size_t>(length));
}

}  // namespace

std::string GitHubSlug(std::string_view heading_text) {
  std::string slug;
  const auto* bytes = reinterpret_cast<const uint8_t*>(heading_text.data());
  int32_t length = static_cast<int32_t>(heading_text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (c == ' ') {
      slug += '-';
    } else if (KeptInAnchor(c)) {
      AppendUtf8(slug, u_tolower(c));
    }
  }
  return slug;
}

std::string ExpandTabs(std::string_view text, int width) {
  std::string out;
  out.reserve(text.size());
  int column = 0;
  for (char ch : text) {
    if (ch == '\t') {
      int spaces = width - column % width;
      out.append(static_cast<size_t>(spaces), ' ');
      column += spaces;
      continue;
    }
    out += ch;
    if (ch == '\n') {
      column = 0;
    } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++column;  // count code points, not continuation bytes
    }
  }
  return out;
}

int DisplayColumns(std::string_view line) {
  int column = 0;
  for (char ch : line) {
    if (ch == '\t') {
      column += 4 - column % 4;
    } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return column;
}

std::string_view Trim(std::string_view text) {
  const char* kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                 ch == '\f' || ch == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace gobook
