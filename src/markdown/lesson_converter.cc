#include "markdown/lesson_converter.h"

#include <cmark-gfm-core-extensions.h>

#include <cctype>
#include <map>

#include "doc/passes.h"
#include "markdown/parser.h"
#include "markdown/raw_html.h"
#include "util/text.h"

namespace gobook::markdown {
namespace {

using doc::Block;
using doc::BlockKind;
using doc::Blocks;
using doc::Inline;
using doc::InlineKind;

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// The role a fenced block plays, from the first words of its info string.
doc::CodeRole RoleOf(const std::string& language, const std::string& info) {
  if (language == "output") return doc::CodeRole::kOutput;
  if (language != "go") return doc::CodeRole::kOther;
  std::string_view rest = Trim(std::string_view(info).substr(2));
  return StartsWith(rest, "fragment") ? doc::CodeRole::kFragment : doc::CodeRole::kProgram;
}

class Converter {
 public:
  Converter(doc::Lesson* lesson, DiagnosticSink* sink) : lesson_(lesson), sink_(sink) {}

  void Run(cmark_node* document) {
    Blocks body = ConvertChildren(document);
    for (Block& block : body) {
      if (block.kind == BlockKind::kHeading && block.level == 1) {
        if (title_found_) {
          Error(block.pos, "a lesson has one title (a level-1 heading); this is a second one",
                "use '##' for a section heading");
          continue;
        }
        title_found_ = true;
        lesson_->title = std::string(Trim(doc::PlainText(block.inlines)));
        lesson_->title_inlines = std::move(block.inlines);
        continue;
      }
      if (!title_found_ && block.kind == BlockKind::kHeading) {
        headings_before_title_.push_back(block.pos);
      }
      lesson_->blocks.push_back(std::move(block));
    }
    if (!title_found_) {
      Error({lesson_->source_path, 1, 1}, "the lesson has no title",
            "start the lesson with a level-1 heading: '# Title'");
    } else {
      for (const doc::SourcePos& pos : headings_before_title_) {
        Error(pos, "a section heading comes before the lesson's title",
              "start the lesson with '# Title'");
      }
    }
    lesson_->footnotes = std::move(footnotes_);
  }

 private:
  doc::SourcePos Pos(cmark_node* node) const {
    return {lesson_->source_path, cmark_node_get_start_line(node),
            cmark_node_get_start_column(node)};
  }

  // The position of byte `offset` inside a node's literal text.
  doc::SourcePos PosIn(cmark_node* node, const std::string& literal, size_t offset) const {
    doc::SourcePos pos = Pos(node);
    LineColumn within = LineColumnAt(literal, offset);
    // cmark strips a container's prefix ("> ", a list indent) from every line of
    // the literal; the block's start column puts it back.
    pos.line += within.line - 1;
    pos.column += within.column - 1;
    return pos;
  }

  void Error(const doc::SourcePos& pos, std::string message, std::string hint = {}) {
    sink_->Error(pos.file, pos.line, pos.column, std::move(message), std::move(hint));
  }

  // ---- Blocks --------------------------------------------------------------

  Blocks ConvertChildren(cmark_node* parent) {
    bool container = cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT;
    depth_ += container ? 1 : 0;
    Blocks out = ConvertChildrenOf(parent);
    depth_ -= container ? 1 : 0;
    return out;
  }

  Blocks ConvertChildrenOf(cmark_node* parent) {
    Blocks out;
    std::vector<Block> open_html;  // raw HTML elements opened in this container
    auto target = [&]() -> Blocks& { return open_html.empty() ? out : open_html.back().children; };
    for (cmark_node* node = cmark_node_first_child(parent); node != nullptr;
         node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
        ConvertHtmlBlock(node, &open_html, &out);
        continue;
      }
      if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        footnotes_.push_back({"", ConvertChildren(node), Pos(node)});
        continue;
      }
      depth_ += open_html.empty() ? 0 : 1;
      std::optional<Block> block = ConvertBlock(node);
      depth_ -= open_html.empty() ? 0 : 1;
      if (block) target().push_back(std::move(*block));
    }
    for (const Block& unclosed : open_html) {
      Error(unclosed.pos, "<" + unclosed.tag + "> is never closed",
            "add '</" + unclosed.tag + ">' on a line of its own, after a blank line");
    }
    return out;
  }

