// A text dump of a lesson's document model, one node per line, children indented,
// so a test can state the whole expected tree at once and a failure shows the diff.
#ifndef GOBOOK_TESTS_SUPPORT_MODEL_DUMP_H_
#define GOBOOK_TESTS_SUPPORT_MODEL_DUMP_H_

#include <string>
#include <vector>

#include "doc/model.h"

namespace gobook::testing {

struct DumpOptions {
  bool positions = false;  // append " @line:column" to every node
};

namespace dump_internal {

inline std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '\n') {
      out += "\\n";
    } else if (ch == '"') {
      out += "\\\"";
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

inline std::string Attributes(const std::vector<std::pair<std::string, std::string>>& attributes) {
  std::string out;
  for (const auto& [name, value] : attributes) out += " " + name + "=" + Quote(value);
  return out;
}

inline std::string At(const doc::SourcePos& pos, const DumpOptions& options) {
  if (!options.positions) return "";
  return " @" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

inline void Inlines(const std::vector<doc::Inline>& inlines, int depth, const DumpOptions& options,
                    std::string* out) {
  for (const doc::Inline& in : inlines) {
    std::string line(static_cast<size_t>(depth) * 2, ' ');
    switch (in.kind) {
      case doc::InlineKind::kText: line += "text " + Quote(in.text); break;
      case doc::InlineKind::kCode: line += "code " + Quote(in.text); break;
      case doc::InlineKind::kEmphasis: line += "emph"; break;
      case doc::InlineKind::kStrong: line += "strong"; break;
      case doc::InlineKind::kStrikethrough: line += "strike"; break;
      case doc::InlineKind::kLink: line += "link " + Quote(in.url); break;
      case doc::InlineKind::kImage: line += "image " + Quote(in.url) + " alt=" + Quote(in.text); break;
      case doc::InlineKind::kSoftBreak: line += "softbreak"; break;
      case doc::InlineKind::kLineBreak: line += "linebreak"; break;
      case doc::InlineKind::kFootnoteRef: line += "footnote " + std::to_string(in.footnote); break;
      case doc::InlineKind::kHtml: line += "<" + in.tag + Attributes(in.attributes) + ">"; break;
    }
    *out += line + At(in.pos, options) + "\n";
    Inlines(in.children, depth + 1, options, out);
  }
}

inline const char* CalloutName(doc::CalloutKind kind) {
  switch (kind) {
    case doc::CalloutKind::kNote: return "note";
    case doc::CalloutKind::kTip: return "tip";
    case doc::CalloutKind::kWarning: return "warning";
    case doc::CalloutKind::kTrap: return "trap";
  }
  return "?";
}

inline const char* RoleName(doc::CodeRole role) {
  switch (role) {
    case doc::CodeRole::kOther: return "other";
    case doc::CodeRole::kProgram: return "program";
    case doc::CodeRole::kFragment: return "fragment";
    case doc::CodeRole::kOutput: return "output";
  }
  return "?";
}

inline const char* AlignmentName(doc::Alignment alignment) {
  switch (alignment) {
    case doc::Alignment::kNone: return "none";
    case doc::Alignment::kLeft: return "left";
    case doc::Alignment::kCenter: return "center";
    case doc::Alignment::kRight: return "right";
  }
  return "?";
}

inline void Blocks(const doc::Blocks& blocks, int depth, const DumpOptions& options,
                   std::string* out) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  for (const doc::Block& block : blocks) {
    std::string line = indent;
    switch (block.kind) {
      case doc::BlockKind::kParagraph: line += "paragraph"; break;
      case doc::BlockKind::kHeading:
        line += "heading " + std::to_string(block.level);
        if (!block.id.empty()) line += " #" + block.id;
        break;
      case doc::BlockKind::kCodeBlock:
        line += "code " + std::string(RoleName(block.code_role)) + " lang=" +
                Quote(block.language) + " " + Quote(block.code);
        break;
      case doc::BlockKind::kList:
        line += block.ordered ? "list ordered start=" + std::to_string(block.start) : "list bullet";
        line += block.tight ? " tight" : " loose";
        break;
      case doc::BlockKind::kBlockQuote: line += "quote"; break;
      case doc::BlockKind::kCallout: line += "callout " + std::string(CalloutName(block.callout)); break;
      case doc::BlockKind::kTable: {
        line += "table";
        for (doc::Alignment alignment : block.alignments) line += std::string(" ") + AlignmentName(alignment);
        break;
      }
      case doc::BlockKind::kThematicBreak: line += "rule"; break;
      case doc::BlockKind::kHtml: line += "<" + block.tag + Attributes(block.attributes) + ">"; break;
    }
    *out += line + At(block.pos, options) + "\n";
    Inlines(block.inlines, depth + 1, options, out);
    Blocks(block.children, depth + 1, options, out);
    for (const doc::Blocks& item : block.items) {
      *out += indent + "  item\n";
      Blocks(item, depth + 2, options, out);
    }
    if (block.kind == doc::BlockKind::kTable) {
      auto row = [&](const std::vector<doc::TableCell>& cells, const char* name) {
        *out += indent + "  " + name + "\n";
        for (const doc::TableCell& cell : cells) {
          *out += indent + "    cell\n";
          Inlines(cell.inlines, depth + 3, options, out);
        }
      };
      row(block.header, "header");
      for (const auto& cells : block.rows) row(cells, "row");
    }
  }
}

}  // namespace dump_internal

inline std::string DumpBlocks(const doc::Blocks& blocks, DumpOptions options = {}) {
  std::string out;
  dump_internal::Blocks(blocks, 0, options, &out);
  return out;
}

inline std::string DumpInlines(const std::vector<doc::Inline>& inlines, DumpOptions options = {}) {
  std::string out;
  dump_internal::Inlines(inlines, 0, options, &out);
  return out;
}

// The lesson's title, body and footnotes.
inline std::string DumpLesson(const doc::Lesson& lesson, DumpOptions options = {}) {
  std::string out = "title " + dump_internal::Quote(lesson.title) + "\n";
  dump_internal::Inlines(lesson.title_inlines, 1, options, &out);
  dump_internal::Blocks(lesson.blocks, 0, options, &out);
  for (size_t i = 0; i < lesson.footnotes.size(); ++i) {
    out += "footnote " + std::to_string(i) + dump_internal::At(lesson.footnotes[i].pos, options) + "\n";
    dump_internal::Blocks(lesson.footnotes[i].blocks, 1, options, &out);
  }
  return out;
}

}  // namespace gobook::testing

#endif  // GOBOOK_TESTS_SUPPORT_MODEL_DUMP_H_
