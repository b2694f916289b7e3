#include <functional>
#include <map>
#include <set>

#include "doc/passes.h"
#include "util/text.h"

namespace gobook::doc {
namespace {

class AnchorAssigner {
 public:
  std::string Next(const std::string& text) {
    std::string base = GitHubSlug(text);
    std::string anchor = base;
    // GitHub appends -1, -2, ... to repeats, skipping any already taken. Each
    // base resumes after the last number it tried (all below are taken), so n
    // repeats of a heading cost n steps, not n^2.
    int& n = last_number_[base];
    while (used_.count(anchor) > 0) anchor = base + "-" + std::to_string(++n);
    used_.insert(anchor);
    return anchor;
  }

 private:
  std::set<std::string> used_;
  std::map<std::string, int> last_number_;  // by base: the last n tried for "base-n"
};

void AssignIn(Blocks& blocks, AnchorAssigner& assigner, Lesson* lesson) {
  for (Block& block : blocks) {
    if (block.kind == BlockKind::kHeading) {
      block.id = assigner.Next(PlainText(block.inlines));
      if (block.level == 2) lesson->sections.push_back({PlainText(block.inlines), block.id});
    }
    AssignIn(block.children, assigner, lesson);
    for (Blocks& item : block.items) AssignIn(item, assigner, lesson);
  }
}

}  // namespace

void AssignAnchors(Lesson* lesson) {
  AnchorAssigner assigner;
  assigner.Next(lesson->title);  // the title takes its anchor first, as on GitHub
  lesson->sections.clear();
  AssignIn(lesson->blocks, assigner, lesson);
}

std::string XmlId(const std::string& anchor) {
  if (IsXmlName(anchor)) return anchor;
  return "h." + ToXmlNameChars(anchor);
}

void CheckHtmlIds(const Lesson& lesson, DiagnosticSink* sink) {
  std::map<std::string, SourcePos> taken;  // XML id -> where it was defined
  std::function<void(const Blocks&)> headings = [&](const Blocks& blocks) {
    for (const Block& block : blocks) {
      if (block.kind == BlockKind::kHeading) taken.emplace(XmlId(block.id), block.pos);
      headings(block.children);
      for (const Blocks& item : block.items) headings(item);
    }
  };
  headings(lesson.blocks);
  auto check = [&](const std::vector<std::pair<std::string, std::string>>& attributes,
                   const SourcePos& pos) {
    for (const auto& [name, id] : attributes) {
      if (name != "id") continue;
      auto error = [&](std::string message, std::string hint = {}) {
        sink->Error(pos.file, pos.line, pos.column, std::move(message), std::move(hint));
      };
      if (!IsXmlName(id)) {
        error("id '" + id + "' is not a valid XML id",
              "start with a letter; use letters, digits, '-' and '_'");
      } else if (id.find('.') != std::string::npos) {
        error("id '" + id + "' contains '.', which gobook keeps for its own ids");
      } else if (auto [it, inserted] = taken.emplace(id, pos); !inserted) {
        error("id '" + id + "' is already used at line " + std::to_string(it->second.line),
              "ids must be unique in a lesson; every heading has one");
      }
    }
  };
  std::function<void(const std::vector<Inline>&)> inlines = [&](const std::vector<Inline>& list) {
    for (const Inline& in : list) {
      if (in.kind == InlineKind::kHtml) check(in.attributes, in.pos);
      inlines(in.children);
    }
  };
  std::function<void(const Blocks&)> blocks = [&](const Blocks& list) {
    for (const Block& block : list) {
      if (block.kind == BlockKind::kHtml) check(block.attributes, block.pos);
      inlines(block.inlines);
      blocks(block.children);
      for (const Blocks& item : block.items) blocks(item);
      for (const TableCell& cell : block.header) inlines(cell.inlines);
      for (const auto& row : block.rows) {
        for (const TableCell& cell : row) inlines(cell.inlines);
      }
    }
  };
  blocks(lesson.blocks);
  for (const Footnote& note : lesson.footnotes) blocks(note.blocks);
}

}  // namespace gobook::doc
