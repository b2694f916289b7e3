#include <algorithm>
#include <cstdio>

#include "app/app.h"

namespace gobook::app {
namespace {

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", ch);
          out += escaped;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string StatsText(const doc::Book& book) {
  std::string out;
  char line[1024];
  int width = 0;  // the longest title sets the column, so none is cut short
  for (const doc::Lesson& lesson : book.lessons) {
    width = std::max(width, static_cast<int>(lesson.title.size()));
  }
  for (const doc::Track& track : book.tracks) {
    std::snprintf(line, sizeof line, "%s (%d min)\n", track.title.c_str(), track.minutes);
    out += line;
    for (int index : track.lessons) {
      const doc::Lesson& lesson = book.lessons[static_cast<size_t>(index)];
      std::snprintf(line, sizeof line, "  %02d  %-*.200s %6d words %5d code lines %3d min\n",
                    lesson.number, width, lesson.title.c_str(), lesson.read_time.words,
                    lesson.read_time.code_lines, lesson.read_time.minutes);
      out += line;
    }
  }
  int words = 0;
  int code_lines = 0;
  for (const doc::Lesson& lesson : book.lessons) {
    words += lesson.read_time.words;
    code_lines += lesson.read_time.code_lines;
  }
  std::snprintf(line, sizeof line, "Total: %zu lessons, %d words, %d code lines, %d min\n",
                book.lessons.size(), words, code_lines, book.minutes);
  return out + line;
}

std::string StatsJson(const doc::Book& book) {
  std::string out = "{\"tracks\":[";
  for (size_t t = 0; t < book.tracks.size(); ++t) {
    const doc::Track& track = book.tracks[t];
    if (t > 0) out += ",";
    out += "{\"title\":" + JsonString(track.title) +
           ",\"minutes\":" + std::to_string(track.minutes) + ",\"lessons\":[";
    for (size_t i = 0; i < track.lessons.size(); ++i) {
      const doc::Lesson& lesson = book.lessons[static_cast<size_t>(track.lessons[i])];
      if (i > 0) out += ",";
      out += "{\"number\":" + std::to_string(lesson.number) +
             ",\"title\":" + JsonString(lesson.title) +
             ",\"file\":" + JsonString(lesson.source_path) +
             ",\"words\":" + std::to_string(lesson.read_time.words) +
             ",\"code_lines\":" + std::to_string(lesson.read_time.code_lines) +
             ",\"minutes\":" + std::to_string(lesson.read_time.minutes) + "}";
    }
    out += "]}";
  }
  out += "],\"minutes\":" + std::to_string(book.minutes) + "}\n";
  return out;
}

}  // namespace gobook::app
