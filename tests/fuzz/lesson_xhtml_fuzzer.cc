// Fuzzes a lesson file through the Markdown converter, the document passes and
// the EPUB writer's page for the lesson. The page must be well-formed XML, or
// every reader and epubcheck rejects the book: pugixml must parse it, and since
// pugixml is lenient, no character XML forbids, no attribute given twice on an
// element and no id used twice may appear either.
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "epub/pages.h"
#include "epub/plan.h"
#include "lesson_book.h"
#include "util/text.h"

namespace {

[[noreturn]] void Fail(const std::string& message, const std::string& xhtml) {
  std::fprintf(stderr, "lesson_xhtml: %s\n--- page ---\n%s\n", message.c_str(), xhtml.c_str());
  std::abort();
}

// XML 1.0's Char production: no C0 control but tab, newline and return, no
// U+FFFE or U+FFFF, whether written as such or as a character reference
// (pugixml writes a control character as "&#01;", which XML forbids too).
void CheckCharacters(std::string_view text, const std::string& xhtml) {
  size_t bad = gobook::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) Fail("invalid UTF-8 at byte " + std::to_string(bad), xhtml);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    bool control = byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
    bool non_character = text.compare(i, 3, "\xEF\xBF\xBE") == 0 ||
                         text.compare(i, 3, "\xEF\xBF\xBF") == 0;
    if (control || non_character) {
      char message[80];
      std::snprintf(message, sizeof message, "XML forbids the character at byte %zu (0x%02X)", i,
                    byte);
      Fail(message, xhtml);
    }
  }
}

// Checks every node's decoded text and attributes; pugixml does not.
void CheckNodes(pugi::xml_node node, std::set<std::string>* ids, const std::string& xhtml) {
  CheckCharacters(node.value(), xhtml);
  std::set<std::string> names;
  for (pugi::xml_attribute attribute : node.attributes()) {
    CheckCharacters(attribute.value(), xhtml);
    if (!names.insert(attribute.name()).second) {
      Fail(std::string("attribute '") + attribute.name() + "' repeated on <" + node.name() + ">",
           xhtml);
    }
    if (std::string_view(attribute.name()) == "id" && !ids->insert(attribute.value()).second) {
      Fail(std::string("id '") + attribute.value() + "' used twice", xhtml);
    }
  }
  for (pugi::xml_node child : node.children()) CheckNodes(child, ids, xhtml);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gobook::DiagnosticSink sink;
  std::optional<gobook::doc::Book> book =
      gobook::fuzz::LessonBook({reinterpret_cast<const char*>(data), size}, &sink);
  if (!book) return 0;
  gobook::epub::Plan plan = gobook::epub::MakePlan(*book);
  // The fuzzed lesson is the book's last.
  int lesson = static_cast<int>(book->lessons.size()) - 1;
  std::string xhtml = gobook::epub::LessonPage(*book, plan, lesson);

  pugi::xml_document document;
  pugi::xml_parse_result parsed =
      document.load_buffer(xhtml.data(), xhtml.size(), pugi::parse_full, pugi::encoding_utf8);
  if (!parsed) {
    Fail(std::string("not well-formed: ") + parsed.description() + " at byte " +
             std::to_string(parsed.offset),
         xhtml);
  }
  CheckCharacters(xhtml, xhtml);
  std::set<std::string> ids;
  CheckNodes(document, &ids, xhtml);
  return 0;
}
