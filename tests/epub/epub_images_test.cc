// Tests of the EPUB writer's images: an SVG figure and the cover are carried as
// PNGs rendered through the image cache, stored in the archive without deflate
// (they are compressed already) while text and fonts stay deflated, and a cold
// and a warm cache give the same archive.
#include <zip.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "epub/epub_writer.h"
#include "epub_test_support.h"
#include "support/diagnostics_text.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

namespace gobook::epub {
namespace {

const char kSvg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
    "<rect x=\"2\" y=\"2\" width=\"20\" height=\"10\" fill=\"#336699\"/></svg>";

// Each entry's compression method, by name.
std::map<std::string, int> Methods(const std::string& bytes) {
  std::map<std::string, int> methods;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  REQUIRE(archive != nullptr);
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    methods[stat.name] = stat.comp_method;
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return methods;
}

TEST_CASE("EPUB images are rendered once, stored, and the same with a warm cache", "[epub]") {
  ::gobook::testing::TempDir dir;
  dir.Write("book/images/figure.svg", kSvg);
  dir.Write("book/cover.svg", kSvg);
  ::gobook::testing::ScopedEnv cache("GOBOOK_CACHE_DIR", dir.Path("cache").c_str());
  doc::Book book = testing::MakeLessonBook("# First lesson\n\n![A figure](../images/figure.svg)\n");
  book.root = dir.Path("book");
  book.cover_svg = "cover.svg";
  book.fonts_dir = std::string(GOBOOK_SOURCE_DIR) + "/fonts";
  book.fonts = {"Go-Regular.ttf", "Go-Italic.ttf", "Go-Bold.ttf", "Go-Bold-Italic.ttf",
                "Go-Mono.ttf", "Go-Mono-Bold.ttf", "Go-Mono-Italic.ttf", "", ""};
  DiagnosticSink cold_sink;
  std::optional<std::string> cold = BuildEpub(book, EpubOptions{1700000000}, &cold_sink);
  INFO(::gobook::testing::AllDiagnostics(cold_sink));
  REQUIRE(cold);
  DiagnosticSink warm_sink;
  std::optional<std::string> warm = BuildEpub(book, EpubOptions{1700000000}, &warm_sink);
  REQUIRE(warm);
  cache.Restore();
  CHECK(*warm == *cold);
  CHECK(dir.Exists("cache"));
  std::map<std::string, int> methods = Methods(*cold);
  CHECK(methods.at("mimetype") == ZIP_CM_STORE);
  CHECK(methods.at("EPUB/images/001-figure.png") == ZIP_CM_STORE);
  CHECK(methods.at("EPUB/images/cover.png") == ZIP_CM_STORE);
  CHECK(methods.at("EPUB/text/lesson-001.xhtml") == ZIP_CM_DEFLATE);
  CHECK(methods.at("EPUB/fonts/text-regular.ttf") == ZIP_CM_DEFLATE);
}

}  // namespace
}  // namespace gobook::epub
