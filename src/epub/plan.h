// Where each part of the book goes inside the EPUB: file names fixed by position
// (never by the author's file names, which may hold spaces or odd characters),
// so links and the manifest agree and output is stable. Internal to epub/.
#ifndef GOBOOK_EPUB_PLAN_H_
#define GOBOOK_EPUB_PLAN_H_

#include <map>
#include <string>
#include <vector>

#include "doc/model.h"

namespace gobook::epub {

struct ImageFile {
  std::string href;        // relative to the package folder, e.g. "images/02-slice.png"
  std::string media_type;  // image/png or image/jpeg
  bool from_svg = false;   // rendered from an SVG at twice its size
};

struct Plan {
  std::vector<std::string> lesson_files;  // relative to the package folder: "text/lesson-01.xhtml"
  std::vector<std::string> part_files;    // one per track
  std::map<std::string, ImageFile> images;  // by book-relative source path
  bool has_cover = false;
};

Plan MakePlan(const doc::Book& book);

// The href from one content document to another file of the package, both
// given relative to the package folder.
std::string RelativeHref(const std::string& from_file, const std::string& to_file);

}  // namespace gobook::epub

#endif  // GOBOOK_EPUB_PLAN_H_
