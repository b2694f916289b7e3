// Unit tests for the Go highlighter's tokenizer.
#include "highlight/go_lexer.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gobook::highlight {
namespace {

std::string Join(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) out += token.text;
  return out;
}

const Token* Find(const std::vector<Token>& tokens, std::string_view text) {
  for (const Token& token : tokens) {
    if (token.text == text) return &token;
  }
  return nullptr;
}

// The kind given to the first occurrence of `text` in `source`. Plain runs are
// merged, so a plain identifier only has to lie inside one token; any other
// kind must be a token of exactly that text, which checks where it ends.
TokenKind KindOf(std::string_view source, std::string_view text) {
  INFO("source: " << source << " | looking for: " << text);
  const std::size_t start = source.find(text);
  REQUIRE(start != std::string_view::npos);
  std::size_t offset = 0;
  for (const Token& token : TokenizeGo(source)) {
    const std::size_t end = offset + token.text.size();
    if (start >= offset && start < end) {
      REQUIRE(start + text.size() <= end);
      if (token.kind != TokenKind::kPlain) REQUIRE(token.text == text);
      return token.kind;
    }
    offset = end;
  }
  FAIL("text not covered by any token");
  return TokenKind::kPlain;
}

void RequireRoundTrip(std::string_view source) {
  INFO("source size: " << source.size());
  REQUIRE(Join(TokenizeGo(source)) == source);
}

TEST_CASE("keywords are distinguished from longer identifiers", "[highlight]") {
  CHECK(KindOf("func funcs", "func") == TokenKind::kKeyword);
  CHECK(KindOf("func funcs", "funcs") == TokenKind::kPlain);
  CHECK(KindOf("type types", "type") == TokenKind::kKeyword);
  CHECK(KindOf("type types", "types") == TokenKind::kPlain);
  CHECK(KindOf("x := range_", "range_") == TokenKind::kPlain);
  for (std::string_view keyword :
       {"break", "case", "chan", "const", "continue", "default", "defer", "else",
        "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
        "package", "range", "return", "select", "struct", "switch", "type", "var"}) {
    const std::vector<Token> tokens = TokenizeGo(keyword);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::kKeyword);
  }
}

TEST_CASE("predeclared types", "[highlight]") {
  for (std::string_view type :
       {"any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32",
        "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
        "uint8", "uint16", "uint32", "uint64", "uintptr"}) {
    const std::vector<Token> tokens = TokenizeGo(type);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::kType);
  }
  CHECK(KindOf("var s strings.Builder", "strings") == TokenKind::kPlain);
  CHECK(KindOf("int128", "int128") == TokenKind::kPlain);
}

TEST_CASE("builtins and predeclared constants", "[highlight]") {
  for (std::string_view builtin :
       {"true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy",
        "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println",
        "real", "recover"}) {
    const std::vector<Token> tokens = TokenizeGo(builtin);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::kBuiltin);
  }
  CHECK(KindOf("s = append(s, 1)", "append") == TokenKind::kBuiltin);
  CHECK(KindOf("lens", "lens") == TokenKind::kPlain);
}

TEST_CASE("identifiers with underscores, digits and UTF-8", "[highlight]") {
  CHECK(KindOf("x1 := _len", "_len") == TokenKind::kPlain);
  CHECK(KindOf("héllo := 1", "héllo") == TokenKind::kPlain);
  // A multi-byte letter glued to a keyword makes a different identifier.
  CHECK(KindOf("funcé", "funcé") == TokenKind::kPlain);
}

TEST_CASE("interpreted strings with escaped quotes", "[highlight]") {
  const std::string_view source = R"(s := "say \"hi\"\n" + x)";
  CHECK(KindOf(source, R"("say \"hi\"\n")") == TokenKind::kString);
  CHECK(KindOf(R"(a := "\\" + b)", R"("\\")") == TokenKind::kString);
  CHECK(KindOf(R"(a := "\\" + b)", "b") == TokenKind::kPlain);
}

TEST_CASE("raw strings span lines", "[highlight]") {
  const std::string_view source = "q := `line one\nline \"two\" \\ end`\nx";
  CHECK(KindOf(source, "`line one\nline \"two\" \\ end`") == TokenKind::kString);
  CHECK(KindOf(source, "x") == TokenKind::kPlain);
}

