#include "doc/passes.h"

#include <algorithm>
#include <cstdio>

namespace gobook::doc {

std::string LessonNumber(const Book& book, int number) {
  int largest = 0;
  for (const Lesson& lesson : book.lessons) largest = std::max(largest, lesson.number);
  int width = largest >= 100 ? 3 : 2;
  char text[16];
  std::snprintf(text, sizeof text, "%0*d", width, number);
  return text;
}

std::string AuthorList(const Metadata& metadata) {
  std::string text;
  const auto& authors = metadata.authors;
  for (size_t i = 0; i < authors.size(); ++i) {
    if (i > 0) text += i + 1 == authors.size() ? " and " : ", ";
    text += authors[i];
  }
  return text;
}

const char* CalloutTitle(CalloutKind kind) {
  switch (kind) {
    case CalloutKind::kNote: return "Note";
    case CalloutKind::kTip: return "Tip";
    case CalloutKind::kWarning: return "Warning";
    case CalloutKind::kTrap: return "Interview trap";
  }
  return "";
}

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
