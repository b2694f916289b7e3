// Raw HTML inside Markdown, checked against a short allowed list so that it can
// only ever become valid XHTML. cmark hands us raw HTML as loose pieces (an open
// tag in one node, its close tag in another); this tokenizer reads one piece, and
// the lesson converter pairs the tags up.
#ifndef GOBOOK_MARKDOWN_RAW_HTML_H_
#define GOBOOK_MARKDOWN_RAW_HTML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gobook::markdown {

enum class HtmlTokenKind { kOpen, kClose, kText, kComment };

struct HtmlToken {
  HtmlTokenKind kind = HtmlTokenKind::kText;
  std::string tag;  // lower case
  std::vector<std::pair<std::string, std::string>> attributes;
  bool self_closing = false;  // <br/> or a void element
  std::string text;           // kText: entities decoded
  size_t offset = 0;          // byte offset in the piece, for error columns
};

struct HtmlError {
  size_t offset = 0;
  std::string tag;  // the element whose open tag was malformed, when known
  std::string message;
  std::string hint;
};

// Splits a piece of raw HTML into tokens, checking tags, attributes and entities
// against the allowed list. Returns false and fills `error` at the first problem.
bool TokenizeHtml(std::string_view html, std::vector<HtmlToken>* tokens,
                  HtmlError* error);

// True for tags that hold blocks (div, details) rather than inline content.
bool IsBlockHtmlTag(std::string_view tag);
// True for void elements (br, img), which never have a close tag.
bool IsVoidHtmlTag(std::string_view tag);

}  // namespace gobook::markdown

#endif  // GOBOOK_MARKDOWN_RAW_HTML_H_
