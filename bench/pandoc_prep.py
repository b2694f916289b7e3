#!/usr/bin/env python3
"""Turn a gobook book folder into pandoc's inputs, for bench/run.sh.

Usage:
    python3 bench/pandoc_prep.py BOOK_DIR OUT_DIR --fonts-dir PATH

Writes into OUT_DIR:
    md/NNN.md      the lessons, in SUMMARY.md's order (both tracks), as CommonMark
                   pandoc reads (-f commonmark_x)
    inputs.txt     those files, one a line, in order
    metadata.yaml  title, subtitle, authors, language, identifier, ... from book.toml
    epub.css       the EPUB's stylesheet: @font-face for the embedded Go fonts
    print.css      weasyprint's stylesheet: A4, the Go fonts, running page numbers,
                   a contents list with page numbers, hyphenation
    lessons.txt    the lesson titles, one a line (to check pandoc's output)

What changes in a lesson, and why:
- The +++ TOML front matter is removed (pandoc would print it); its summary becomes
  an emphasised paragraph under the title, where gobook shows it.
- Every heading gets an explicit id, "lNNN-<GitHub anchor>" (the title: "lNNN"),
  and every link to a lesson file or an anchor is rewritten to that id: pandoc
  reads all lessons as one document, so "02-foo.md#bar" would be a dead link and
  anchors such as "exercise" would collide. An unresolved link is an error, as
  it is in gobook.
- Footnote labels get the lesson's prefix, for the same reason.
- GitHub alerts ("> [!NOTE]") become a bold label, as pandoc 2.17 has no alerts.
Images keep their paths (../images/x.svg): run.sh gives pandoc --resource-path
and weasyprint --base-url at the lessons folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    tomllib = None

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bookread import (front_matter_value, github_slug, heading_text,  # noqa: E402
                      parse_summary, split_front_matter)

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
LINK = re.compile(r"(!?)\]\(([^()\s]*)\)")
FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
ALERTS = {"NOTE": "Note", "TIP": "Tip", "WARNING": "Warning", "TRAP": "Interview trap"}


def outside_fences(lines):
    """Yield (index, line) for the lines that are not inside fenced code."""
    fence = None
    for i, line in enumerate(lines):
        m = FENCE.match(line)
        if m:
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and line.strip() == mark:
                fence = None
            continue
        if fence is None:
            yield i, line


def escape_alt_brackets(line: str) -> str:
    """Escape brackets nested in an image's alt text ("arr[1]"): pandoc 2.17's
    CommonMark reader misreads them as a link, though CommonMark allows them."""
    out, i = [], 0
    while (start := line.find("![", i)) >= 0:
        depth, j = 0, start + 2
        while j < len(line):
            ch = line[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if j >= len(line) or not line.startswith("](", j):
            out.append(line[i:start + 2])
            i = start + 2
            continue
        alt = re.sub(r"(?<!\\)([\[\]])", r"\\\1", line[start + 2:j])
        out.append(line[i:start + 2] + alt)
        i = j
    out.append(line[i:])
    return "".join(out)


def heading_ids(body: str, prefix: str) -> tuple[dict[str, str], dict[int, str]]:
    """GitHub anchors of a lesson -> pandoc ids; and line index -> id."""
    anchors: dict[str, str] = {}
    by_line: dict[int, str] = {}
    seen: dict[str, int] = {}
    lines = body.split("\n")
    first = True
    for i, line in outside_fences(lines):
        m = HEADING.match(line)
        if not m:
            continue
        slug = github_slug(heading_text(m.group(2)))
        if slug in seen:  # GitHub's rule for repeats: -1, -2, ...
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
        else:
            seen[slug] = 0
        ident = prefix if first and len(m.group(1)) == 1 else f"{prefix}-{slug}"
        first = False
        anchors[slug] = ident
        by_line[i] = ident
    return anchors, by_line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("book")
    ap.add_argument("out")
    ap.add_argument("--fonts-dir", required=True)
    args = ap.parse_args()
    book = Path(args.book).resolve()
    out = Path(args.out)
    fonts = Path(args.fonts_dir).resolve()
    (out / "md").mkdir(parents=True, exist_ok=True)

    _title, tracks = parse_summary(book / "SUMMARY.md")
    lessons = [(t, book / p) for track in tracks for t, p in track["lessons"]]

    # Pass 1: every lesson's ids, so links can be checked and rewritten.
    parsed = []
    for n, (title, path) in enumerate(lessons, 1):
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        prefix = f"l{n:03d}"
        anchors, by_line = heading_ids(body, prefix)
        parsed.append((path, prefix, front, body, anchors, by_line))
    by_file = {p[0].resolve(): p for p in parsed}

    errors = 0
    inputs = []
    for path, prefix, front, body, anchors, by_line in parsed:
        lines = body.split("\n")
        summary = front_matter_value(front, "summary")
        for i, line in outside_fences(lines):
            if i in by_line:
                m = HEADING.match(line)
                text = re.sub(r"\s+#+\s*$", "", m.group(2))
                line = f"{m.group(1)} {text} {{#{by_line[i]}}}"
                if by_line[i] == prefix and summary:
                    line += f"\n\n*{summary}*"
                lines[i] = line
                continue

            def relink(m):
                nonlocal errors
                bang, target = m.group(1), m.group(2)
                if bang or re.match(r"^[a-z][a-z0-9+.-]*:", target) or not target:
                    return m.group(0)  # images and URLs stay as they are
                file, _, anchor = target.partition("#")
                if not file and anchor:
                    dest = (path, prefix, anchors)
                elif file.endswith(".md"):
                    hit = by_file.get((path.parent / file).resolve())
                    if hit is None:
                        print(f"{path}: link to a missing lesson: {target}", file=sys.stderr)
                        errors += 1
                        return m.group(0)
                    dest = (hit[0], hit[1], hit[4])
                else:
                    return m.group(0)
                if not anchor:
                    return f"](#{dest[1]})"
                if anchor not in dest[2]:
                    print(f"{path}: no heading '#{anchor}' in {dest[0].name}", file=sys.stderr)
                    errors += 1
                    return m.group(0)
                return f"](#{dest[2][anchor]})"

            line = escape_alt_brackets(line)
            line = LINK.sub(relink, line)
            line = FOOTNOTE.sub(lambda m: f"[^{prefix}-{m.group(1)}]", line)
            line = re.sub(r"^(\s*>\s*)\[!(NOTE|TIP|WARNING|TRAP)\]\s*$",
                          lambda m: f"{m.group(1)}**{ALERTS[m.group(2)]}**", line)
            lines[i] = line
        dest = out / "md" / f"{prefix[1:]}.md"
        dest.write_text("\n".join(lines).rstrip("\n") + "\n\n", encoding="utf-8")
        inputs.append(str(dest.resolve()))
    if errors:
        print(f"pandoc_prep: {errors} unresolved links", file=sys.stderr)
        return 1

    (out / "inputs.txt").write_text("\n".join(inputs) + "\n", encoding="utf-8")
    (out / "lessons.txt").write_text("\n".join(t for t, _ in lessons) + "\n", encoding="utf-8")
    write_metadata(book, out / "metadata.yaml")
    (out / "epub.css").write_text(EPUB_CSS, encoding="utf-8")
    (out / "print.css").write_text(PRINT_CSS.replace("@FONTS@", fonts.as_uri()), encoding="utf-8")
    print(f"pandoc_prep: {len(lessons)} lessons from {book} in {out}")
    return 0


def write_metadata(book: Path, dest: Path) -> None:
    """book.toml -> pandoc metadata (JSON strings are valid YAML)."""
    raw = (book / "book.toml").read_text(encoding="utf-8")
    if tomllib:
        meta = tomllib.loads(raw)
    else:  # enough for this book's flat string keys
        meta = {k: json.loads(v) for k, v in re.findall(r'(?m)^(\w+) = (".*")$', raw)}
        meta["authors"] = json.loads(re.search(r"(?m)^authors = (\[.*\])$", raw).group(1))
    out = {
        "title": meta["title"],
        "author": meta.get("authors", []),
        "lang": meta.get("language", "en"),
        "identifier": meta.get("identifier", ""),
        "date": meta.get("date", ""),
    }
    for key in ("subtitle", "publisher", "rights", "description"):
        if key in meta:
            out[key] = meta[key]
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in out.items()]
    dest.write_text("\n".join(lines + ["..."]) + "\n", encoding="utf-8")


# pandoc puts embedded fonts in EPUB/fonts/ and the stylesheet in EPUB/styles/.
EPUB_CSS = """\
@font-face { font-family: "Go"; src: url("../fonts/Go-Regular.ttf"); }
@font-face { font-family: "Go"; font-style: italic; src: url("../fonts/Go-Italic.ttf"); }
@font-face { font-family: "Go"; font-weight: bold; src: url("../fonts/Go-Bold.ttf"); }
@font-face { font-family: "Go"; font-weight: bold; font-style: italic;
             src: url("../fonts/Go-Bold-Italic.ttf"); }
