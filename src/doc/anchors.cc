#include <cctype>
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
    // GitHub appends -1, -2, ... to repeats, skipping any already taken.
    for (int n = 1; used_.count(anchor) > 0; ++n) anchor = base + "-" + std::to_string(n);
    used_.insert(anchor);
    return anchor;
  }

 private:
  std::set<std::string> used_;
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
  if (!anchor.empty()) {
    unsigned char first = static_cast<unsigned char>(anchor[0]);
    if (std::isalpha(first) || first == '_' || first >= 0x80) return anchor;
  }
  return "h." + anchor;
}

}  // namespace gobook::doc
