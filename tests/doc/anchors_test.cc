// Unit tests for heading anchors, sections and XML ids.
#include <catch2/catch.hpp>

#include <string>

#include "doc/passes.h"
#include "support/lessons.h"
#include "support/model_dump.h"

namespace gobook::doc {
namespace {

using testing::LessonFrom;

std::string Ids(const Blocks& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kHeading) out += block.id + " ";
    out += Ids(block.children);
    for (const Blocks& item : block.items) out += Ids(item);
  }
  return out;
}

std::string Sections(const Lesson& lesson) {
  std::string out;
  for (const Section& section : lesson.sections) out += section.title + "=" + section.id + "; ";
  return out;
}

TEST_CASE("AssignAnchors: repeats get -1, -2, and the title takes its anchor first",
          "[doc][anchors]") {
  Lesson lesson = LessonFrom(
      "# Intro\n\n"
      "## Intro\n\n"
      "## Setup\n\n"
      "### Setup\n\n"
      "## Setup\n\n"
      "#### What's *Next*?\n");
  AssignAnchors(&lesson);
  CHECK(Ids(lesson.blocks) == "intro-1 setup setup-1 setup-2 whats-next ");
}

TEST_CASE("AssignAnchors skips anchors already taken", "[doc][anchors]") {
  Lesson lesson = LessonFrom("# T\n\n## A\n\n## A-1\n\n## A\n\n## A\n");
  AssignAnchors(&lesson);
  CHECK(Ids(lesson.blocks) == "a a-1 a-2 a-3 ");
}

TEST_CASE("AssignAnchors lists only level-2 headings as sections", "[doc][anchors]") {
  Lesson lesson = LessonFrom(
      "# The append trap\n\n"
      "## Why `append` copies\n\n"
      "### Detail\n\n"
      "## The append trap\n\n"
      "#### Deep\n");
  AssignAnchors(&lesson);
  CHECK(Sections(lesson) == "Why append copies=why-append-copies; The append trap=the-append-trap-1; ");
}

TEST_CASE("AssignAnchors gives ids to headings inside containers", "[doc][anchors]") {
  Lesson lesson = LessonFrom(
      "# T\n\n"
      "> [!NOTE]\n> ### Inside\n\n"
      "<div class=\"box\">\n\n### Inside\n\n</div>\n\n"
      "- ### Inside\n");
  AssignAnchors(&lesson);
  CHECK(Ids(lesson.blocks) == "inside inside-1 inside-2 ");
  CHECK(lesson.sections.empty());
}

TEST_CASE("AssignAnchors can run again with the same result", "[doc][anchors]") {
  Lesson lesson = LessonFrom("# T\n\n## A\n\n## A\n");
  AssignAnchors(&lesson);
  AssignAnchors(&lesson);
  CHECK(Ids(lesson.blocks) == "a a-1 ");
  CHECK(Sections(lesson) == "A=a; A=a-1; ");
}

TEST_CASE("XmlId prefixes anchors that cannot start an XML id", "[doc][anchors]") {
  CHECK(XmlId("5-iota") == "h.5-iota");
  CHECK(XmlId("intro") == "intro");
  CHECK(XmlId("-leading-hyphen") == "h.-leading-hyphen");
  CHECK(XmlId("_private") == "_private");
  CHECK(XmlId("\xC3\xBC" "ber") == "\xC3\xBC" "ber");
  CHECK(XmlId("") == "h.");
}

}  // namespace
}  // namespace gobook::doc