@font-face { font-family: "Go Mono"; src: url("../fonts/Go-Mono.ttf"); }
@font-face { font-family: "Go Mono"; font-weight: bold; src: url("../fonts/Go-Mono-Bold.ttf"); }
@font-face { font-family: "Go Mono"; font-style: italic; src: url("../fonts/Go-Mono-Italic.ttf"); }
body { font-family: "Go", sans-serif; line-height: 1.4; margin: 0 5%; }
h1, h2, h3 { line-height: 1.2; page-break-after: avoid; }
code, pre { font-family: "Go Mono", monospace; }
pre { white-space: pre-wrap; font-size: 0.85em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; }
img { max-width: 100%; }
"""

# Comparable to gobook's PDF: A4, the Go fonts with DejaVu Sans and Droid Sans
# Fallback behind them, justified and hyphenated text, a chapter a new page,
# running page numbers and a contents list with page numbers.
PRINT_CSS = """\
@font-face { font-family: "Go"; src: url("@FONTS@/Go-Regular.ttf"); }
@font-face { font-family: "Go"; font-style: italic; src: url("@FONTS@/Go-Italic.ttf"); }
@font-face { font-family: "Go"; font-weight: bold; src: url("@FONTS@/Go-Bold.ttf"); }
@font-face { font-family: "Go"; font-weight: bold; font-style: italic;
             src: url("@FONTS@/Go-Bold-Italic.ttf"); }
