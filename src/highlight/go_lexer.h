// A Go tokenizer for syntax highlighting code blocks.
//
// Both writers (EPUB and PDF) highlight Go listings the same way: they ask this
// module to split the source into classified runs and then choose a look per
// class. The lexer follows the lexical elements of the Go spec closely enough
// for highlighting, but it is not a validator: it never fails, and the tokens
// always concatenate back to the exact input bytes, so a listing with a typo
// (or deliberately broken code in a lesson) is still printed faithfully.
#ifndef GOBOOK_HIGHLIGHT_GO_LEXER_H_
#define GOBOOK_HIGHLIGHT_GO_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

namespace gobook::highlight {

// The highlighter's token classes. Writers map each to a look that survives
// greyscale (weight and style), with colour only as an extra.
enum class TokenKind { kPlain, kKeyword, kType, kBuiltin, kString, kComment, kNumber };

struct Token {
  TokenKind kind;
  std::string text;
};

// Splits Go source into tokens. Concatenating every token's text gives back the
// input exactly, byte for byte, even for invalid or truncated Go (unterminated
// strings/comments run to the end). Adjacent tokens of the same kind are merged
// (so whitespace and punctuation merge into kPlain runs).
std::vector<Token> TokenizeGo(std::string_view source);

// Returns the CSS class name for a kind: "" for kPlain, else "kw", "ty", "bi",
// "st", "co", "nu".
std::string_view TokenClass(TokenKind kind);

}  // namespace gobook::highlight

#endif  // GOBOOK_HIGHLIGHT_GO_LEXER_H_
