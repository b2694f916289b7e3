// Unit tests for the raw HTML tokenizer: tokens, attributes, entities and the
// errors for everything outside the allowed list.
#include "markdown/raw_html.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace gobook::markdown {
namespace {

// One line per token: kind, tag or text, attributes, offset.
std::string Tokens(std::string_view html) {
  std::vector<HtmlToken> tokens;
  HtmlError error;
  if (!TokenizeHtml(html, &tokens, &error)) return "error: " + error.message;
  std::string out;
  for (const HtmlToken& token : tokens) {
    switch (token.kind) {
      case HtmlTokenKind::kOpen: out += "open " + token.tag; break;
      case HtmlTokenKind::kClose: out += "close " + token.tag; break;
      case HtmlTokenKind::kText: out += "text \"" + token.text + "\""; break;
      case HtmlTokenKind::kComment: out += "comment"; break;
    }
    for (const auto& [name, value] : token.attributes) out += " " + name + "='" + value + "'";
    if (token.self_closing) out += " /";
    out += " @" + std::to_string(token.offset) + "\n";
  }
  return out;
}

// The error for `html`, as "offset: message | hint".
std::string ErrorOf(std::string_view html) {
  std::vector<HtmlToken> tokens;
  HtmlError error;
  if (TokenizeHtml(html, &tokens, &error)) return "no error";
  std::string out = std::to_string(error.offset) + ": " + error.message;
  if (!error.hint.empty()) out += " | " + error.hint;
  return out;
}

TEST_CASE("TokenizeHtml splits tags, text and attributes", "[markdown][html]") {
  CHECK(Tokens("<span class=\"a\" title='b c'>x</span>") ==
        "open span class='a' title='b c' @0\n"
        "text \"x\" @28\n"
        "close span @29\n");
  CHECK(Tokens("<KBD Class=\"k\">") == "open kbd class='k' @0\n");
  CHECK(Tokens("<div\n  class=\"x\"\n  id=\"y\">\n") ==
        "open div class='x' id='y' @0\n"
        "text \"\n\" @26\n");
  CHECK(Tokens("</details >") == "close details @0\n");
  CHECK(Tokens("plain") == "text \"plain\" @0\n");
}

TEST_CASE("TokenizeHtml marks void elements self-closing", "[markdown][html]") {
  CHECK(Tokens("<br>") == "open br / @0\n");
  CHECK(Tokens("<br/>") == "open br / @0\n");
  CHECK(Tokens("a<br />b") == "text \"a\" @0\nopen br / @1\ntext \"b\" @7\n");
  CHECK(Tokens("<img src=\"a.png\" alt=\"A\"/>") == "open img src='a.png' alt='A' / @0\n");
}

TEST_CASE("TokenizeHtml keeps the one boolean attribute, 'open', as XHTML needs",
          "[markdown][html]") {
  CHECK(Tokens("<details open>") == "open details open='open' @0\n");
  CHECK(Tokens("<details open=\"open\">") == "open details open='open' @0\n");
}

TEST_CASE("TokenizeHtml skips comments", "[markdown][html]") {
  CHECK(Tokens("a<!-- <script> & -->b") ==
        "text \"a\" @0\n"
        "comment @1\n"
        "text \"b\" @20\n");
  CHECK(ErrorOf("x <!-- never closed") == "2: unclosed HTML comment");
}

TEST_CASE("TokenizeHtml decodes XML's entities and numeric references", "[markdown][html]") {
  CHECK(Tokens("&#160;") == "text \"\xC2\xA0\" @0\n");
  CHECK(Tokens("&#x4e16;&#X754C;") == "text \"\xE4\xB8\x96\xE7\x95\x8C\" @0\n");
  CHECK(Tokens("&#128640;") == "text \"\xF0\x9F\x9A\x80\" @0\n");
  CHECK(Tokens("&amp;&lt;&gt;&quot;&apos;") == "text \"&<>\"'\" @0\n");
  CHECK(Tokens("<span title=\"a&#160;b &amp; c\">") ==
        "open span title='a\xC2\xA0" "b & c' @0\n");
}

TEST_CASE("TokenizeHtml refuses entities XHTML does not define", "[markdown][html]") {
  const std::string hint = " | write the character itself, or a numeric reference such as '&#160;'";
  CHECK(ErrorOf("a&nbsp;b") == "1: entity '&nbsp;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("<span title=\"x&copy;\">") ==
        "14: entity '&copy;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("&#0;") == "0: entity '&#0;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("&#xD800;") == "0: entity '&#xD800;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("&#x110000;") == "0: entity '&#x110000;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("&#12a;") == "0: entity '&#12a;' is not defined in XHTML" + hint);
  CHECK(ErrorOf("fish & chips") == "5: bare '&' in raw HTML" + hint);
  CHECK(ErrorOf("a &; b") == "2: bare '&' in raw HTML" + hint);
}

TEST_CASE("TokenizeHtml refuses tags outside the allowed list", "[markdown][html]") {
  const std::string hint =
      " | allowed tags: br, sup, sub, kbd, abbr, span, div, details, summary, img";
  CHECK(ErrorOf("<script>") == "0: HTML tag <script> is not allowed in a lesson" + hint);
  CHECK(ErrorOf("ok </iframe>") == "3: HTML tag <iframe> is not allowed in a lesson" + hint);
  CHECK(ErrorOf("<P>") == "0: HTML tag <p> is not allowed in a lesson" + hint);
  CHECK(ErrorOf("a < b") == "2: malformed HTML tag | write '&lt;' for a literal '<'");
}

TEST_CASE("TokenizeHtml refuses bad attributes", "[markdown][html]") {
  CHECK(ErrorOf("<span onclick=\"x()\">") == "6: event attribute 'onclick' is not allowed");
  CHECK(ErrorOf("<img src=\"a.png\" ONLOAD=\"x\">") ==
        "17: event attribute 'onload' is not allowed");
  CHECK(ErrorOf("<span class=x>") == "6: the value of 'class' must be quoted");
  CHECK(ErrorOf("<span class=\"a\" class=\"b\">") == "16: duplicate attribute 'class'");
  CHECK(ErrorOf("<span style=\"color: red\">") == "6: attribute 'style' is not allowed on <span>");
  CHECK(ErrorOf("<span id>") == "6: attribute 'id' needs a value");
  CHECK(ErrorOf("<span class=\"a>") == "6: unterminated attribute value");
  CHECK(ErrorOf("<span class=\"a\"") == "0: unterminated HTML tag <span>");
  CHECK(ErrorOf("<span \"x\">") == "6: malformed attribute in <span>");
  CHECK(ErrorOf("</span class=\"a\">") == "7: a closing tag takes no attributes");
}

TEST_CASE("TokenizeHtml names the element of a malformed open tag", "[markdown][html]") {
  std::vector<HtmlToken> tokens;
  HtmlError error;
  REQUIRE_FALSE(TokenizeHtml("<kbd onclick=\"x\">", &tokens, &error));
  CHECK(error.tag == "kbd");
  HtmlError close_error;
  REQUIRE_FALSE(TokenizeHtml("</kbd class=\"x\">", &tokens, &close_error));
  CHECK(close_error.tag.empty());
}

TEST_CASE("TokenizeHtml checks void and non-void elements", "[markdown][html]") {
  CHECK(ErrorOf("</br>") == "0: <br> has no closing tag");
  CHECK(ErrorOf("a</img>") == "1: <img> has no closing tag");
  CHECK(ErrorOf("<kbd/>") == "0: <kbd/> must have content and a closing tag");
}

TEST_CASE("IsBlockHtmlTag and IsVoidHtmlTag", "[markdown][html]") {
  CHECK(IsBlockHtmlTag("div"));
  CHECK(IsBlockHtmlTag("details"));
  CHECK_FALSE(IsBlockHtmlTag("summary"));
  CHECK_FALSE(IsBlockHtmlTag("span"));
  CHECK(IsVoidHtmlTag("br"));
  CHECK(IsVoidHtmlTag("img"));
  CHECK_FALSE(IsVoidHtmlTag("kbd"));
}

}  // namespace
}  // namespace gobook::markdown
