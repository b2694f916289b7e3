#include "doc/passes.h"
#include "epub/package.h"
#include "epub/pages.h"
#include "epub/xml.h"

namespace gobook::epub {
namespace {

// One entry of the table of contents; the nav and the NCX are both drawn from
// this one tree so they can never disagree.
struct TocEntry {
  std::string label;
  std::string href;  // relative to the package folder
  std::vector<TocEntry> children;
};

std::string LessonLabel(const doc::Book& book, const doc::Lesson& lesson) {
  return doc::LessonNumber(book, lesson.number) + ". " + lesson.title + " (" +
         std::to_string(lesson.read_time.minutes) + " min)";
}

std::vector<TocEntry> TableOfContents(const doc::Book& book, const Plan& plan) {
  std::vector<TocEntry> toc;
  for (size_t t = 0; t < book.tracks.size(); ++t) {
    const doc::Track& track = book.tracks[t];
    TocEntry part{track.title, plan.part_files[t], {}};
    for (int index : track.lessons) {
      const doc::Lesson& lesson = book.lessons[static_cast<size_t>(index)];
      const std::string& file = plan.lesson_files[static_cast<size_t>(index)];
      TocEntry entry{LessonLabel(book, lesson), file, {}};
      for (const doc::Section& section : lesson.sections) {
        entry.children.push_back({section.title, file + "#" + doc::XmlId(section.id), {}});
      }
      part.children.push_back(std::move(entry));
    }
    toc.push_back(std::move(part));
  }
  return toc;
}

int Depth(const std::vector<TocEntry>& entries) {
  int depth = 0;
  for (const TocEntry& entry : entries) depth = std::max(depth, 1 + Depth(entry.children));
  return depth;
}

void AppendNavList(pugi::xml_node parent, const std::vector<TocEntry>& entries) {
  pugi::xml_node list = parent.append_child("ol");
  for (const TocEntry& entry : entries) {
    pugi::xml_node li = list.append_child("li");
    pugi::xml_node a = AppendText(li, "a", entry.label);
    a.append_attribute("href") = RelativeHref(kNavPage, entry.href).c_str();
    if (!entry.children.empty()) AppendNavList(li, entry.children);
  }
}

void AppendLandmark(pugi::xml_node list, const char* type, const std::string& href,
                    const std::string& label) {
  pugi::xml_node a = AppendText(list.append_child("li"), "a", label);
  a.append_attribute("epub:type") = type;
  a.append_attribute("href") = RelativeHref(kNavPage, href).c_str();
}

void AppendNavPoints(pugi::xml_node parent, const std::vector<TocEntry>& entries,
                     int* play_order) {
  for (const TocEntry& entry : entries) {
    pugi::xml_node point = parent.append_child("navPoint");
    int order = ++*play_order;
    point.append_attribute("id") = ("nav." + std::to_string(order)).c_str();
    point.append_attribute("playOrder") = order;
    AppendText(point.append_child("navLabel"), "text", entry.label);
    point.append_child("content").append_attribute("src") = entry.href.c_str();
    AppendNavPoints(point, entry.children, play_order);
  }
}

}  // namespace

std::string NavDocument(const doc::Book& book, const Plan& plan) {
  pugi::xml_document document;
  pugi::xml_node body = StartXhtml(document, "Contents", book.metadata.language,
                                   RelativeHref(kNavPage, kStylesheet));
  pugi::xml_node toc = body.append_child("nav");
  toc.append_attribute("epub:type") = "toc";
  toc.append_attribute("role") = "doc-toc";
  toc.append_attribute("id") = "toc";
  toc.append_attribute("aria-labelledby") = "toc-title.";
  AppendText(toc, "h1", "Contents").append_attribute("id") = "toc-title.";
  AppendNavList(toc, TableOfContents(book, plan));

  pugi::xml_node landmarks = body.append_child("nav");
  landmarks.append_attribute("epub:type") = "landmarks";
  landmarks.append_attribute("aria-labelledby") = "landmarks-title.";
  landmarks.append_attribute("hidden") = "hidden";
  AppendText(landmarks, "h2", "Landmarks").append_attribute("id") = "landmarks-title.";
  pugi::xml_node list = landmarks.append_child("ol");
  if (plan.has_cover) AppendLandmark(list, "cover", kCoverPage, "Cover");
  AppendLandmark(list, "titlepage", kTitlePage, "Title page");
  AppendLandmark(list, "toc", std::string(kNavPage) + "#toc", "Contents");
  AppendLandmark(list, "bodymatter", plan.part_files.front(), "Start of the book");
  return SaveXhtml(document);
}

std::string NcxDocument(const doc::Book& book, const Plan& plan) {
  std::vector<TocEntry> toc = TableOfContents(book, plan);
  pugi::xml_document document;
  AddDeclaration(document);
  pugi::xml_node ncx = document.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = book.metadata.language.c_str();
  pugi::xml_node head = ncx.append_child("head");
  auto meta = [&](const char* name, const std::string& content) {
    pugi::xml_node element = head.append_child("meta");
    element.append_attribute("name") = name;
    element.append_attribute("content") = content.c_str();
  };
  meta("dtb:uid", book.metadata.identifier);
  meta("dtb:depth", std::to_string(Depth(toc)));
  meta("dtb:totalPageCount", "0");
  meta("dtb:maxPageNumber", "0");
  AppendText(ncx.append_child("docTitle"), "text", book.metadata.title);
  int play_order = 0;
  AppendNavPoints(ncx.append_child("navMap"), toc, &play_order);
  return SaveXml(document);
}

}  // namespace gobook::epub