@font-face { font-family: "Go Mono"; src: url("@FONTS@/Go-Mono.ttf"); }
@font-face { font-family: "Go Mono"; font-weight: bold; src: url("@FONTS@/Go-Mono-Bold.ttf"); }
@font-face { font-family: "Go Mono"; font-style: italic; src: url("@FONTS@/Go-Mono-Italic.ttf"); }
@font-face { font-family: "Fallback"; src: url("@FONTS@/DejaVuSans.ttf"); }
@font-face { font-family: "CJK"; src: url("@FONTS@/DroidSansFallbackFull.ttf"); }
@page { size: A4; margin: 25mm 22mm 25mm 22mm;
        @bottom-center { content: counter(page); font-family: "Go"; font-size: 9pt; } }
@page :first { @bottom-center { content: none; } }
html { font-family: "Go", "Fallback", "CJK"; font-size: 10.5pt; line-height: 1.4; }
body { margin: 0; }
p, li { text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
header#title-block-header { page: title; text-align: center; padding-top: 60mm;
                            page-break-after: always; }
header#title-block-header .title { font-size: 26pt; }
nav#TOC { page-break-after: always; }
nav#TOC ul { list-style: none; padding-left: 1.2em; }
nav#TOC > ul { padding-left: 0; }
nav#TOC a { color: black; text-decoration: none; }
nav#TOC a::after { content: leader(".") target-counter(attr(href), page); }
h1 { page-break-before: always; font-size: 20pt; line-height: 1.2; }
h2 { font-size: 14pt; } h3 { font-size: 12pt; }
h1, h2, h3, h4 { page-break-after: avoid; hyphens: manual; text-align: left; }
a { color: #1a4d8f; text-decoration: none; }
code, pre { font-family: "Go Mono", "Fallback", "CJK"; }
pre { font-size: 8.5pt; line-height: 1.3; white-space: pre-wrap; background: #f4f4f4;
      padding: 4pt 6pt; orphans: 2; widows: 2; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 9.5pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; }
blockquote { border-left: 2pt solid #999; margin-left: 0; padding-left: 8pt; }
img { max-width: 100%; max-height: 180mm; }
figure { margin: 1em 0; text-align: center; page-break-inside: avoid; }
section.footnotes { font-size: 9pt; }
"""

if __name__ == "__main__":
    sys.exit(main())