  std::optional<Block> ConvertBlock(cmark_node* node) {
    Block block;
    block.pos = Pos(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        block.kind = BlockKind::kParagraph;
        block.inlines = ConvertInlines(node);
        if (block.inlines.empty()) return std::nullopt;  // only comments
        return block;
      case CMARK_NODE_HEADING:
        block.kind = BlockKind::kHeading;
        block.level = cmark_node_get_heading_level(node);
        block.inlines = ConvertInlines(node);
        if (Trim(doc::PlainText(block.inlines)).empty()) {
          Error(block.pos, "a heading needs text", "headings label the table of contents");
        }
        if (block.level == 1 && depth_ > 0) {
          Error(block.pos, "a level-1 heading is the lesson's title and cannot be nested",
                "use '##' or below inside quotes, lists and HTML blocks");
        }
        return block;
      case CMARK_NODE_CODE_BLOCK:
        return ConvertCodeBlock(node);
      case CMARK_NODE_THEMATIC_BREAK:
        block.kind = BlockKind::kThematicBreak;
        return block;
      case CMARK_NODE_BLOCK_QUOTE:
        if (TooDeep(block.pos)) return std::nullopt;
        return ConvertBlockQuote(node);
      case CMARK_NODE_LIST:
        if (TooDeep(block.pos)) return std::nullopt;
        block.kind = BlockKind::kList;
        block.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        block.start = cmark_node_get_list_start(node);
        block.tight = cmark_node_get_list_tight(node) != 0;
        for (cmark_node* item = cmark_node_first_child(node); item != nullptr;
             item = cmark_node_next(item)) {
          block.items.push_back(ConvertChildren(item));
        }
        return block;
      default:
        break;
    }
    if (IsTable(node)) return ConvertTable(node);
    Error(block.pos, std::string("unsupported Markdown element '") +
                         cmark_node_get_type_string(node) + "'");
    return std::nullopt;
  }

  // Containers nest at most kMaxNesting deep. Past that no reader follows the
  // structure, the printed measure runs out, and the conversion (one call per
  // level) would eventually exhaust the stack; so the first one too deep is an
  // error and nothing inside it is converted.
  bool TooDeep(const doc::SourcePos& pos) {
    if (depth_ < kMaxNesting) return false;
    if (!reported_nesting_) {
      Error(pos,
            "lists and block quotes nested " + std::to_string(depth_ + 1) +
                " levels deep; gobook allows " + std::to_string(kMaxNesting),
            "flatten the structure: readers lose their way after three or four levels");
      reported_nesting_ = true;
    }
    return true;
  }

