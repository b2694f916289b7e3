#!/usr/bin/env python3
"""Check that a benchmarked output is complete, so no tool wins by doing less.

Usage:
    python3 bench/check_outputs.py epub FILE LESSONS.txt
    python3 bench/check_outputs.py pdf FILE LESSONS.txt

epub: a ZIP whose first entry is an uncompressed "mimetype" of
application/epub+zip, with a container, an OPF package and a nav document whose
table of contents names every lesson of LESSONS.txt (one title a line), and as
many content documents holding a level-1 heading as there are lessons.
pdf: a PDF whose page count is sensible for the number of lessons (3 to 40
pages a lesson; the real book is about 7).
Prints one line of facts; exits 1 if a check fails.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import zipfile


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def check_epub(path: str, titles: list[str]) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if not infos or infos[0].filename != "mimetype" or infos[0].compress_type != 0 \
                or z.read("mimetype") != b"application/epub+zip":
            problems.append("mimetype is not the first, stored entry")
        names = z.namelist()
        if "META-INF/container.xml" not in names:
            problems.append("no META-INF/container.xml")
        if not any(n.endswith(".opf") for n in names):
            problems.append("no OPF package")
        navs = [n for n in names if n.endswith("nav.xhtml")]
        if not navs:
            return problems + ["no nav.xhtml"]
        nav = z.read(navs[0]).decode("utf-8")
        entries = [text_of(a) for a in re.findall(r"<a\b[^>]*>(.*?)</a>", nav, re.S)]
        missing = [t for t in titles if not any(t in e for e in entries)]
        if missing:
            problems.append(f"{len(missing)} lessons missing from the contents, e.g. {missing[0]!r}")
        chapters = 0
        for n in names:
            if n.endswith(".xhtml") and n not in navs:
                body = z.read(n).decode("utf-8", "replace")
                h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", body, re.S)
                if h1 and any(t in text_of(h1.group(1)) for t in titles):
                    chapters += 1
        if chapters < len(titles):
            problems.append(f"{chapters} chapter documents for {len(titles)} lessons")
    print(f"{path}: EPUB, {len(titles) - len(missing)}/{len(titles)} lessons in the contents, "
          f"{chapters} chapter documents")
    return problems


def pdf_pages(path: str) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"(?m)^Pages:\s+(\d+)", out).group(1))
    # Without poppler: count page objects (neither gobook's libharu nor
    # weasyprint 57 hides them in object streams).
    data = open(path, "rb").read()
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def check_pdf(path: str, titles: list[str]) -> list[str]:
    with open(path, "rb") as f:
        if f.read(5) != b"%PDF-":
            return ["not a PDF"]
    pages = pdf_pages(path)
    print(f"{path}: PDF, {pages} pages for {len(titles)} lessons")
    if not 3 * len(titles) <= pages <= 40 * len(titles):
        return [f"{pages} pages is not sensible for {len(titles)} lessons"]
    return []


def main() -> int:
    kind, path, lessons = sys.argv[1:4]
    titles = [t for t in open(lessons, encoding="utf-8").read().splitlines() if t]
    problems = check_epub(path, titles) if kind == "epub" else check_pdf(path, titles)
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
