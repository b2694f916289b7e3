#include "epub/xhtml.h"

#include "doc/passes.h"
#include "epub/xml.h"
#include "highlight/go_lexer.h"

namespace gobook::epub {
namespace {

const char* CalloutClass(doc::CalloutKind kind) {
  switch (kind) {
    case doc::CalloutKind::kNote: return "callout note";
    case doc::CalloutKind::kTip: return "callout tip";
    case doc::CalloutKind::kWarning: return "callout warning";
    case doc::CalloutKind::kTrap: return "callout trap";
  }
  return "callout";
}

const char* AlignClass(doc::Alignment alignment) {
  switch (alignment) {
    case doc::Alignment::kLeft: return "left";
    case doc::Alignment::kCenter: return "center";
    case doc::Alignment::kRight: return "right";
    case doc::Alignment::kNone: return nullptr;
  }
  return nullptr;
}

void AppendPcdata(pugi::xml_node parent, const std::string& text) {
  parent.append_child(pugi::node_pcdata).set_value(text.c_str());
}

void CopyAttributes(pugi::xml_node element,
                    const std::vector<std::pair<std::string, std::string>>& attributes) {
  for (const auto& [name, value] : attributes) {
    element.append_attribute(name.c_str()) = value.c_str();
    // XHTML content documents need xml:lang beside lang for assistive technology.
    if (name == "lang") element.append_attribute("xml:lang") = value.c_str();
  }
}

}  // namespace

std::string FootnoteId(int index) { return "fn." + std::to_string(index + 1); }

std::string FootnoteRefId(int index, int occurrence) {
  std::string id = "fnref." + std::to_string(index + 1);
  return occurrence == 0 ? id : id + "." + std::to_string(occurrence + 1);
}

BodyWriter::BodyWriter(const doc::Book& book, const Plan& plan, int lesson_index)
    : book_(book),
      plan_(plan),
      lesson_index_(lesson_index),
      file_(plan.lesson_files[static_cast<size_t>(lesson_index)]) {}

void BodyWriter::WriteBlocks(pugi::xml_node parent, const doc::Blocks& blocks) {
  for (const doc::Block& block : blocks) WriteBlock(parent, block);
}

void BodyWriter::WriteBlock(pugi::xml_node parent, const doc::Block& block) {
  switch (block.kind) {
    case doc::BlockKind::kParagraph:
      WriteInlines(parent.append_child("p"), block.inlines);
      return;
    case doc::BlockKind::kHeading: {
      std::string name = "h" + std::to_string(std::min(block.level, 6));
      pugi::xml_node heading = parent.append_child(name.c_str());
      heading.append_attribute("id") = doc::XmlId(block.id).c_str();
      WriteInlines(heading, block.inlines);
      return;
    }
    case doc::BlockKind::kCodeBlock:
      WriteCode(parent, block);
      return;
    case doc::BlockKind::kList:
      WriteList(parent, block);
      return;
    case doc::BlockKind::kBlockQuote:
      WriteBlocks(parent.append_child("blockquote"), block.children);
      return;
    case doc::BlockKind::kCallout:
      WriteCallout(parent, block);
      return;
    case doc::BlockKind::kTable:
      WriteTable(parent, block);
      return;
    case doc::BlockKind::kThematicBreak:
      parent.append_child("hr");
      return;
    case doc::BlockKind::kHtml: {
      pugi::xml_node element = parent.append_child(block.tag.c_str());
      CopyAttributes(element, block.attributes);
      if (block.tag == "summary") {
        WriteInlines(element, block.inlines);
      } else {
        WriteBlocks(element, block.children);
      }
      return;
    }
  }
}

void BodyWriter::WriteCode(pugi::xml_node parent, const doc::Block& block) {
  bool output = block.code_role == doc::CodeRole::kOutput;
  if (output) {
    pugi::xml_node label = AppendText(parent, "p", "Output");
    label.append_attribute("class") = "code-label";
  }
  pugi::xml_node pre = parent.append_child("pre");
  pre.append_attribute("class") = output ? "output" : "code";
  pre.append_attribute("translate") = "no";
  pugi::xml_node code = pre.append_child("code");
  if (!block.language.empty() && !output) {
    code.append_attribute("class") = ("language-" + block.language).c_str();
  }
  if (block.language != "go") {
    AppendPcdata(code, block.code);
    return;
  }
  for (const highlight::Token& token : highlight::TokenizeGo(block.code)) {
    std::string_view css = highlight::TokenClass(token.kind);
    if (css.empty()) {
      AppendPcdata(code, token.text);
      continue;
    }
    pugi::xml_node span = AppendText(code, "span", token.text);
    span.append_attribute("class") = std::string(css).c_str();
  }
}

void BodyWriter::WriteList(pugi::xml_node parent, const doc::Block& block) {
  pugi::xml_node list = parent.append_child(block.ordered ? "ol" : "ul");
  if (block.ordered && block.start != 1) list.append_attribute("start") = block.start;
  for (const doc::Blocks& item : block.items) {
    pugi::xml_node li = list.append_child("li");
    // A tight list's paragraphs are shown without their own spacing, as on GitHub.
    if (block.tight && !item.empty()) {
      for (const doc::Block& child : item) {
        if (child.kind == doc::BlockKind::kParagraph) {
          WriteInlines(li, child.inlines);
        } else {
          WriteBlock(li, child);
        }
      }
    } else {
      WriteBlocks(li, item);
    }
  }
}

void BodyWriter::WriteCallout(pugi::xml_node parent, const doc::Block& block) {
  pugi::xml_node box = parent.append_child("div");
  box.append_attribute("class") = CalloutClass(block.callout);
  box.append_attribute("role") = "note";
  pugi::xml_node title = AppendText(box, "p", doc::CalloutTitle(block.callout));
  title.append_attribute("class") = "callout-title";
  WriteBlocks(box, block.children);
}

void BodyWriter::WriteTable(pugi::xml_node parent, const doc::Block& block) {
  pugi::xml_node table = parent.append_child("table");
  auto write_row = [&](pugi::xml_node section, const std::vector<doc::TableCell>& cells,
                       bool header) {
    pugi::xml_node row = section.append_child("tr");
    for (size_t i = 0; i < cells.size(); ++i) {
      pugi::xml_node cell = row.append_child(header ? "th" : "td");
      if (header) cell.append_attribute("scope") = "col";
      const char* align = i < block.alignments.size() ? AlignClass(block.alignments[i]) : nullptr;
      if (align != nullptr) cell.append_attribute("class") = align;
      WriteInlines(cell, cells[i].inlines);
    }
  };
  write_row(table.append_child("thead"), block.header, true);
  if (!block.rows.empty()) {
    pugi::xml_node body = table.append_child("tbody");
    for (const auto& row : block.rows) write_row(body, row, false);
  }
}

void BodyWriter::WriteInlines(pugi::xml_node parent, const std::vector<doc::Inline>& inlines) {
  for (const doc::Inline& in : inlines) WriteInline(parent, in);
}

void BodyWriter::WriteInline(pugi::xml_node parent, const doc::Inline& in) {
  switch (in.kind) {
    case doc::InlineKind::kText:
      AppendPcdata(parent, in.text);
      return;
    case doc::InlineKind::kCode:
      AppendText(parent, "code", in.text);
      return;
    case doc::InlineKind::kEmphasis:
      WriteInlines(parent.append_child("em"), in.children);
      return;
    case doc::InlineKind::kStrong:
      WriteInlines(parent.append_child("strong"), in.children);
      return;
    case doc::InlineKind::kStrikethrough:
      WriteInlines(parent.append_child("del"), in.children);
      return;
    case doc::InlineKind::kLink:
      WriteLink(parent, in);
      return;
    case doc::InlineKind::kImage:
      WriteImage(parent, in);
      return;
    case doc::InlineKind::kSoftBreak:
      AppendPcdata(parent, "\n");
      return;
    case doc::InlineKind::kLineBreak:
      parent.append_child("br");
      return;
    case doc::InlineKind::kFootnoteRef:
      WriteFootnoteRef(parent, in);
      return;
    case doc::InlineKind::kHtml: {
      pugi::xml_node element = parent.append_child(in.tag.c_str());
      CopyAttributes(element, in.attributes);
      WriteInlines(element, in.children);
      return;
    }
  }
}

std::string BodyWriter::LinkHref(const doc::Inline& link) const {
  switch (link.link_target) {
    case doc::LinkTarget::kExternal:
      return link.url;
    case doc::LinkTarget::kSameLesson:
      return "#" + (link.target_id.empty() ? std::string(kTitleId) : doc::XmlId(link.target_id));
    case doc::LinkTarget::kLesson: {
      std::string href = RelativeHref(
          file_, plan_.lesson_files[static_cast<size_t>(link.target_lesson)]);
      return link.target_id.empty() ? href : href + "#" + doc::XmlId(link.target_id);
    }
    case doc::LinkTarget::kDropped:
      return "";
  }
  return "";
}

void BodyWriter::WriteLink(pugi::xml_node parent, const doc::Inline& link) {
  if (link.link_target == doc::LinkTarget::kDropped) {
    WriteInlines(parent, link.children);
    AppendPcdata(parent, " (" + link.text + ")");
    return;
  }
  pugi::xml_node a = parent.append_child("a");
  a.append_attribute("href") = LinkHref(link).c_str();
  if (!link.title.empty()) a.append_attribute("title") = link.title.c_str();
  ++link_depth_;
  WriteInlines(a, link.children);
  --link_depth_;
}

void BodyWriter::WriteImage(pugi::xml_node parent, const doc::Inline& image) {
  auto found = plan_.images.find(image.url);
  if (found == plan_.images.end()) {
    // A remote image is never fetched: show its description, linked to it
    // unless it already sits in a link (XHTML forbids a link in a link).
    std::string text = image.text.empty() ? image.url : image.text;
    if (link_depth_ > 0) {
      AppendPcdata(parent, text);
      return;
    }
    pugi::xml_node a = parent.append_child("a");
    a.append_attribute("href") = image.url.c_str();
    AppendPcdata(a, text);
    return;
  }
  pugi::xml_node img = parent.append_child("img");
  img.append_attribute("src") = RelativeHref(file_, found->second.href).c_str();
  img.append_attribute("alt") = image.text.c_str();
  if (!image.title.empty()) img.append_attribute("title") = image.title.c_str();
}

void BodyWriter::WriteFootnoteRef(pugi::xml_node parent, const doc::Inline& ref) {
  const auto& notes = book_.lessons[static_cast<size_t>(lesson_index_)].footnotes;
  if (ref.footnote < 0 || ref.footnote >= static_cast<int>(notes.size())) return;
  int occurrence = note_refs_[ref.footnote]++;
  pugi::xml_node a = parent.append_child("a");
  a.append_attribute("id") = FootnoteRefId(ref.footnote, occurrence).c_str();
  a.append_attribute("href") = ("#" + FootnoteId(ref.footnote)).c_str();
  a.append_attribute("class") = "noteref";
  a.append_attribute("epub:type") = "noteref";
  a.append_attribute("role") = "doc-noteref";
  AppendPcdata(a, std::to_string(ref.footnote + 1));
}

void BodyWriter::WriteFootnotes(pugi::xml_node parent) {
  const auto& notes = book_.lessons[static_cast<size_t>(lesson_index_)].footnotes;
  if (notes.empty()) return;
  pugi::xml_node list = parent.append_child("div");
  list.append_attribute("class") = "footnotes";
  for (size_t i = 0; i < notes.size(); ++i) {
    int index = static_cast<int>(i);
    pugi::xml_node aside = list.append_child("aside");
    aside.append_attribute("id") = FootnoteId(index).c_str();
    aside.append_attribute("class") = "footnote";
    aside.append_attribute("epub:type") = "footnote";
    aside.append_attribute("role") = "doc-footnote";
    // The number links back to the first reference, inside the note's first paragraph.
    pugi::xml_node back = aside.append_child("p");
    back.append_attribute("class") = "footnote-number";
    pugi::xml_node a = back.append_child("a");
    a.append_attribute("href") = ("#" + FootnoteRefId(index, 0)).c_str();
    a.append_attribute("role") = "doc-backlink";
    AppendPcdata(a, std::to_string(index + 1) + ".");
    WriteBlocks(aside, notes[i].blocks);
  }
}

}  // namespace gobook::epub