TEST_CASE("rune literals", "[highlight]") {
  CHECK(KindOf(R"(c := '\'')", R"('\'')") == TokenKind::kString);
  CHECK(KindOf("c := 'a'", "'a'") == TokenKind::kString);
  CHECK(KindOf(R"(c := '\u00e9' + d)", R"('\u00e9')") == TokenKind::kString);
  CHECK(KindOf(R"(c := '\u00e9' + d)", "d") == TokenKind::kPlain);
}

TEST_CASE("line and block comments", "[highlight]") {
  CHECK(KindOf("x := 1 // note\ny", "// note") == TokenKind::kComment);
  CHECK(KindOf("x := 1 // note\ny", "y") == TokenKind::kPlain);
  const std::string_view block = "a /* one\n * two */ b";
  CHECK(KindOf(block, "/* one\n * two */") == TokenKind::kComment);
  CHECK(KindOf(block, "b") == TokenKind::kPlain);
  CHECK(KindOf("/**/x", "/**/") == TokenKind::kComment);
  // "/*/" is not a complete comment: the '*' that opens cannot also close.
  CHECK(KindOf("/*/ x */y", "/*/ x */") == TokenKind::kComment);
  CHECK(KindOf("a / b", "b") == TokenKind::kPlain);
}

TEST_CASE("comment markers inside strings do not start comments", "[highlight]") {
  const std::string_view source = "u := \"http://go.dev\" + \"/* no */\"\nfunc";
  CHECK(KindOf(source, "\"http://go.dev\"") == TokenKind::kString);
  CHECK(KindOf(source, "\"/* no */\"") == TokenKind::kString);
  CHECK(KindOf(source, "func") == TokenKind::kKeyword);
  for (const Token& token : TokenizeGo(source)) CHECK(token.kind != TokenKind::kComment);
  CHECK(KindOf("r := `//x` + y", "`//x`") == TokenKind::kString);
  CHECK(KindOf("r := `//x` + y", "y") == TokenKind::kPlain);
}

TEST_CASE("quotes inside comments do not start strings", "[highlight]") {
  const std::string_view source = "// don't \"stop\"\nx";
  CHECK(KindOf(source, "// don't \"stop\"") == TokenKind::kComment);
  CHECK(KindOf(source, "x") == TokenKind::kPlain);
}

TEST_CASE("numbers", "[highlight]") {
  for (std::string_view number :
       {"0", "42", "0x1F", "0XbEEF", "1_000", "3.14", "3.14e-2", "1E6", "6.02e+23", "1i",
        "2.5i", ".5", "1.", "0o755", "0b1010_1010", "0755", "0x1p-2", "0x1.8p3", "0x_FF"}) {
    const std::vector<Token> tokens = TokenizeGo(number);
    INFO(number);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::kNumber);
  }
  CHECK(KindOf("x := .5 + y", ".5") == TokenKind::kNumber);
  CHECK(KindOf("s[1:]", "1") == TokenKind::kNumber);
  CHECK(KindOf("x1 := 2", "x1") == TokenKind::kPlain);
  // A field access is not a number even though '.' is followed by a letter.
  CHECK(KindOf("a.b", "a.b") == TokenKind::kPlain);
}

TEST_CASE("unterminated literals and comments", "[highlight]") {
  const std::vector<Token> string_tokens = TokenizeGo("s := \"open\nnext");
  CHECK(Find(string_tokens, "\"open") != nullptr);
  CHECK(Find(string_tokens, "\"open")->kind == TokenKind::kString);
  CHECK(string_tokens.back().text == "\nnext");

  const std::vector<Token> raw_tokens = TokenizeGo("s := `open\nfunc");
  REQUIRE(!raw_tokens.empty());
  CHECK(raw_tokens.back().kind == TokenKind::kString);
  CHECK(raw_tokens.back().text == "`open\nfunc");

  const std::vector<Token> comment_tokens = TokenizeGo("x /* open\nfunc main()");
  REQUIRE(!comment_tokens.empty());
  CHECK(comment_tokens.back().kind == TokenKind::kComment);
  CHECK(comment_tokens.back().text == "/* open\nfunc main()");

  const std::vector<Token> rune_tokens = TokenizeGo("c := '\\");
  REQUIRE(!rune_tokens.empty());
  CHECK(rune_tokens.back().kind == TokenKind::kString);
  CHECK(rune_tokens.back().text == "'\\");
}

