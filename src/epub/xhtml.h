// The document model's blocks and inlines as XHTML elements, for the EPUB's
// content documents. Internal to epub/.
#ifndef GOBOOK_EPUB_XHTML_H_
#define GOBOOK_EPUB_XHTML_H_

#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "doc/model.h"
#include "epub/plan.h"

namespace gobook::epub {

class BodyWriter {
 public:
  // Writes content of `lesson_index`, whose file is plan.lesson_files[lesson_index].
  BodyWriter(const doc::Book& book, const Plan& plan, int lesson_index);

  void WriteBlocks(pugi::xml_node parent, const doc::Blocks& blocks);
  void WriteInlines(pugi::xml_node parent, const std::vector<doc::Inline>& inlines);
  // The lesson's footnotes as asides with back links, for the end of the lesson.
  void WriteFootnotes(pugi::xml_node parent);

 private:
  void WriteBlock(pugi::xml_node parent, const doc::Block& block);
  void WriteCode(pugi::xml_node parent, const doc::Block& block);
  void WriteList(pugi::xml_node parent, const doc::Block& block);
  void WriteCallout(pugi::xml_node parent, const doc::Block& block);
  void WriteTable(pugi::xml_node parent, const doc::Block& block);
  void WriteInline(pugi::xml_node parent, const doc::Inline& in);
  void WriteLink(pugi::xml_node parent, const doc::Inline& link);
  void WriteImage(pugi::xml_node parent, const doc::Inline& image);
  void WriteFootnoteRef(pugi::xml_node parent, const doc::Inline& ref);
  std::string LinkHref(const doc::Inline& link) const;

  const doc::Book& book_;
  const Plan& plan_;
  int lesson_index_;
  const std::string& file_;
  std::map<int, int> note_refs_;  // footnote index -> references written so far
  int link_depth_ = 0;            // > 0 while writing a link's content
};

// The XML id of a footnote and of its first reference.
std::string FootnoteId(int index);
std::string FootnoteRefId(int index, int occurrence);

// The id of a lesson's title heading.
inline constexpr const char* kTitleId = "title.";

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_XHTML_H_
