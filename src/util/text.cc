#include "util/text.h"

#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gobook {

size_t FindInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    if (DecodeUtf8(text, &i) < 0) return start;
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

}  // namespace

void AppendUtf8(std::string& out, char32_t code_point) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH,
            static_cast<UChar32>(code_point), error);
  if (!error) out.append(buffer, static_cast<size_t>(length));
}

std::string FormatUtc(std::time_t time, const char* format) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  size_t length = std::strftime(text, sizeof text, format, &utc);
  return std::string(text, length);
}

std::string GitHubSlug(std::string_view heading_text) {
  std::string slug;
  for (size_t i = 0; i < heading_text.size();) {
    UChar32 c = DecodeUtf8(heading_text, &i);
    if (c < 0) continue;
    if (c == ' ') {
      slug += '-';
    } else if (KeptInAnchor(c)) {
      AppendUtf8(slug, static_cast<char32_t>(u_tolower(c)));
    }
  }
  return slug;
}

namespace {

// XML 1.0 (fifth edition) NameStartChar, without ':'.
bool IsNameStart(UChar32 c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
         (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool IsNameChar(UChar32 c) {
  return IsNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

}  // namespace

std::string CodePointName(char32_t code_point) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(code_point));
  return text;
}

size_t FindCharacterXmlForbids(std::string_view text, char32_t* code_point) {
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    UChar32 c = DecodeUtf8(text, &i);
    bool control = c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    if (c < 0 || control || c == 0xFFFE || c == 0xFFFF) {
      *code_point = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
      return start;
    }
  }
  return std::string_view::npos;
}

bool IsXmlName(std::string_view text) {
  bool first = true;
  for (size_t i = 0; i < text.size();) {
    UChar32 c = DecodeUtf8(text, &i);
    if (c < 0 || !(first ? IsNameStart(c) : IsNameChar(c))) return false;
    first = false;
  }
  return !first;
}

std::string ToXmlNameChars(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    UChar32 c = DecodeUtf8(text, &i);
    if (c >= 0 && IsNameChar(c)) {
      out.append(text.substr(start, i - start));
    } else {
      out += '_';
    }
  }
  return out;
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