TEST_CASE("adjacent plain tokens are merged", "[highlight]") {
  const std::vector<Token> tokens = TokenizeGo("a := b + c");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].kind == TokenKind::kPlain);
  CHECK(tokens[0].text == "a := b + c");

  const std::vector<Token> mixed = TokenizeGo("if x {\n\treturn 1\n}");
  REQUIRE(mixed.size() == 6);
  CHECK(mixed[0].kind == TokenKind::kKeyword);
  CHECK(mixed[1].kind == TokenKind::kPlain);
  CHECK(mixed[1].text == " x {\n\t");
  CHECK(mixed[2].kind == TokenKind::kKeyword);
  CHECK(mixed[3].text == " ");
  CHECK(mixed[4].kind == TokenKind::kNumber);
  CHECK(mixed[5].text == "\n}");
  for (std::size_t i = 1; i < mixed.size(); ++i) CHECK(mixed[i].kind != mixed[i - 1].kind);
}

TEST_CASE("round trip on a realistic program", "[highlight]") {
  const std::string_view program = R"go(// Package main prints a greeting.
package main

import (
	"fmt"
	"strings"
)

/* Point is a 2-D point.
   It has two fields. */
type Point struct {
	X, Y float64 // coordinates
}

func (p Point) String() string {
	return fmt.Sprintf("(%g, %g)\t\"p\"", p.X, p.Y)
}

func main() {
	var sb strings.Builder
	nums := []int{0x1F, 1_000, 0o17, 0b101}
	for i, n := range nums {
		if n > 10 && i != 0 {
			sb.WriteRune('\'')
		}
	}
	z := 3.14e-2 + 1i + .5
	s := `raw
string`
	héllo := len(s) + cap(nums)
	fmt.Println(sb.String(), z, héllo, nil, true, Point{1, 2})
}
)go";
  RequireRoundTrip(program);
  const std::vector<Token> tokens = TokenizeGo(program);
  CHECK(tokens.front().kind == TokenKind::kComment);
  CHECK(Find(tokens, "\"(%g, %g)\\t\\\"p\\\"\"") != nullptr);
  CHECK(Find(tokens, "`raw\nstring`") != nullptr);
}

TEST_CASE("round trip on nasty inputs", "[highlight]") {
  CHECK(TokenizeGo("").empty());
  RequireRoundTrip("");
  RequireRoundTrip("\\");
  RequireRoundTrip("\"\\");
  RequireRoundTrip("'");
  RequireRoundTrip("`");
  RequireRoundTrip("/");
  RequireRoundTrip("/*");
  RequireRoundTrip("/*/");
  RequireRoundTrip("//");
  RequireRoundTrip(".");
  RequireRoundTrip("0x");
  RequireRoundTrip("1e");
  RequireRoundTrip("1e+");
  RequireRoundTrip("0x1p");
  RequireRoundTrip("\"a\\\n\"");
  RequireRoundTrip(std::string_view("\xff\x00\xff", 3));
  RequireRoundTrip(std::string_view("x\x00\"\x00\\", 5));
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes.push_back(static_cast<char>(i));
  RequireRoundTrip(all_bytes);
  std::string reversed(all_bytes.rbegin(), all_bytes.rend());
  RequireRoundTrip(reversed);
  // Every prefix of a program exercises truncation inside each kind of token.
  const std::string_view program = "x := \"a\\\"b\" + `c` + 'd' /* e */ // f\n0x1.8p-3i";
  for (std::size_t n = 0; n <= program.size(); ++n) RequireRoundTrip(program.substr(0, n));
}

TEST_CASE("token classes", "[highlight]") {
  CHECK(TokenClass(TokenKind::kPlain).empty());
  CHECK(TokenClass(TokenKind::kKeyword) == "kw");
  CHECK(TokenClass(TokenKind::kType) == "ty");
  CHECK(TokenClass(TokenKind::kBuiltin) == "bi");
  CHECK(TokenClass(TokenKind::kString) == "st");
  CHECK(TokenClass(TokenKind::kComment) == "co");
  CHECK(TokenClass(TokenKind::kNumber) == "nu");
}

}  // namespace
}  // namespace gobook::highlight
