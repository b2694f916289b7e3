// Checks of the EPUB tests' own support code.
#include "epub/epub_test_support.h"

#include <catch2/catch.hpp>

namespace gobook::epub::testing {
namespace {

TEST_CASE("epub support: test books run the loader's passes", "[epub][support]") {
  doc::Book book = MakeTwoTrackBook();
  REQUIRE(book.tracks.size() == 2);
  REQUIRE(book.lessons.size() == 3);
  CHECK(book.tracks[0].lessons == std::vector<int>{0, 1});
  CHECK(book.tracks[1].lessons == std::vector<int>{2});
  CHECK(book.lessons[2].number == 3);
  CHECK(book.lessons[2].track == 1);
  CHECK(book.lessons[0].title == "Hello, Go");
  REQUIRE(book.lessons[0].sections.size() == 2);
  CHECK(book.lessons[0].sections[1].id == "5-things--more");
  CHECK(book.lessons[0].read_time.minutes >= 1);
}

TEST_CASE("epub support: test books register local images as the loader does", "[epub][support]") {
  doc::Book book = MakeLessonBook(
      "# Pictures\n\n![one](../images/a.svg) ![two](../images/a.svg) "
      "![three](https://example.com/b.png)\n");
  REQUIRE(book.images.size() == 1);
  CHECK(book.images[0].path == "images/a.svg");
}

}  // namespace
}  // namespace gobook::epub::testing