  Block ConvertCodeBlock(cmark_node* node) {
    Block block;
    block.kind = BlockKind::kCodeBlock;
    block.pos = Pos(node);
    const char* info = cmark_node_get_fence_info(node);
    block.info = std::string(Trim(info == nullptr ? "" : info));
    std::string first_word = block.info.substr(0, block.info.find_first_of(" \t"));
    for (char& ch : first_word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    block.language = first_word;
    block.code_role = RoleOf(block.language, block.info);
    std::string source = Literal(node);
    if (!source.empty() && source.back() == '\n') source.pop_back();
    int fence_length = 0, fence_offset = 0;
    char fence_char = 0;
    block.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
    block.code = ExpandTabs(source);
    block.source_code = std::move(source);
    return block;
  }

  // A block quote whose first line is [!NOTE], [!TIP], [!WARNING] or [!TRAP] is
  // a callout (GitHub's alert syntax, which cmark-gfm 0.29 does not know).
  Block ConvertBlockQuote(cmark_node* node) {
    Block block;
    block.pos = Pos(node);
    block.kind = BlockKind::kBlockQuote;
    block.children = ConvertChildren(node);
    if (block.children.empty() || block.children[0].kind != BlockKind::kParagraph) return block;
    std::vector<Inline>& first = block.children[0].inlines;
    if (first.empty() || first[0].kind != InlineKind::kText) return block;
    std::string marker = first[0].text;
    if (!StartsWith(marker, "[!") || !EndsWith(marker, "]")) return block;
    if (first.size() > 1 && first[1].kind != InlineKind::kSoftBreak &&
        first[1].kind != InlineKind::kLineBreak) {
      return block;
    }
    std::string name = Upper(marker.substr(2, marker.size() - 3));
    if (name == "NOTE") {
      block.callout = doc::CalloutKind::kNote;
    } else if (name == "TIP") {
      block.callout = doc::CalloutKind::kTip;
    } else if (name == "WARNING") {
      block.callout = doc::CalloutKind::kWarning;
    } else if (name == "TRAP") {
      block.callout = doc::CalloutKind::kTrap;
    } else {
      Error(first[0].pos, "unknown callout '" + marker + "'",
            "use [!NOTE], [!TIP], [!WARNING] or [!TRAP]");
      return block;
    }
    block.kind = BlockKind::kCallout;
    first.erase(first.begin(), first.begin() + (first.size() > 1 ? 2 : 1));
    if (first.empty()) block.children.erase(block.children.begin());
    return block;
  }

  Block ConvertTable(cmark_node* node) {
    Block block;
    block.kind = BlockKind::kTable;
    block.pos = Pos(node);
    uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
    uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
    for (uint16_t i = 0; i < columns; ++i) {
      doc::Alignment alignment = doc::Alignment::kNone;
      if (alignments != nullptr) {
        if (alignments[i] == 'l') alignment = doc::Alignment::kLeft;
        if (alignments[i] == 'c') alignment = doc::Alignment::kCenter;
        if (alignments[i] == 'r') alignment = doc::Alignment::kRight;
      }
      block.alignments.push_back(alignment);
    }
    for (cmark_node* row = cmark_node_first_child(node); row != nullptr; row = cmark_node_next(row)) {
      std::vector<doc::TableCell> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell)) {
        cells.push_back({ConvertInlines(cell)});
      }
      cells.resize(columns);  // GFM pads short rows and drops extra cells
      if (cmark_gfm_extensions_get_table_row_is_header(row)) {
        block.header = std::move(cells);
      } else {
        block.rows.push_back(std::move(cells));
      }
    }
    return block;
  }

  // An HTML block holds one or more tags; a <div> or <details> may open in one
  // block and close in a later one, with Markdown between them.
  void ConvertHtmlBlock(cmark_node* node, std::vector<Block>* open, Blocks* out) {
    std::string literal = Literal(node);
    std::vector<HtmlToken> tokens;
    HtmlError error;
    if (!TokenizeHtml(literal, &tokens, &error)) {
      Error(PosIn(node, literal, error.offset), error.message, error.hint);
      if (!error.tag.empty()) ++reported_opens_[error.tag];
      return;
    }
    auto target = [&]() -> Blocks& { return open->empty() ? *out : open->back().children; };
    std::vector<Inline> loose;  // inline content outside any block tag
    auto flush_loose = [&] {
      auto blank_text = [](const Inline& in) {
        return in.kind == InlineKind::kText && Trim(in.text).empty();
      };
      while (!loose.empty() && blank_text(loose.back())) loose.pop_back();
      while (!loose.empty() && blank_text(loose.front())) loose.erase(loose.begin());
      bool blank = true;
      for (const Inline& in : loose) {
        if (in.kind != InlineKind::kText || !Trim(in.text).empty()) blank = false;
      }
      if (!blank) {
        Block paragraph;
        paragraph.kind = BlockKind::kParagraph;
        paragraph.pos = Pos(node);
        paragraph.inlines = std::move(loose);
        target().push_back(std::move(paragraph));
      }
      loose.clear();
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      HtmlToken& token = tokens[i];
      doc::SourcePos pos = PosIn(node, literal, token.offset);
      if (token.kind == HtmlTokenKind::kComment) continue;
      if (token.kind == HtmlTokenKind::kOpen && IsBlockHtmlTag(token.tag)) {
        flush_loose();
        Block element;
        element.kind = BlockKind::kHtml;
        element.tag = token.tag;
        element.attributes = token.attributes;
        element.pos = pos;
        open->push_back(std::move(element));
      } else if (token.kind == HtmlTokenKind::kClose && IsBlockHtmlTag(token.tag)) {
        flush_loose();
        bool matches = !open->empty() && open->back().tag == token.tag;
        if (!matches && reported_opens_[token.tag] > 0) {
          --reported_opens_[token.tag];  // its open tag was already reported
          continue;
        }
        if (!matches) {
          Error(pos, "</" + token.tag + "> closes nothing",
                open->empty() ? "" : "the open element is <" + open->back().tag + ">");
          return;
        }
        Block element = std::move(open->back());
        open->pop_back();
        target().push_back(std::move(element));
      } else if (token.kind == HtmlTokenKind::kOpen && token.tag == "summary") {
        flush_loose();
        if (open->empty() || open->back().tag != "details") {
          Error(pos, "<summary> belongs inside <details>");
          return;
        }
        Block summary;
        summary.kind = BlockKind::kHtml;
        summary.tag = "summary";
        summary.pos = pos;
        size_t close = i + 1;
        while (close < tokens.size() && !(tokens[close].kind == HtmlTokenKind::kClose &&
                                          tokens[close].tag == "summary")) {
          ++close;
        }
        if (close == tokens.size()) {
          Error(pos, "<summary> is not closed on its line");
          return;
        }
        std::vector<HtmlToken> inner(tokens.begin() + static_cast<long>(i) + 1,
                                     tokens.begin() + static_cast<long>(close));
        AddInlineTokens(node, literal, &inner, &summary.inlines);
        target().push_back(std::move(summary));
        i = close;
      } else {
        std::vector<HtmlToken> one{token};
        // Gather an inline element with its content and close tag.
        if (token.kind == HtmlTokenKind::kOpen && !token.self_closing) {
          int depth = 1;
          size_t j = i + 1;
          for (; j < tokens.size() && depth > 0; ++j) {
            if (tokens[j].kind == HtmlTokenKind::kOpen && !tokens[j].self_closing) ++depth;
            if (tokens[j].kind == HtmlTokenKind::kClose) --depth;
            one.push_back(tokens[j]);
          }
          i = j - 1;
        }
        AddInlineTokens(node, literal, &one, &loose);
      }
    }
    flush_loose();
  }

  // ---- Inlines -------------------------------------------------------------

  std::vector<Inline> ConvertInlines(cmark_node* parent) {
    std::vector<Inline> out;
    std::vector<Inline> open;  // raw inline HTML elements awaiting their close tag
    for (cmark_node* node = cmark_node_first_child(parent); node != nullptr;
         node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE) {
        std::string literal = Literal(node);
        std::vector<HtmlToken> tokens;
        HtmlError error;
        if (!TokenizeHtml(literal, &tokens, &error)) {
          Error(PosIn(node, literal, error.offset), error.message, error.hint);
          if (!error.tag.empty()) ++reported_opens_[error.tag];
          continue;
        }
        for (HtmlToken& token : tokens) {
          ApplyInlineToken(node, literal, token, &open, &out);
        }
        continue;
      }
      std::optional<Inline> converted = ConvertInline(node);
      if (converted) (open.empty() ? out : open.back().children).push_back(std::move(*converted));
    }
    while (!open.empty()) {
      Error(open.back().pos, "<" + open.back().tag + "> is never closed",
            "close it in the same paragraph: '</" + open.back().tag + ">'");
      Inline element = std::move(open.back());
      open.pop_back();
      (open.empty() ? out : open.back().children).push_back(std::move(element));
    }
    return out;
  }

  // Emphasis, links and inline HTML elements nest at most kMaxNesting deep too:
  // every stage after this one walks them recursively.
  bool InlineTooDeep(size_t open_elements, const doc::SourcePos& pos) {
    int depth = inline_depth_ + static_cast<int>(open_elements);
    if (depth < kMaxInlineNesting) return false;
    if (!reported_nesting_) {
      Error(pos,
            "inline elements nested " + std::to_string(depth + 1) + " levels deep; gobook allows " +
                std::to_string(kMaxInlineNesting),
            "close some of the emphasis, links or tags before opening more");
      reported_nesting_ = true;
    }
    return true;
  }

  std::vector<Inline> ConvertNestedInlines(cmark_node* node, const doc::SourcePos& pos) {
    if (InlineTooDeep(0, pos)) return {};
    ++inline_depth_;
    std::vector<Inline> children = ConvertInlines(node);
    --inline_depth_;
    return children;
  }

  void AddInlineTokens(cmark_node* node, const std::string& literal,
                       std::vector<HtmlToken>* tokens, std::vector<Inline>* out) {
    std::vector<Inline> open;
    for (HtmlToken& token : *tokens) ApplyInlineToken(node, literal, token, &open, out);
    for (const Inline& element : open) {
      Error(element.pos, "<" + element.tag + "> is never closed");
    }
  }

  void ApplyInlineToken(cmark_node* node, const std::string& literal, HtmlToken& token,
                        std::vector<Inline>* open, std::vector<Inline>* out) {
    doc::SourcePos pos = PosIn(node, literal, token.offset);
    auto target = [&]() -> std::vector<Inline>& { return open->empty() ? *out : open->back().children; };
    switch (token.kind) {
      case HtmlTokenKind::kComment:
        return;
      case HtmlTokenKind::kText: {
        Inline text;
        text.kind = InlineKind::kText;
        text.text = token.text;
        text.pos = pos;
        target().push_back(std::move(text));
        return;
      }
      case HtmlTokenKind::kOpen:
        break;
      case HtmlTokenKind::kClose: {
        if ((open->empty() || open->back().tag != token.tag) &&
            reported_opens_[token.tag] > 0) {
          --reported_opens_[token.tag];  // its open tag was already reported
          return;
        }
        if (open->empty() || open->back().tag != token.tag) {
          Error(pos, "</" + token.tag + "> closes nothing",
                open->empty() ? "" : "the open element is <" + open->back().tag + ">");
          return;
        }
        Inline element = std::move(open->back());
        open->pop_back();
        target().push_back(std::move(element));
        return;
      }
    }
    if (IsBlockHtmlTag(token.tag) || token.tag == "summary") {
      Error(pos, "<" + token.tag + "> cannot appear inside a paragraph",
            "put it on a line of its own, with blank lines around it");
      return;
    }
    if (!token.self_closing && InlineTooDeep(open->size(), pos)) return;
    Inline element;
    element.pos = pos;
    if (token.tag == "br") {
      element.kind = InlineKind::kLineBreak;
      target().push_back(std::move(element));
      return;
    }
    if (token.tag == "img") {
      element.kind = InlineKind::kImage;
      for (const auto& [name, value] : token.attributes) {
        if (name == "src") element.url = value;
        if (name == "alt") element.text = value;
        if (name == "title") element.title = value;
      }
      if (element.url.empty()) {
        Error(pos, "<img> needs a 'src' attribute");
        return;
      }
      target().push_back(std::move(element));
      return;
    }
    element.kind = InlineKind::kHtml;
    element.tag = token.tag;
    element.attributes = token.attributes;
    open->push_back(std::move(element));
  }

  static void CopyUrlAndTitle(cmark_node* node, Inline* in) {
    const char* url = cmark_node_get_url(node);
    const char* title = cmark_node_get_title(node);
    in->url = url != nullptr ? url : "";
    in->title = title != nullptr ? title : "";
  }

  std::optional<Inline> ConvertInline(cmark_node* node) {
    Inline in;
    in.pos = Pos(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT: {
        in.kind = InlineKind::kText;
        in.text = Literal(node);
        // A numeric character reference such as &#1; can still name one.
        char32_t forbidden = 0;
        if (FindCharacterXmlForbids(in.text, &forbidden) != std::string_view::npos) {
          // cmark-gfm encodes &#xFFFE; and &#xFFFF; as stray bytes: U+FFFD here.
          std::string name = forbidden == 0xFFFD ? "a noncharacter" : CodePointName(forbidden);
          Error(in.pos, "character reference to " + name + ", a character XML forbids",
                "delete it, or write the character's name in words");
          return std::nullopt;
        }
        return in;
      }
      case CMARK_NODE_CODE:
        in.kind = InlineKind::kCode;
        in.text = Literal(node);
        return in;
      case CMARK_NODE_SOFTBREAK:
        in.kind = InlineKind::kSoftBreak;
        return in;
      case CMARK_NODE_LINEBREAK:
        in.kind = InlineKind::kLineBreak;
        return in;
      case CMARK_NODE_EMPH:
        in.kind = InlineKind::kEmphasis;
        in.children = ConvertNestedInlines(node, in.pos);
        return in;
      case CMARK_NODE_STRONG:
        in.kind = InlineKind::kStrong;
        in.children = ConvertNestedInlines(node, in.pos);
        return in;
      case CMARK_NODE_LINK:
        in.kind = InlineKind::kLink;
        CopyUrlAndTitle(node, &in);
        in.children = ConvertNestedInlines(node, in.pos);
        return in;
      case CMARK_NODE_IMAGE:
        in.kind = InlineKind::kImage;
        CopyUrlAndTitle(node, &in);
        in.text = PlainText(node);
        return in;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        // cmark numbers references by first use and orders the definitions the
        // same way, so the number is the definition's index plus one.
        in.kind = InlineKind::kFootnoteRef;
        in.footnote = std::atoi(Literal(node).c_str()) - 1;
        return in;
      default:
        break;
    }
    if (IsStrikethrough(node)) {
      in.kind = InlineKind::kStrikethrough;
      in.children = ConvertNestedInlines(node, in.pos);
      return in;
    }
    Error(in.pos, std::string("unsupported inline element '") +
                      cmark_node_get_type_string(node) + "'");
    return std::nullopt;
  }

  doc::Lesson* lesson_;
  DiagnosticSink* sink_;
  std::vector<doc::Footnote> footnotes_;
  std::map<std::string, int> reported_opens_;  // malformed open tags, by element
  std::vector<doc::SourcePos> headings_before_title_;
  bool title_found_ = false;
  static constexpr int kMaxNesting = 10;
  static constexpr int kMaxInlineNesting = 20;
  int inline_depth_ = 0;  // emphasis, links and inline elements we are inside
  int depth_ = 0;  // how many containers (quotes, lists, HTML blocks) we are inside
  bool reported_nesting_ = false;
};

}  // namespace

void ConvertLesson(std::string_view text, doc::Lesson* lesson, DiagnosticSink* sink) {
  // A control character would make the lesson's XHTML ill-formed, and no
  // reader can show it; the loader has already refused bytes that are not UTF-8.
  char32_t forbidden = 0;
  size_t at = FindCharacterXmlForbids(text, &forbidden);
  if (at != std::string_view::npos) {
    LineColumn where = LineColumnAt(text, at);
    sink->Error(lesson->source_path, where.line, where.column,
                "control character " + CodePointName(forbidden) + " in the text",
                "delete it: XML, and so EPUB, forbids it");
    return;
  }
  NodePtr document = ParseMarkdown(text);
  Converter(lesson, sink).Run(document.get());
}

}  // namespace gobook::markdown
