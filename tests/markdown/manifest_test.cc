// Unit tests for the SUMMARY.md manifest reader.
#include "markdown/manifest.h"

#include <catch2/catch.hpp>

#include <string>

#include "support/diagnostics_text.h"

namespace gobook::markdown {
namespace {

struct Parsed {
  Manifest manifest;
  std::string diagnostics;
};

Parsed Parse(std::string_view text) {
  DiagnosticSink sink;
  Parsed out;
  out.manifest = ParseManifest(text, "book/SUMMARY.md", &sink);
  out.diagnostics = testing::AllDiagnostics(sink);
  return out;
}

constexpr const char* kTwoTracks =
    "# Learn Go\n"
    "\n"
    "<!-- lessons are numbered across tracks -->\n"
    "\n"
    "## Beginner path\n"
    "\n"
    "Start here if Go is new to you.\n"
    "\n"
    "1. [Why Go](lessons/01-why-go.md)\n"
    "2. [The *append* trap](lessons/02-slices.md)\n"
    "\n"
    "## Senior path\n"
    "\n"
    "For people who write Go every day.\n"
    "\n"
    "- [Generics](lessons/03-generics.md)\n";

TEST_CASE("ParseManifest reads the title, tracks, descriptions and lessons", "[markdown][manifest]") {
  Parsed p = Parse(kTwoTracks);
  CHECK(p.diagnostics.empty());
  CHECK(p.manifest.title == "Learn Go");
  REQUIRE(p.manifest.tracks.size() == 2);

  const ManifestTrack& beginner = p.manifest.tracks[0];
  CHECK(beginner.title == "Beginner path");
  CHECK(beginner.description == "Start here if Go is new to you.");
  CHECK(beginner.pos.file == "book/SUMMARY.md");
  CHECK(beginner.pos.line == 5);
  CHECK(beginner.pos.column == 1);
  REQUIRE(beginner.lessons.size() == 2);
  CHECK(beginner.lessons[0].link_text == "Why Go");
  CHECK(beginner.lessons[0].path == "lessons/01-why-go.md");
  CHECK(beginner.lessons[0].pos.line == 9);
  CHECK(beginner.lessons[0].pos.column == 4);
  CHECK(beginner.lessons[1].link_text == "The append trap");
  CHECK(beginner.lessons[1].path == "lessons/02-slices.md");
  CHECK(beginner.lessons[1].pos.line == 10);

  const ManifestTrack& senior = p.manifest.tracks[1];
  CHECK(senior.title == "Senior path");
  CHECK(senior.description == "For people who write Go every day.");
  REQUIRE(senior.lessons.size() == 1);
  CHECK(senior.lessons[0].link_text == "Generics");
  CHECK(senior.lessons[0].path == "lessons/03-generics.md");
  CHECK(senior.lessons[0].pos.line == 16);
  CHECK(senior.lessons[0].pos.column == 3);
}

TEST_CASE("ParseManifest: the title and the descriptions are optional", "[markdown][manifest]") {
  Parsed p = Parse("## Only\n\n1. [A](a.md)\n");
  CHECK(p.diagnostics.empty());
  CHECK(p.manifest.title.empty());
  REQUIRE(p.manifest.tracks.size() == 1);
  CHECK(p.manifest.tracks[0].description.empty());
  CHECK(p.manifest.tracks[0].lessons.size() == 1);
}

TEST_CASE("ParseManifest: content before the first track is an error", "[markdown][manifest]") {
  CHECK(Parse("# Book\n\nSome intro.\n\n## Track\n\n1. [A](a.md)\n").diagnostics ==
        "book/SUMMARY.md:3:1: error: the manifest has content before its first track\n"
        "hint: start each track with a level-2 heading ('## Part one')\n");
  CHECK(Parse("1. [A](a.md)\n\n## Track\n\n1. [B](b.md)\n").diagnostics ==
        "book/SUMMARY.md:1:1: error: the manifest has content before its first track\n"
        "hint: start each track with a level-2 heading ('## Part one')\n");
}

TEST_CASE("ParseManifest: an entry that is not a single link is an error", "[markdown][manifest]") {
  Parsed p = Parse(
      "## Track\n"
      "\n"
      "1. [A](a.md)\n"
      "2. [B](b.md) and some words\n"
      "3. lessons/c.md\n"
      "4. [D](d.md)\n");
  CHECK(p.diagnostics ==
        "book/SUMMARY.md:4:1: error: a manifest entry must be a single link to a lesson file\n"
        "hint: write '1. [Lesson title](lessons/01-name.md)'\n"
        "book/SUMMARY.md:5:1: error: a manifest entry must be a single link to a lesson file\n"
        "hint: write '1. [Lesson title](lessons/01-name.md)'\n");
  REQUIRE(p.manifest.tracks.size() == 1);
  REQUIRE(p.manifest.tracks[0].lessons.size() == 2);
  CHECK(p.manifest.tracks[0].lessons[1].path == "d.md");
}

TEST_CASE("ParseManifest: a track without lessons is an error at its heading",
          "[markdown][manifest]") {
  CHECK(Parse("## Full\n\n1. [A](a.md)\n\n## Empty\n\nNothing yet.\n").diagnostics ==
        "book/SUMMARY.md:5:1: error: track 'Empty' lists no lessons\n");
}

TEST_CASE("ParseManifest: a level-3 heading is an error", "[markdown][manifest]") {
  CHECK(Parse("## Track\n\n### Part one\n\n1. [A](a.md)\n").diagnostics ==
        "book/SUMMARY.md:3:1: error: unexpected level-3 heading in the manifest\n"
        "hint: each track is a level-2 heading ('## Part one')\n");
  // A second level-1 heading is no title.
  CHECK(Parse("# One\n\n## Track\n\n1. [A](a.md)\n\n# Two\n").diagnostics ==
        "book/SUMMARY.md:7:1: error: unexpected level-1 heading in the manifest\n"
        "hint: each track is a level-2 heading ('## Part one')\n");
}

TEST_CASE("ParseManifest: a manifest without tracks is an error", "[markdown][manifest]") {
  CHECK(Parse("# Just a title\n").diagnostics ==
        "book/SUMMARY.md: error: the manifest lists no tracks\n"
        "hint: add a track: a '## Track name' heading, a one-line description, and a "
        "numbered list of links to lesson files\n");
}

TEST_CASE("ParseManifest: other content inside a track is an error", "[markdown][manifest]") {
  CHECK(Parse("## Track\n\nOne line.\n\nAnother line.\n\n1. [A](a.md)\n").diagnostics ==
        "book/SUMMARY.md:5:1: error: track 'Track' has more than one description line\n");
  CHECK(Parse("## Track\n\n1. [A](a.md)\n\n```\ncode\n```\n").diagnostics ==
        "book/SUMMARY.md:5:1: error: unexpected 'code_block' in the manifest\n");
}

}  // namespace
}  // namespace gobook::markdown
