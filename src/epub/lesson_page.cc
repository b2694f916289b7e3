#include "doc/passes.h"
#include "epub/pages.h"
#include "epub/xhtml.h"
#include "epub/xml.h"

namespace gobook::epub {

std::string LessonPage(const doc::Book& book, const Plan& plan, int lesson_index) {
  const doc::Lesson& lesson = book.lessons[static_cast<size_t>(lesson_index)];
  const std::string& file = plan.lesson_files[static_cast<size_t>(lesson_index)];
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, lesson.title, book.metadata.language,
                                   RelativeHref(file, kStylesheet));
  pugi::xml_node section = AppendSection(body, "chapter", "doc-chapter", "lesson", kTitleId);

  // The opening: "Lesson 06", the track, the title, the summary, the read time.
  pugi::xml_node opening = section.append_child("header");
  opening.append_attribute("class") = "lesson-opening";
  pugi::xml_node number = AppendText(opening, "p", "Lesson " + doc::LessonNumber(book, lesson.number));
  number.append_attribute("class") = "lesson-number";
  pugi::xml_node track = AppendText(opening, "p", book.tracks[static_cast<size_t>(lesson.track)].title);
  track.append_attribute("class") = "lesson-track";
  BodyWriter writer(book, plan, lesson_index);
  pugi::xml_node title = opening.append_child("h1");
  title.append_attribute("id") = kTitleId;
  writer.WriteInlines(title, lesson.title_inlines);
  if (!lesson.summary.empty()) {
    AppendText(opening, "p", lesson.summary).append_attribute("class") = "lesson-summary";
  }
  AppendText(opening, "p", ReadTimeLabel(lesson.read_time.minutes))
      .append_attribute("class") = "lesson-readtime";

  writer.WriteBlocks(section, lesson.blocks);
  writer.WriteFootnotes(section);
  return SaveXhtml(document);
}

}  // namespace gobook::epub
