#include "epub/plan.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "util/files.h"
#include "util/text.h"

namespace gobook::epub {
namespace {

std::string Numbered(const char* pattern, int number) {
  char name[64];
  std::snprintf(name, sizeof name, pattern, number);
  return name;
}

// Keeps the readable part of a file name; anything else becomes '-'.
std::string SafeStem(const std::string& path) {
  std::string base = BaseName(path);
  base = base.substr(0, base.rfind('.'));
  std::string out;
  for (char ch : base) {
    bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
    out += ok ? ch : '-';
  }
  return out.empty() ? "image" : out;
}

}  // namespace

Plan MakePlan(const doc::Book& book) {
  Plan plan;
  for (size_t i = 0; i < book.lessons.size(); ++i) {
    plan.lesson_files.push_back(Numbered("text/lesson-%03d.xhtml", static_cast<int>(i) + 1));
  }
  for (size_t i = 0; i < book.tracks.size(); ++i) {
    plan.part_files.push_back(Numbered("text/part-%02d.xhtml", static_cast<int>(i) + 1));
  }
  int n = 0;
  for (const doc::ImageRef& image : book.images) {
    std::string extension = image.path.substr(image.path.rfind('.') + 1);
    for (char& ch : extension) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ImageFile file;
    file.from_svg = extension == "svg";
    bool png = file.from_svg || extension == "png";
    file.media_type = png ? "image/png" : "image/jpeg";
    file.href = Numbered("images/%03d-", ++n) + SafeStem(image.path) + (png ? ".png" : ".jpg");
    plan.images[image.path] = file;
  }
  plan.has_cover = !book.cover_svg.empty();
  return plan;
}

std::string RelativeHref(const std::string& from_file, const std::string& to_file) {
  std::string from_dir = DirName(from_file);
  std::string to_dir = DirName(to_file);
  if (from_dir == to_dir) return BaseName(to_file);
  if (from_dir.empty()) return to_file;
  return "../" + to_file;  // content lives one folder deep (text/, images/)
}

}  // namespace gobook::epub
