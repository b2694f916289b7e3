#include "highlight/go_lexer.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace gobook::highlight {
namespace {

// Sorted lists, so lookups can use binary search without building a set at
// startup.
constexpr std::array<std::string_view, 25> kKeywords = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
    "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var"};

constexpr std::array<std::string_view, 22> kTypes = {
    "any",     "bool",    "byte",   "comparable", "complex128", "complex64",
    "error",   "float32", "float64", "int",       "int16",      "int32",
    "int64",   "int8",    "rune",   "string",     "uint",       "uint16",
    "uint32",  "uint64",  "uint8",  "uintptr"};

constexpr std::array<std::string_view, 22> kBuiltins = {
    "append", "cap",   "clear", "close",   "complex", "copy",    "delete", "false",
    "imag",   "iota",  "len",   "make",    "max",     "min",     "new",    "nil",
    "panic",  "print", "println", "real",  "recover", "true"};

static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));
static_assert(std::is_sorted(kTypes.begin(), kTypes.end()));
static_assert(std::is_sorted(kBuiltins.begin(), kBuiltins.end()));

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::binary_search(words.begin(), words.end(), word);
}

bool IsDecimalDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) {
  return IsDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Any byte >= 0x80 counts as a letter: it is part of a UTF-8 sequence, and Go
// only allows non-ASCII outside strings and comments in identifiers. Treating
// it as a letter keeps multi-byte characters in one token.
bool IsLetter(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_' ||
         byte >= 0x80;
}

bool IsIdentifierByte(char c) { return IsLetter(c) || IsDecimalDigit(c); }

// Walks the source once. Every Scan* function starts at pos_, consumes at
// least one byte and stops at or before the end, which is what guarantees
// termination, linear time and the round trip.
class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  std::vector<Token> Run() {
    while (pos_ < source_.size()) ScanToken();
    return std::move(tokens_);
  }

 private:
  char At(std::size_t i) const { return i < source_.size() ? source_[i] : '\0'; }

  void ScanToken() {
    const char c = source_[pos_];
    const char next = At(pos_ + 1);
    if (IsLetter(c)) {
      ScanIdentifier();
    } else if (IsDecimalDigit(c) || (c == '.' && IsDecimalDigit(next))) {
      ScanNumber();
    } else if (c == '/' && next == '/') {
      ScanLineComment();
    } else if (c == '/' && next == '*') {
      ScanBlockComment();
    } else if (c == '"' || c == '\'') {
      ScanQuoted(c);
    } else if (c == '`') {
      ScanRawString();
    } else {
      Emit(TokenKind::kPlain, pos_ + 1);
    }
  }

  void ScanIdentifier() {
    std::size_t end = pos_;
    while (end < source_.size() && IsIdentifierByte(source_[end])) ++end;
    const std::string_view word = source_.substr(pos_, end - pos_);
    TokenKind kind = TokenKind::kPlain;
    if (Contains(kKeywords, word)) {
      kind = TokenKind::kKeyword;
    } else if (Contains(kTypes, word)) {
      kind = TokenKind::kType;
    } else if (Contains(kBuiltins, word)) {
      kind = TokenKind::kBuiltin;
    }
    Emit(kind, end);
  }

  // Digits and '_' separators; which digits are valid is not checked, since a
  // highlighter only needs to find where the literal ends.
  std::size_t SkipDigits(std::size_t i, bool hex) const {
    while (i < source_.size() &&
           (source_[i] == '_' || (hex ? IsHexDigit(source_[i]) : IsDecimalDigit(source_[i])))) {
      ++i;
    }
    return i;
  }

  // Consumes an exponent only when digits follow, so "1else" or a stray 'e'
  // does not swallow the start of a neighbouring identifier.
  std::size_t SkipExponent(std::size_t i, char lower_marker) const {
    const char marker = At(i);
    if (marker != lower_marker && marker != lower_marker - ('a' - 'A')) return i;
    std::size_t j = i + 1;
    if (At(j) == '+' || At(j) == '-') ++j;
    if (!IsDecimalDigit(At(j))) return i;
    return SkipDigits(j, /*hex=*/false);
  }

  void ScanNumber() {
    std::size_t i = pos_;
    const char prefix = At(i + 1);
    if (At(i) == '0' && (prefix == 'x' || prefix == 'X')) {
      i = SkipDigits(i + 2, /*hex=*/true);
      if (At(i) == '.') i = SkipDigits(i + 1, /*hex=*/true);
      i = SkipExponent(i, 'p');
    } else if (At(i) == '0' && (prefix == 'b' || prefix == 'B' || prefix == 'o' ||
                                prefix == 'O')) {
      i = SkipDigits(i + 2, /*hex=*/false);
    } else {
      i = SkipDigits(i, /*hex=*/false);
      if (At(i) == '.') i = SkipDigits(i + 1, /*hex=*/false);
      i = SkipExponent(i, 'e');
    }
    if (At(i) == 'i') ++i;
    Emit(TokenKind::kNumber, i);
  }

  void ScanLineComment() {
    const std::size_t newline = source_.find('\n', pos_);
    Emit(TokenKind::kComment, newline == std::string_view::npos ? source_.size() : newline);
  }

  void ScanBlockComment() {
    const std::size_t close = source_.find("*/", pos_ + 2);
    Emit(TokenKind::kComment, close == std::string_view::npos ? source_.size() : close + 2);
  }

  // Interpreted strings and rune literals cannot contain a newline, so an
  // unterminated one stops at the end of its line instead of turning the rest
  // of the listing into a string.
  void ScanQuoted(char quote) {
    std::size_t i = pos_ + 1;
    while (i < source_.size()) {
      const char c = source_[i];
      if (c == '\n') break;
      if (c == quote) {
        ++i;
        break;
      }
      // Skip the escaped byte, but never a newline (which ends the literal).
      i += (c == '\\' && At(i + 1) != '\n') ? 2 : 1;
    }
    Emit(TokenKind::kString, std::min(i, source_.size()));
  }

  void ScanRawString() {
    const std::size_t close = source_.find('`', pos_ + 1);
    Emit(TokenKind::kString, close == std::string_view::npos ? source_.size() : close + 1);
  }

  // Appends source_[pos_, end) and advances; merges with the previous token
  // when the kind matches so writers emit fewer spans.
  void Emit(TokenKind kind, std::size_t end) {
    const std::string_view text = source_.substr(pos_, end - pos_);
    if (!tokens_.empty() && tokens_.back().kind == kind) {
      tokens_.back().text.append(text);
    } else {
      tokens_.push_back(Token{kind, std::string(text)});
    }
    pos_ = end;
  }

  std::string_view source_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> TokenizeGo(std::string_view source) { return Lexer(source).Run(); }

std::string_view TokenClass(TokenKind kind) {
  switch (kind) {
    case TokenKind::kPlain:
      return "";
    case TokenKind::kKeyword:
      return "kw";
    case TokenKind::kType:
      return "ty";
    case TokenKind::kBuiltin:
      return "bi";
    case TokenKind::kString:
      return "st";
    case TokenKind::kComment:
      return "co";
    case TokenKind::kNumber:
      return "nu";
  }
  return "";
}

}  // namespace gobook::highlight
