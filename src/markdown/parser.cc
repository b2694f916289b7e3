#include "markdown/parser.h"

#include <cmark-gfm-core-extensions.h>

#include <cstring>
#include <mutex>

namespace gobook::markdown {

NodePtr ParseMarkdown(std::string_view text) {
  // Registration fills cmark-gfm's global tables and is not thread-safe; the
  // book's lessons are parsed on several threads.
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  // UNSAFE keeps raw HTML in the tree: we check it ourselves (raw_html.h) and
  // turn the allowed tags into XHTML, instead of cmark dropping it silently.
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension != nullptr) cmark_parser_attach_syntax_extension(parser, extension);
  }
  cmark_parser_feed(parser, text.data(), text.size());
  NodePtr root(cmark_parser_finish(parser));
  cmark_parser_free(parser);
  return root;
}

namespace {
bool TypeIs(cmark_node* node, const char* name) {
  return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}
}  // namespace

bool IsTable(cmark_node* node) { return TypeIs(node, "table"); }
bool IsTableRow(cmark_node* node) {
  return TypeIs(node, "table_row") || TypeIs(node, "table_header");
}
bool IsTableCell(cmark_node* node) { return TypeIs(node, "table_cell"); }
bool IsStrikethrough(cmark_node* node) { return TypeIs(node, "strikethrough"); }

std::string Literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string() : std::string(literal);
}

std::string PlainText(cmark_node* node) {
  std::string text;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text += Literal(child);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += ' ';
        break;
      default:
        text += PlainText(child);
    }
  }
  return text;
}

}  // namespace gobook::markdown
