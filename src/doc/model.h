// The document model: the one representation of a book that every writer reads.
//
// The book loader fills it from book.toml, SUMMARY.md and the lesson files; the
// Markdown stage turns each lesson's text into blocks and inlines; the passes in
// this folder then assign ids, resolve links and compute read times. After the
// passes the model is read-only: writers (EPUB, PDF) never go back to Markdown or
// to the files on disk, except to copy the images the model names.
#ifndef GOBOOK_DOC_MODEL_H_
#define GOBOOK_DOC_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gobook::doc {

// A place in a source file, for diagnostics. Lines and columns count from 1;
// a column counts bytes, as gcc and cmark do.
struct SourcePos {
  std::string file;  // as shown to the user, e.g. "book/lessons/06-slices.md"
  int line = 0;
  int column = 0;
};

enum class InlineKind {
  kText,         // text: plain text
  kCode,         // text: a code span
  kEmphasis,     // children
  kStrong,       // children
  kStrikethrough,// children
  kLink,         // url (resolved, see Link pass), children; title optional
  kImage,        // url (book-relative path or remote URL), text: alt text
  kSoftBreak,    // a newline inside a paragraph: rendered as a space
  kLineBreak,    // a hard break (two spaces, backslash, or <br>)
  kFootnoteRef,  // footnote: index into Lesson::footnotes
  kHtml,         // an allowed raw HTML element: tag, attributes, children
};

// Where a link goes once the link pass has run.
enum class LinkTarget {
  kExternal,     // http(s), mailto: url is kept as written
  kLesson,       // another lesson (or a heading in it): target_lesson, target_id
  kSameLesson,   // a heading in this lesson: target_id
  kDropped,      // a lesson outside a one-track build: shown as text plus a note
};

struct Inline {
  InlineKind kind = InlineKind::kText;
  std::string text;
  std::string url;
  std::string title;
  std::string tag;  // kHtml: element name, lower case
  std::vector<std::pair<std::string, std::string>> attributes;  // kHtml
  std::vector<Inline> children;
  int footnote = -1;  // kFootnoteRef
  // Links, after the link pass.
  LinkTarget link_target = LinkTarget::kExternal;
  int target_lesson = -1;  // index into Book::lessons
  std::string target_id;   // heading id, empty for the lesson's start
  SourcePos pos;
};

enum class BlockKind {
  kParagraph,      // inlines
  kHeading,        // level (1-6), inlines, id
  kCodeBlock,      // code (tabs expanded), language, info
  kList,           // ordered, start, tight, items
  kBlockQuote,     // children
  kCallout,        // callout, children
  kTable,          // alignments, header, rows
  kThematicBreak,
  kHtml,           // an allowed raw HTML element holding blocks: tag, attributes, children
                   // (e.g. <div>, <details>); <summary> appears as a kHtml child with inlines
};

enum class CalloutKind { kNote, kTip, kWarning, kTrap };

enum class Alignment { kNone, kLeft, kCenter, kRight };

// How a ```go block is checked by `gobook test`, parsed from the info string.
enum class CodeRole {
  kOther,      // any language other than go/output, or none: shown as it is
  kProgram,    // ```go: a complete program
  kFragment,   // ```go fragment: parsed, not run
  kOutput,     // ```output: what the preceding program prints
};

struct Block;
using Blocks = std::vector<Block>;

struct TableCell {
  std::vector<Inline> inlines;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Inline> inlines;  // paragraph, heading, table caption (unused)
  Blocks children;              // block quote, callout, html
  std::vector<Blocks> items;    // list items
  int level = 0;                // heading
  std::string id;               // heading anchor (GitHub rule, unique in the lesson)
  // Code blocks.
  std::string code;             // text with tabs expanded to 4 columns, no final newline
  std::string source_code;      // the text as written, tabs kept (what `gobook test` runs)
  bool fenced = true;           // false for an indented code block (its code starts at pos)
  std::string language;         // first word of the info string, lower case ("" if none)
  std::string info;             // the whole info string
  CodeRole code_role = CodeRole::kOther;
  // Lists.
  bool ordered = false;
  int start = 1;
  bool tight = true;
  // Callouts.
  CalloutKind callout = CalloutKind::kNote;
  // Tables.
  std::vector<Alignment> alignments;
  std::vector<TableCell> header;
  std::vector<std::vector<TableCell>> rows;
  // kHtml.
  std::string tag;
  std::vector<std::pair<std::string, std::string>> attributes;
  SourcePos pos;
};

struct Footnote {
  std::string label;  // as written: [^label]
  Blocks blocks;
  SourcePos pos;
};

// A second-level heading of a lesson, for tables of contents.
struct Section {
  std::string title;  // plain text
  std::string id;
};

struct ReadTime {
  int words = 0;       // prose words
  int code_lines = 0;  // non-blank lines of fenced blocks
  int minutes = 1;
};

struct Lesson {
  int number = 0;           // position in the whole book, from 1
  int track = 0;            // index into Book::tracks
  std::string source_path;  // as shown in diagnostics, e.g. "book/lessons/01-why-go.md"
  std::string file;         // relative to the book folder, e.g. "lessons/01-why-go.md"
  std::string slug;         // file stem, e.g. "01-why-go"
  std::string title;        // plain text of the H1
  std::vector<Inline> title_inlines;
  std::string summary;      // from front matter
  Blocks blocks;            // the body, without the H1
  std::vector<Footnote> footnotes;  // in order of first reference
  std::vector<Section> sections;
  ReadTime read_time;
};

struct Track {
  std::string title;        // the heading in SUMMARY.md
  std::string slug;         // GitHub-style anchor of the title
  std::string description;  // the line under the heading
  std::vector<int> lessons; // indices into Book::lessons, in reading order
  int minutes = 0;
};

struct FontFiles {
  std::string regular, italic, bold, bold_italic;  // paths relative to the book's fonts folder
  std::string mono, mono_bold, mono_italic;
  std::string symbols, cjk;  // the PDF's fallbacks for characters the faces above lack
};

struct Metadata {
  std::string title;
  std::string subtitle;
  std::vector<std::string> authors;
  std::string language;     // BCP 47, e.g. "en"
  std::string identifier;   // "urn:uuid:..."
  std::string publisher;
  std::string rights;
  std::string description;
  std::string date;         // publication date, YYYY-MM-DD
  std::string conformance;  // optional accessibility claim, e.g. "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
  std::string certified_by; // who evaluated the claim
};

// An image the book uses, found while converting lessons.
struct ImageRef {
  std::string path;  // relative to the book folder, e.g. "images/slice-header.svg"
};

struct Book {
  std::string root;          // the book folder as given, e.g. "book"
  std::string fonts_dir;     // where the font files live
  std::string cover_svg;     // relative to root; empty when the book has no cover
  Metadata metadata;
  FontFiles fonts;
  std::vector<Track> tracks;
  std::vector<Lesson> lessons;  // in reading order across tracks
  std::vector<ImageRef> images; // unique, in order of first use
  int minutes = 0;
  bool single_track = false;    // built with --track
  std::string go_version;       // [test] go: the Go the programs need, e.g. "1.26"
};

}  // namespace gobook::doc

#endif  // GOBOOK_DOC_MODEL_H_
