// Building and saving the EPUB's XML files with pugixml, avoiding its traps:
// indentation would corrupt <pre>, its automatic declaration lacks the encoding
// Send-to-Kindle needs, and an empty <span/> confuses readers that parse XHTML
// as HTML. Internal to the EPUB writer.
#ifndef GOBOOK_EPUB_XML_H_
#define GOBOOK_EPUB_XML_H_

#include <pugixml.hpp>

#include <string>

namespace gobook::epub {

// A new XHTML content document: declaration, doctype, <html> with both lang
// attributes, <head> with the title and the stylesheet. Returns <body>.
pugi::xml_node StartXhtml(pugi::xml_document& document, const std::string& title,
                          const std::string& language, const std::string& stylesheet_href);

// Adds the XML declaration with its encoding; returns the document element slot.
void AddDeclaration(pugi::xml_document& document);

// Serialises without any added whitespace.
std::string SaveXml(pugi::xml_document& document);

// Serialises XHTML: as SaveXml, and empty non-void elements get an explicit end tag.
std::string SaveXhtml(pugi::xml_document& document);

// Appends a <section> with its epub:type, ARIA role and class, labelled by the
// element with id `labelled_by`.
pugi::xml_node AppendSection(pugi::xml_node parent, const char* epub_type, const char* role,
                             const char* css_class, const char* labelled_by);

// Appends an element with text content.
pugi::xml_node AppendText(pugi::xml_node parent, const char* name, const std::string& text);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_XML_H_
