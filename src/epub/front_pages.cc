#include "doc/passes.h"
#include "epub/pages.h"
#include "epub/xml.h"

namespace gobook::epub {
namespace {

pugi::xml_node AppendClassed(pugi::xml_node parent, const char* name, const char* css_class,
                             const std::string& text) {
  pugi::xml_node element = AppendText(parent, name, text);
  element.append_attribute("class") = css_class;
  return element;
}

}  // namespace

std::string ReadTimeLabel(int minutes) { return std::to_string(minutes) + " min read"; }

std::string CoverPage(const doc::Book& book) {
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, "Cover", book.metadata.language,
                                   RelativeHref(kCoverPage, kStylesheet));
  body.append_attribute("class") = "cover";
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("epub:type") = "cover";
  pugi::xml_node img = section.append_child("img");
  img.append_attribute("src") = RelativeHref(kCoverPage, kCoverImage).c_str();
  img.append_attribute("alt") = ("Cover: " + book.metadata.title + ", by " + doc::AuthorList(book.metadata)).c_str();
  img.append_attribute("role") = "doc-cover";
  return SaveXhtml(document);
}

std::string TitlePage(const doc::Book& book) {
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, book.metadata.title, book.metadata.language,
                                   RelativeHref(kTitlePage, kStylesheet));
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("epub:type") = "titlepage";
  section.append_attribute("class") = "titlepage";
  AppendClassed(section, "h1", "book-title", book.metadata.title);
  if (!book.metadata.subtitle.empty()) {
    AppendClassed(section, "p", "book-subtitle", book.metadata.subtitle);
  }
  AppendClassed(section, "p", "book-authors", doc::AuthorList(book.metadata));
  if (!book.metadata.publisher.empty()) {
    AppendClassed(section, "p", "book-publisher", book.metadata.publisher);
  }
  return SaveXhtml(document);
}

std::string CopyrightPage(const doc::Book& book, const std::string& font_licence) {
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, "Copyright", book.metadata.language,
                                   RelativeHref(kCopyrightPage, kStylesheet));
  pugi::xml_node section = body.append_child("section");
  section.append_attribute("epub:type") = "copyright-page";
  section.append_attribute("class") = "copyright";
  section.append_attribute("aria-label") = "Copyright";
  AppendText(section, "p", book.metadata.title);
  AppendText(section, "p", "By " + doc::AuthorList(book.metadata) + ".");
  if (!book.metadata.rights.empty()) AppendText(section, "p", book.metadata.rights);
  if (!book.metadata.description.empty()) AppendText(section, "p", book.metadata.description);
  AppendText(section, "p", "Published " + book.metadata.date +
                               (book.metadata.publisher.empty() ? "" : " by " +
                                                                          book.metadata.publisher) +
                               ". Identifier: " + book.metadata.identifier + ".");
  if (!font_licence.empty()) {
    AppendText(section, "p", "The book's typefaces are embedded under this licence:");
    AppendClassed(section, "pre", "licence", font_licence);
  }
  return SaveXhtml(document);
}

std::string PartPage(const doc::Book& book, const Plan& plan, int track_index) {
  const doc::Track& track = book.tracks[static_cast<size_t>(track_index)];
  const std::string& file = plan.part_files[static_cast<size_t>(track_index)];
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, track.title, book.metadata.language,
                                   RelativeHref(file, kStylesheet));
  pugi::xml_node section = AppendSection(body, "part", "doc-part", "part", "part-title.");
  pugi::xml_node title = AppendText(section, "h1", track.title);
  title.append_attribute("id") = "part-title.";
  if (!track.description.empty()) AppendClassed(section, "p", "part-description", track.description);
  AppendClassed(section, "p", "part-minutes",
                std::to_string(track.lessons.size()) +
                    (track.lessons.size() == 1 ? " lesson, " : " lessons, ") +
                    std::to_string(track.minutes) +
                    (track.minutes == 1 ? " minute of reading" : " minutes of reading"));
  pugi::xml_node list = section.append_child("ol");
  list.append_attribute("class") = "part-lessons";
  for (int index : track.lessons) {
    const doc::Lesson& lesson = book.lessons[static_cast<size_t>(index)];
    pugi::xml_node li = list.append_child("li");
    pugi::xml_node a = li.append_child("a");
    a.append_attribute("href") =
        RelativeHref(file, plan.lesson_files[static_cast<size_t>(index)]).c_str();
    AppendClassed(a, "span", "toc-number", doc::LessonNumber(book, lesson.number));
    a.append_child(pugi::node_pcdata).set_value((" " + lesson.title).c_str());
    AppendClassed(li, "span", "toc-minutes", " " + ReadTimeLabel(lesson.read_time.minutes));
  }
  return SaveXhtml(document);
}

}  // namespace gobook::epub
