// Tests of the EPUB's file plan: fixed file names by position, image names made
// safe, relative hrefs between package files, and lesson numbers.
#include "doc/passes.h"
#include "epub/plan.h"

#include <catch2/catch.hpp>

#include <string>

#include "epub/epub_test_support.h"

namespace gobook::epub {
namespace {

// A book with `count` empty lessons in one track, numbered as the loader does.
doc::Book BookWithLessons(int count) {
  doc::Book book;
  book.tracks.push_back({"Only", "only", "", {}, 0});
  for (int i = 0; i < count; ++i) {
    doc::Lesson lesson;
    lesson.number = i + 1;
    book.tracks[0].lessons.push_back(i);
    book.lessons.push_back(lesson);
  }
  return book;
}

TEST_CASE("plan: content files are named by position", "[epub][plan]") {
  doc::Book book = testing::MakeTwoTrackBook();
  Plan plan = MakePlan(book);
  CHECK(plan.lesson_files == std::vector<std::string>{"text/lesson-001.xhtml",
                                                      "text/lesson-002.xhtml",
                                                      "text/lesson-003.xhtml"});
  CHECK(plan.part_files == std::vector<std::string>{"text/part-01.xhtml", "text/part-02.xhtml"});
  CHECK(plan.images.empty());
  CHECK_FALSE(plan.has_cover);
  book.cover_svg = "cover.svg";
  CHECK(MakePlan(book).has_cover);
}

TEST_CASE("plan: file names do not depend on the authors' file names", "[epub][plan]") {
  doc::Book book = BookWithLessons(120);
  book.lessons[0].file = "lessons/01 why go?.md";
  Plan plan = MakePlan(book);
  REQUIRE(plan.lesson_files.size() == 120);
  CHECK(plan.lesson_files[0] == "text/lesson-001.xhtml");
  CHECK(plan.lesson_files[119] == "text/lesson-120.xhtml");
}

TEST_CASE("plan: images are numbered, made safe and converted", "[epub][plan]") {
  doc::Book book;
  book.images = {{"images/slice-header.svg"}, {"images/gopher.png"}, {"images/photo.jpeg"},
                 {"images/Scan.JPG"},         {"images/my photo+café.PNG"},
                 {"images/deep/name_v2.svg"}, {"images/.png"}};
  Plan plan = MakePlan(book);
  REQUIRE(plan.images.size() == 7);

  const ImageFile& svg = plan.images.at("images/slice-header.svg");
  CHECK(svg.href == "images/001-slice-header.png");
  CHECK(svg.media_type == "image/png");
  CHECK(svg.from_svg);

  const ImageFile& png = plan.images.at("images/gopher.png");
  CHECK(png.href == "images/002-gopher.png");
  CHECK(png.media_type == "image/png");
  CHECK_FALSE(png.from_svg);

  const ImageFile& jpeg = plan.images.at("images/photo.jpeg");
  CHECK(jpeg.href == "images/003-photo.jpg");
  CHECK(jpeg.media_type == "image/jpeg");
  CHECK_FALSE(jpeg.from_svg);
  CHECK(plan.images.at("images/Scan.JPG").href == "images/004-Scan.jpg");

  // Spaces, punctuation and each byte of a non-ASCII character become '-'.
  const ImageFile& unsafe = plan.images.at("images/my photo+café.PNG");
  CHECK(unsafe.href == "images/005-my-photo-caf--.png");
  CHECK(unsafe.media_type == "image/png");
  CHECK(plan.images.at("images/deep/name_v2.svg").href == "images/006-name_v2.png");
  CHECK(plan.images.at("images/.png").href == "images/007-image.png");
}

TEST_CASE("plan: hrefs between package files", "[epub][plan]") {
  CHECK(RelativeHref("text/lesson-001.xhtml", "text/lesson-002.xhtml") == "lesson-002.xhtml");
  CHECK(RelativeHref("text/lesson-001.xhtml", "images/001-a.png") == "../images/001-a.png");
  CHECK(RelativeHref("text/lesson-001.xhtml", "css/book.css") == "../css/book.css");
  CHECK(RelativeHref("text/part-01.xhtml", "nav.xhtml") == "../nav.xhtml");
  CHECK(RelativeHref("nav.xhtml", "text/lesson-001.xhtml") == "text/lesson-001.xhtml");
  CHECK(RelativeHref("nav.xhtml", "nav.xhtml#toc") == "nav.xhtml#toc");
  CHECK(RelativeHref("nav.xhtml", "css/book.css") == "css/book.css");
  CHECK(RelativeHref("text/lesson-001.xhtml", "text/lesson-001.xhtml#a") ==
        "lesson-001.xhtml#a");
}

TEST_CASE("plan: lesson numbers have two digits, three from 100 lessons", "[epub][plan]") {
  doc::Book small = BookWithLessons(99);
  CHECK(doc::LessonNumber(small, 1) == "01");
  CHECK(doc::LessonNumber(small, 6) == "06");
  CHECK(doc::LessonNumber(small, 99) == "99");
  doc::Book large = BookWithLessons(100);
  CHECK(doc::LessonNumber(large, 6) == "006");
  CHECK(doc::LessonNumber(large, 100) == "100");
  CHECK(doc::LessonNumber(BookWithLessons(1), 1) == "01");
}

}  // namespace
}  // namespace gobook::epub
