#!/usr/bin/env python3
"""Write a book ten times the size of book/ for bench/run.sh.

Usage:
    python3 bench/make_10x_book.py SRC_BOOK OUT_DIR [--copies 10] [--fonts-dir PATH]

Every lesson of SRC_BOOK is copied COPIES times. Each track keeps its own lessons:
the Beginner path holds copy 1 of its lessons, then copy 2, and so on, so the
10x book has the same two tracks, each ten times as long (22 lessons become 220).
A copy's title gains ", copy K" (in the H1 and in SUMMARY.md) and its file name
gains its new number, and every link from one lesson to another points at the
same copy of the target, so gobook's link check passes (it refuses a link to a
missing lesson or heading). Images and the cover are copied as they are; the
[fonts] dir is absolute, because the fonts are not copied.

Standard library only; the output depends on nothing but the input.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bookread import github_slug, heading_text, parse_summary, split_front_matter  # noqa: E402

# Links to a lesson file, with an optional anchor: [text](02-foo.md#bar).
LESSON_LINK = re.compile(r"\]\(([^()\s#]+\.md)(#[^()\s]*)?\)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--fonts-dir", default=None,
                    help="[fonts] dir for book.toml (default: the repo's fonts/)")
    args = ap.parse_args()

    src = Path(args.src).resolve()
    out = Path(args.out)
    fonts_dir = Path(args.fonts_dir or Path(__file__).resolve().parent.parent / "fonts").resolve()
    copies = args.copies

    book_title, tracks = parse_summary(src / "SUMMARY.md")
    if out.exists():
        shutil.rmtree(out)
    (out / "lessons").mkdir(parents=True)
    shutil.copytree(src / "images", out / "images")

    # Number every (copy, lesson) in reading order: a lesson's number is its
    # position in the whole book, as gobook counts.
    new_name: dict[tuple[int, str], str] = {}
    new_title: dict[tuple[int, str], str] = {}
    order: list[list[tuple[int, str, str]]] = []  # per track: (copy, old path, old title)
    number = 0
    for track in tracks:
        entries = []
        for k in range(1, copies + 1):
            for title, path in track["lessons"]:
                number += 1
                stem = Path(path).stem
                # Drop the old "NN-" prefix: the new number says where it is.
                stem = re.sub(r"^\d+-", "", stem)
                new_name[(k, path)] = f"lessons/{number:03d}-{stem}-c{k:02d}.md"
                new_title[(k, path)] = f"{title}, copy {k}"
                entries.append((k, path, title))
        order.append(entries)

    by_basename = {Path(p).name: p for t in tracks for _, p in t["lessons"]}

    for entries in order:
        for k, path, _title in entries:
            text = (src / path).read_text(encoding="utf-8")
            text = rewrite_lesson(text, k, path, new_name, new_title, by_basename)
            (out / new_name[(k, path)]).write_text(text, encoding="utf-8")

    # SUMMARY.md: same tracks, same descriptions, the copies in order.
    lines = [f"# {book_title}, 10x benchmark edition", ""]
    for track, entries in zip(tracks, order):
        lines += [f"## {track['name']}", "", track["description"], ""]
        for i, (k, path, _title) in enumerate(entries, 1):
            lines.append(f"{i}. [{new_title[(k, path)]}]({new_name[(k, path)]})")
        lines.append("")
    (out / "SUMMARY.md").write_text("\n".join(lines), encoding="utf-8")

    # book.toml: the original, with a new title and identifier (it is another
    # book) and the fonts found where they are.
    toml = (src / "book.toml").read_text(encoding="utf-8")
    toml = re.sub(r'(?m)^title = "(.*)"$', r'title = "\1, 10x benchmark edition"', toml, count=1)
    toml = re.sub(r'(?m)^identifier = ".*"$',
                  'identifier = "urn:uuid:0b5e1c4e-7a1d-4c59-9d0e-10b0e4c40010"', toml, count=1)
    toml = re.sub(r'(?ms)^\[fonts\]\n(dir = "[^"]*"\n)?',
                  f'[fonts]\ndir = "{fonts_dir.as_posix()}"\n', toml, count=1)
    if "[fonts]" not in toml:
        toml += f'\n[fonts]\ndir = "{fonts_dir.as_posix()}"\n'
    (out / "book.toml").write_text(toml, encoding="utf-8")
    for name in os.listdir(src):
        if name.endswith(".svg") or name.endswith(".png") or name.endswith(".jpg"):
            shutil.copy2(src / name, out / name)

    print(f"make_10x_book: {number} lessons in {out}")
    return 0


def rewrite_lesson(text, k, path, new_name, new_title, by_basename):
    """Retitle one copy of a lesson and point its lesson links at copy k."""
    front, body = split_front_matter(text)
    lines = body.split("\n")
    in_fence = None
    old_h1_slug = None
    new_h1_slug = None
    for i, line in enumerate(lines):
        fence = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence:
            mark = fence.group(1)
            if in_fence is None:
                in_fence = mark[0] * len(mark)
            elif line.strip().startswith(in_fence) and line.strip().strip(mark[0]) == "":
                in_fence = None
            continue
        if in_fence is not None:
            continue
        if old_h1_slug is None and re.match(r"^# ", line):
            old_h1_slug = github_slug(heading_text(line[2:]))
            lines[i] = f"# {new_title[(k, path)]}"
            new_h1_slug = github_slug(new_title[(k, path)])
            continue

        def relink(m):
            target = by_basename.get(Path(m.group(1)).name)
            if target is None:
                return m.group(0)  # not a lesson link: leave it for gobook to judge
            anchor = m.group(2) or ""
            # A link to another lesson's title anchor follows the new title.
            if anchor and target == path and anchor[1:] == old_h1_slug:
                anchor = "#" + new_h1_slug
            elif anchor and target != path:
                anchor = retarget_title_anchor(anchor, k, target, new_title)
            return f"]({Path(new_name[(k, target)]).name}{anchor})"

        lines[i] = LESSON_LINK.sub(relink, line)
    return front + "\n".join(lines)


_title_slug_cache: dict[str, str] = {}


def retarget_title_anchor(anchor, k, target, new_title):
    """An anchor to the target's H1 must follow its new title; others stay."""
    old = _title_slug_cache.get(target)
    if old is None:
        # The old title is the new one without ", copy K".
        old = github_slug(re.sub(r", copy \d+$", "", new_title[(1, target)]))
        _title_slug_cache[target] = old
    if anchor[1:] == old:
        return "#" + github_slug(new_title[(k, target)])
    return anchor


if __name__ == "__main__":
    sys.exit(main())
