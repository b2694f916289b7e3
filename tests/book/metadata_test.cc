// Unit tests for book.toml: every key, the required ones, and the checks on
// identifier, date, authors, [fonts] and [accessibility].
#include <catch2/catch.hpp>

#include <string>

#include "book/book.h"
#include "support/diagnostics_text.h"

namespace gobook::book {
namespace {

struct Read {
  doc::Book book;
  std::string diagnostics;
};

Read ReadToml(std::string_view toml) {
  DiagnosticSink sink;
  Read out;
  ReadMetadata(toml, "book/book.toml", &out.book, &sink);
  out.diagnostics = testing::AllDiagnostics(sink);
  return out;
}

const std::string kRequired =
    "title = \"Learn Go\"\n"
    "authors = [\"Ada Lovelace\"]\n"
    "language = \"en\"\n"
    "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n"
    "date = \"2024-05-01\"\n";

TEST_CASE("ReadMetadata reads every key", "[book][metadata]") {
  Read r = ReadToml(
      "title = \"Learn Go\"\n"
      "subtitle = \"The hard parts\"\n"
      "authors = [\"Ada Lovelace\", \"Alan Turing\"]\n"
      "language = \"en-GB\"\n"
      "identifier = \"urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e\"\n"
      "publisher = \"Gopher Press\"\n"
      "rights = \"CC BY 4.0\"\n"
      "description = \"A course.\"\n"
      "date = \"2024-05-01\"\n"
      "cover = \"images/cover.svg\"\n"
      "\n"
      "[fonts]\n"
      "dir = \"../fonts\"\n"
      "\n"
      "[accessibility]\n"
      "conformance = \"EPUB Accessibility 1.1 - WCAG 2.1 Level AA\"\n"
      "certified_by = \"Gopher Press\"\n");
  CHECK(r.diagnostics.empty());
  const doc::Metadata& meta = r.book.metadata;
  CHECK(meta.title == "Learn Go");
  CHECK(meta.subtitle == "The hard parts");
  CHECK(meta.authors == std::vector<std::string>{"Ada Lovelace", "Alan Turing"});
  CHECK(meta.language == "en-GB");
  CHECK(meta.identifier == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e");
  CHECK(meta.publisher == "Gopher Press");
  CHECK(meta.rights == "CC BY 4.0");
  CHECK(meta.description == "A course.");
  CHECK(meta.date == "2024-05-01");
  CHECK(meta.conformance == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  CHECK(meta.certified_by == "Gopher Press");
  CHECK(r.book.cover_svg == "images/cover.svg");
  CHECK(r.book.fonts_dir == "../fonts");
}

TEST_CASE("ReadMetadata: optional keys default to empty", "[book][metadata]") {
  Read r = ReadToml(kRequired);
  CHECK(r.diagnostics.empty());
  CHECK(r.book.metadata.subtitle.empty());
  CHECK(r.book.metadata.publisher.empty());
  CHECK(r.book.metadata.conformance.empty());
  CHECK(r.book.cover_svg.empty());
}

TEST_CASE("ReadMetadata: an unknown key is an error with a suggestion", "[book][metadata]") {
  CHECK(ReadToml(kRequired + "  titel = \"Typo\"\n").diagnostics ==
        "book/book.toml:6:3: error: unknown key 'titel'\n"
        "hint: did you mean 'title'?\n");
  CHECK(ReadToml(kRequired + "isbn = \"978-0\"\n").diagnostics ==
        "book/book.toml:6:1: error: unknown key 'isbn'\n");
}

TEST_CASE("ReadMetadata: missing required keys are errors", "[book][metadata]") {
  CHECK(ReadToml("").diagnostics ==
        "book/book.toml: error: missing required key 'title'\n"
        "book/book.toml: error: missing required key 'authors'\n"
        "hint: authors = [\"Ada Lovelace\"]\n"
        "book/book.toml: error: missing required key 'language'\n"
        "book/book.toml: error: missing required key 'identifier'\n"
        "book/book.toml: error: missing required key 'date'\n");
  CHECK(ReadToml("title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\ndate = \"2024-01-01\"\n")
            .diagnostics == "book/book.toml: error: missing required key 'identifier'\n");
}

TEST_CASE("ReadMetadata: a value of the wrong type is an error at the value", "[book][metadata]") {
  CHECK(ReadToml("title = 42\nauthors = [\"A\"]\nlanguage = \"en\"\n"
                 "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n"
                 "date = \"2024-01-01\"\n")
            .diagnostics == "book/book.toml:1:9: error: 'title' must be a string\n");
}

TEST_CASE("ReadMetadata: the identifier must be a lower-case urn:uuid", "[book][metadata]") {
  const std::string rest =
      "title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\ndate = \"2024-01-01\"\n";
  const std::string error =
      "book/book.toml:5:14: error: 'identifier' must be a fixed 'urn:uuid:' in lower case\n"
      "hint: generate one once with 'uuidgen' and keep it for every edition\n";
  CHECK(ReadToml(rest + "identifier = \"isbn:978-0\"\n").diagnostics == error);
  CHECK(ReadToml(rest + "identifier = \"urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E\"\n")
            .diagnostics == error);
  CHECK(ReadToml(rest + "identifier = \"urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e-x\"\n")
            .diagnostics == error);
}

TEST_CASE("ReadMetadata: the date must be YYYY-MM-DD", "[book][metadata]") {
  const std::string rest =
      "title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\n"
      "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n";
  CHECK(ReadToml(rest + "date = \"May 2024\"\n").diagnostics ==
        "book/book.toml:5:8: error: 'date' must be a real date written YYYY-MM-DD\n");
  CHECK(ReadToml(rest + "date = \"2024-5-1\"\n").diagnostics ==
        "book/book.toml:5:8: error: 'date' must be a real date written YYYY-MM-DD\n");
}

TEST_CASE("ReadMetadata: a TOML date is accepted and written back as YYYY-MM-DD",
          "[book][metadata]") {
  // Regression (fixed): Required("date") reads the value as a string first, so a TOML date
  // (date = 2024-05-01, no quotes) is reported as "'date' must be a string"
  // before CheckDate's code for TOML dates can accept it.
  const std::string rest =
      "title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\n"
      "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n";
  Read r = ReadToml(rest + "date = 2024-05-01\n");
  CHECK(r.diagnostics == "");
  CHECK(r.book.metadata.date == "2024-05-01");
}

TEST_CASE("ReadMetadata: a date that does not exist is an error", "[book][metadata]") {
  // Regression (fixed): only the shape YYYY-MM-DD is checked, so month 13, day 45 passes and
  // ends up in the EPUB's dc:date.
  const std::string rest =
      "title = \"T\"\nauthors = [\"A\"]\nlanguage = \"en\"\n"
      "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\n";
  CHECK(ReadToml(rest + "date = \"2024-13-45\"\n").diagnostics ==
        "book/book.toml:5:8: error: 'date' must be a real date written YYYY-MM-DD\n");
}

TEST_CASE("ReadMetadata: authors must be a non-empty list of strings", "[book][metadata]") {
  const std::string rest =
      "title = \"T\"\nlanguage = \"en\"\n"
      "identifier = \"urn:uuid:12345678-1234-1234-1234-123456789abc\"\ndate = \"2024-01-01\"\n";
  CHECK(ReadToml(rest + "authors = \"Ada\"\n").diagnostics ==
        "book/book.toml:5:11: error: 'authors' must be a non-empty list of names\n");
  CHECK(ReadToml(rest + "authors = []\n").diagnostics ==
        "book/book.toml:5:11: error: 'authors' must be a non-empty list of names\n");
  Read mixed = ReadToml(rest + "authors = [\"Ada\", 3]\n");
  CHECK(mixed.diagnostics == "book/book.toml:5:19: error: each author must be a string\n");
  CHECK(mixed.book.metadata.authors == std::vector<std::string>{"Ada"});
}

TEST_CASE("ReadMetadata: [fonts] defaults to the Go fonts in 'fonts'", "[book][metadata]") {
  Read r = ReadToml(kRequired);
  CHECK(r.book.fonts_dir == "fonts");
  CHECK(r.book.fonts.regular == "Go-Regular.ttf");
  CHECK(r.book.fonts.italic == "Go-Italic.ttf");
  CHECK(r.book.fonts.bold == "Go-Bold.ttf");
  CHECK(r.book.fonts.bold_italic == "Go-Bold-Italic.ttf");
  CHECK(r.book.fonts.mono == "Go-Mono.ttf");
  CHECK(r.book.fonts.mono_bold == "Go-Mono-Bold.ttf");
  CHECK(r.book.fonts.mono_italic == "Go-Mono-Italic.ttf");
}

TEST_CASE("ReadMetadata: [fonts] keys override the defaults one by one", "[book][metadata]") {
  Read r = ReadToml(kRequired +
                    "[fonts]\n"
                    "dir = \"/usr/share/fonts/go\"\n"
                    "regular = \"Serif.ttf\"\n"
                    "mono_italic = \"MonoI.ttf\"\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.book.fonts_dir == "/usr/share/fonts/go");
  CHECK(r.book.fonts.regular == "Serif.ttf");
  CHECK(r.book.fonts.mono_italic == "MonoI.ttf");
  CHECK(r.book.fonts.bold == "Go-Bold.ttf");
  CHECK(r.book.fonts.mono == "Go-Mono.ttf");
}

TEST_CASE("ReadMetadata: errors inside [fonts]", "[book][metadata]") {
  CHECK(ReadToml(kRequired + "[fonts]\nreguler = \"R.ttf\"\n").diagnostics ==
        "book/book.toml:7:1: error: unknown key 'reguler' in [fonts]\n"
        "hint: did you mean 'regular'?\n");
  CHECK(ReadToml(kRequired + "[fonts]\nbold = 700\n").diagnostics ==
        "book/book.toml:7:8: error: 'bold' must be a string\n");
  CHECK(ReadToml(kRequired + "fonts = \"Go\"\n").diagnostics ==
        "book/book.toml:6:9: error: 'fonts' must be a table ([fonts])\n");
}

TEST_CASE("ReadMetadata: a conformance claim needs certified_by", "[book][metadata]") {
  CHECK(ReadToml(kRequired +
                 "\n[accessibility]\n"
                 "conformance = \"EPUB Accessibility 1.1 - WCAG 2.1 Level AA\"\n")
            .diagnostics ==
        "book/book.toml:7:1: error: a conformance claim needs 'certified_by': who evaluated it\n");
  CHECK(ReadToml(kRequired + "[accessibility]\ncertifed_by = \"X\"\n").diagnostics ==
        "book/book.toml:7:1: error: unknown key 'certifed_by' in [accessibility]\n"
        "hint: did you mean 'certified_by'?\n");
}

TEST_CASE("ReadMetadata: a TOML syntax error is reported at its place", "[book][metadata]") {
  Read r = ReadToml("title = \"Learn Go\"\nauthors = [\"A\"\n");
  CHECK(r.diagnostics ==
        "book/book.toml:2:16: error: error while parsing array: encountered end-of-file\n");
  CHECK(r.book.metadata.title.empty());  // nothing is read from a file that does not parse
}

}  // namespace
}  // namespace gobook::book
