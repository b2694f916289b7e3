#include "doc/passes.h"

namespace gobook::doc {

std::string PlainText(const std::vector<Inline>& inlines) {
  std::string text;
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::kText:
      case InlineKind::kCode:
        text += in.text;
        break;
      case InlineKind::kImage:
        text += in.text;  // the alt text stands for the image
        break;
      case InlineKind::kSoftBreak:
      case InlineKind::kLineBreak:
        text += ' ';
        break;
      case InlineKind::kFootnoteRef:
        break;
      default:
        text += PlainText(in.children);
    }
  }
  return text;
}

}  // namespace gobook::doc
