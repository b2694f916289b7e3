#include "markdown/raw_html.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/text.h"

namespace gobook::markdown {
namespace {

constexpr std::array<std::string_view, 10> kAllowedTags = {
    "br", "sup", "sub", "kbd", "abbr", "span", "div", "details", "summary", "img"};

constexpr std::array<std::string_view, 10> kAllowedAttributes = {
    "class", "id", "title", "lang", "dir", "alt", "src", "width", "height", "open"};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool IsNameChar(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == ':';
}

bool IsSpace(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// Decodes the entities XML defines (the five named ones and numeric ones). Any
// other named entity (&nbsp;) is undefined in XHTML and fatal for epubcheck.
bool DecodeEntities(std::string_view text, size_t base, std::string* out,
                    HtmlError* error) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      *out += text[i];
      continue;
    }
    size_t end = text.find(';', i);
    std::string_view name =
        end == std::string_view::npos ? std::string_view() : text.substr(i + 1, end - i - 1);
    static const std::pair<std::string_view, char> kXmlEntities[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    bool decoded = false;
    for (const auto& [entity, ch] : kXmlEntities) {
      if (name == entity) {
        *out += ch;
        decoded = true;
      }
    }
    if (!decoded && name.size() >= 2 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      char* stop = nullptr;
      unsigned long value = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
      if (!digits.empty() && *stop == '\0' && value > 0 && value <= 0x10FFFF &&
          !(value >= 0xD800 && value <= 0xDFFF)) {
        AppendUtf8(*out, static_cast<char32_t>(value));
        decoded = true;
      }
    }
    if (!decoded) {
      error->offset = base + i;
      error->message = end == std::string_view::npos || name.empty()
                           ? "bare '&' in raw HTML"
                           : "entity '&" + std::string(name) + ";' is not defined in XHTML";
      error->hint = "write the character itself, or a numeric reference such as '&#160;'";
      return false;
    }
    i = end;
  }
  return true;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view html, std::vector<HtmlToken>* tokens, HtmlError* error)
      : html_(html), tokens_(tokens), error_(error) {}

  bool Run() {
    while (pos_ < html_.size()) {
      if (html_[pos_] == '<') {
        if (!ReadMarkup()) return false;
      } else if (!ReadText()) {
        return false;
      }
    }
    return true;
  }

 private:
  bool Fail(size_t offset, std::string message, std::string hint = {}) {
    error_->offset = offset;
    error_->message = std::move(message);
    error_->hint = std::move(hint);
    return false;
  }

  bool ReadText() {
    size_t end = html_.find('<', pos_);
    if (end == std::string_view::npos) end = html_.size();
    HtmlToken token;
    token.kind = HtmlTokenKind::kText;
    token.offset = pos_;
    if (!DecodeEntities(html_.substr(pos_, end - pos_), pos_, &token.text, error_)) {
      return false;
    }
    pos_ = end;
    tokens_->push_back(std::move(token));
    return true;
  }

  bool ReadMarkup() {
    size_t start = pos_;
    if (html_.substr(pos_, 4) == "<!--") {
      size_t end = html_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) return Fail(start, "unclosed HTML comment");
      pos_ = end + 3;
      tokens_->push_back({HtmlTokenKind::kComment, "", {}, false, "", start});
      return true;
    }
    ++pos_;
    bool closing = pos_ < html_.size() && html_[pos_] == '/';
    if (closing) ++pos_;
    size_t name_start = pos_;
    while (pos_ < html_.size() && IsNameChar(html_[pos_])) ++pos_;
    std::string tag = Lower(html_.substr(name_start, pos_ - name_start));
    if (tag.empty()) {
      return Fail(start, "malformed HTML tag", "write '&lt;' for a literal '<'");
    }
    if (std::find(kAllowedTags.begin(), kAllowedTags.end(), tag) == kAllowedTags.end()) {
      return Fail(start, "HTML tag <" + tag + "> is not allowed in a lesson",
                  "allowed tags: br, sup, sub, kbd, abbr, span, div, details, summary, "
                  "img");
    }
    HtmlToken token;
    token.kind = closing ? HtmlTokenKind::kClose : HtmlTokenKind::kOpen;
    token.tag = tag;
    token.offset = start;
    if (!ReadAttributes(&token, closing)) {
      if (!closing) error_->tag = tag;
      return false;
    }
    if (IsVoidHtmlTag(tag)) {
      if (closing) return Fail(start, "<" + tag + "> has no closing tag");
      token.self_closing = true;
    } else if (token.self_closing) {
      return Fail(start, "<" + tag + "/> must have content and a closing tag");
    }
    tokens_->push_back(std::move(token));
    return true;
  }

  bool ReadAttributes(HtmlToken* token, bool closing) {
    while (true) {
      while (pos_ < html_.size() && IsSpace(html_[pos_])) ++pos_;
      if (pos_ >= html_.size()) {
        return Fail(token->offset, "unterminated HTML tag <" + token->tag + ">");
      }
      if (html_[pos_] == '>') {
        ++pos_;
        return true;
      }
      if (html_.substr(pos_, 2) == "/>") {
        pos_ += 2;
        token->self_closing = true;
        return true;
      }
      if (closing) return Fail(pos_, "a closing tag takes no attributes");
      if (!ReadAttribute(token)) return false;
    }
  }

  bool ReadAttribute(HtmlToken* token) {
    size_t start = pos_;
    while (pos_ < html_.size() && IsNameChar(html_[pos_])) ++pos_;
    std::string name = Lower(html_.substr(start, pos_ - start));
    if (name.empty()) return Fail(start, "malformed attribute in <" + token->tag + ">");
    if (StartsWith(name, "on")) {
      return Fail(start, "event attribute '" + name + "' is not allowed");
    }
    if (std::find(kAllowedAttributes.begin(), kAllowedAttributes.end(), name) ==
        kAllowedAttributes.end()) {
      return Fail(start, "attribute '" + name + "' is not allowed on <" + token->tag + ">");
    }
    std::string value;
    if (pos_ < html_.size() && html_[pos_] == '=') {
      ++pos_;
      if (pos_ >= html_.size() || (html_[pos_] != '"' && html_[pos_] != '\'')) {
        return Fail(start, "the value of '" + name + "' must be quoted");
      }
      char quote = html_[pos_++];
      size_t end = html_.find(quote, pos_);
      if (end == std::string_view::npos) return Fail(start, "unterminated attribute value");
      if (!DecodeEntities(html_.substr(pos_, end - pos_), pos_, &value, error_)) return false;
      pos_ = end + 1;
    } else if (name == "open") {
      value = "open";  // the one boolean attribute we allow; XHTML needs a value
    } else {
      return Fail(start, "attribute '" + name + "' needs a value");
    }
    for (const auto& existing : token->attributes) {
      if (existing.first == name) return Fail(start, "duplicate attribute '" + name + "'");
    }
    token->attributes.emplace_back(name, value);
    return true;
  }

  std::string_view html_;
  std::vector<HtmlToken>* tokens_;
  HtmlError* error_;
  size_t pos_ = 0;
};

}  // namespace

bool TokenizeHtml(std::string_view html, std::vector<HtmlToken>* tokens, HtmlError* error) {
  return Tokenizer(html, tokens, error).Run();
}

bool IsBlockHtmlTag(std::string_view tag) {
  return tag == "div" || tag == "details";
}

bool IsVoidHtmlTag(std::string_view tag) { return tag == "br" || tag == "img"; }

}  // namespace gobook::markdown
