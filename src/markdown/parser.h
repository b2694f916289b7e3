// The one place that sets the Markdown dialect: CommonMark plus GitHub's tables,
// strikethrough, autolinks and footnotes. Everything that parses Markdown (lessons
// and the SUMMARY.md manifest) goes through ParseMarkdown. Only this folder
// includes cmark-gfm.
#ifndef GOBOOK_MARKDOWN_PARSER_H_
#define GOBOOK_MARKDOWN_PARSER_H_

#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace gobook::markdown {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr ParseMarkdown(std::string_view text);

// Node type helpers that also cover the extensions' node types.
bool IsTable(cmark_node* node);
bool IsTableRow(cmark_node* node);
bool IsTableCell(cmark_node* node);
bool IsStrikethrough(cmark_node* node);

// The node's literal text ("" when it has none).
std::string Literal(cmark_node* node);

// The concatenated text of a node's inline descendants, as a plain string.
std::string PlainText(cmark_node* node);

}  // namespace gobook::markdown

#endif  // GOBOOK_MARKDOWN_PARSER_H_
