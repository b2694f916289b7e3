#include <catch2/catch.hpp>

#include "app/app.h"

namespace gobook::app {
namespace {

doc::Book TwoTrackBook() {
  doc::Book book;
  book.tracks = {{"Beginner path", "beginner-path", "", {0, 1}, 7},
                 {"Senior \"deep\" path", "senior-deep-path", "", {2}, 9}};
  const char* titles[] = {"One", "Two", "Three"};
  int minutes[] = {3, 4, 9};
  for (int i = 0; i < 3; ++i) {
    doc::Lesson lesson;
    lesson.number = i + 1;
    lesson.title = titles[i];
    lesson.source_path = "book/lessons/0" + std::to_string(i + 1) + ".md";
    lesson.read_time = {100 * (i + 1), 10 * i, minutes[i]};
    book.lessons.push_back(lesson);
  }
  book.minutes = 16;
  return book;
}

TEST_CASE("stats: JSON has the documented shape, with strings escaped", "[app][stats]") {
  CHECK(StatsJson(TwoTrackBook()) ==
        "{\"tracks\":["
        "{\"title\":\"Beginner path\",\"minutes\":7,\"lessons\":["
        "{\"number\":1,\"title\":\"One\",\"file\":\"book/lessons/01.md\",\"words\":100,"
        "\"code_lines\":0,\"minutes\":3},"
        "{\"number\":2,\"title\":\"Two\",\"file\":\"book/lessons/02.md\",\"words\":200,"
        "\"code_lines\":10,\"minutes\":4}]},"
        "{\"title\":\"Senior \\\"deep\\\" path\",\"minutes\":9,\"lessons\":["
        "{\"number\":3,\"title\":\"Three\",\"file\":\"book/lessons/03.md\",\"words\":300,"
        "\"code_lines\":20,\"minutes\":9}]}],"
        "\"minutes\":16}\n");
}

TEST_CASE("stats: text lists tracks in order with lessons and totals", "[app][stats]") {
  std::string text = StatsText(TwoTrackBook());
  CHECK(text.find("Beginner path (7 min)\n  01  One ") == 0);
  CHECK(text.find("  03  Three ") > text.find("Senior \"deep\" path (9 min)\n"));
  CHECK(text.find("Total: 3 lessons, 600 words, 30 code lines, 16 min\n") != std::string::npos);
}

}  // namespace
}  // namespace gobook::app
