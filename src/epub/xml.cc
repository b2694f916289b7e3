#include "epub/xml.h"

#include <cstring>
#include <sstream>

namespace gobook::epub {
namespace {

bool IsVoidElement(const char* name) {
  for (const char* void_name : {"br", "img", "meta", "link", "hr", "col", "wbr"}) {
    if (std::strcmp(name, void_name) == 0) return true;
  }
  return false;
}

// Gives every empty non-void element an empty text child, so pugixml writes
// <span></span> rather than <span/>.
void OpenEmptyElements(pugi::xml_node node) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (!child.first_child() && !IsVoidElement(child.name())) {
      child.append_child(pugi::node_pcdata);
    } else {
      OpenEmptyElements(child);
    }
  }
}

}  // namespace

void AddDeclaration(pugi::xml_document& document) {
  pugi::xml_node declaration = document.prepend_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
}

pugi::xml_node StartXhtml(pugi::xml_document& document, const std::string& title,
                          const std::string& language, const std::string& stylesheet_href) {
  AddDeclaration(document);
  document.append_child(pugi::node_doctype).set_value("html");
  pugi::xml_node html = document.append_child("html");
  html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
  html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
  html.append_attribute("lang") = language.c_str();
  html.append_attribute("xml:lang") = language.c_str();
  pugi::xml_node head = html.append_child("head");
  pugi::xml_node meta = head.append_child("meta");
  meta.append_attribute("charset") = "utf-8";
  AppendText(head, "title", title);
  if (!stylesheet_href.empty()) {
    pugi::xml_node link = head.append_child("link");
    link.append_attribute("rel") = "stylesheet";
    link.append_attribute("type") = "text/css";
    link.append_attribute("href") = stylesheet_href.c_str();
  }
  return html.append_child("body");
}

std::string SaveXhtml(pugi::xml_document& document) {
  OpenEmptyElements(document);
  return SaveXml(document);
}

std::string SaveXml(pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  std::string text = out.str();
  text += '\n';
  return text;
}

pugi::xml_node AppendSection(pugi::xml_node parent, const char* epub_type, const char* role,
                             const char* css_class, const char* labelled_by) {
  pugi::xml_node section = parent.append_child("section");
  section.append_attribute("epub:type") = epub_type;
  section.append_attribute("role") = role;
  section.append_attribute("class") = css_class;
  section.append_attribute("aria-labelledby") = labelled_by;
  return section;
}

pugi::xml_node AppendText(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node element = parent.append_child(name);
  element.append_child(pugi::node_pcdata).set_value(text.c_str());
  return element;
}

}  // namespace gobook::epub
