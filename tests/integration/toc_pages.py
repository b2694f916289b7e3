"""Checks a PDF's contents against where its lessons really start.

Usage: toc_pages.py TEXT_FILE [OUTLINES_JSON]
  TEXT_FILE from `pdftotext -layout`; OUTLINES_JSON from
  `qpdf --json=2 --json-key=outlines`.
Every contents entry "NN  Title ....  M min  PAGE" (a long title wraps, so
PAGE may be lines below NN) must name the page whose folio is PAGE and which
opens with "LESSON NN", and every lesson must have one; every lesson bookmark
must go to that page, and every section bookmark to a page showing the
section's title, which is never the last line of that page.
Prints what differs and exits 1.
"""
import json
import re
import sys


def check_outline(path, pages, starts):
    """The bookmarks' pages, against the lessons' starts and the sections' text."""
    bad = []
    outlines = json.load(open(path, encoding="utf-8"))["outlines"]
    folios = []
    for text in pages:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        folios.append(int(lines[-1]) if lines and re.fullmatch(r"\d+", lines[-1]) else None)
    lessons = sections = 0
    for part in outlines:
        for lesson in part.get("kids", []):
            number = lesson["title"][:2]
            page = lesson["destpageposfrom1"] - 1
            lessons += 1
            if folios[page] != starts.get(number):
                bad.append(f"bookmark {lesson['title']!r} goes to page {folios[page]}, "
                           f"the lesson starts on page {starts.get(number)}")
            for section in lesson.get("kids", []):
                sections += 1
                page_text = pages[section["destpageposfrom1"] - 1]
                text = " ".join(page_text.split())
                title = " ".join(section["title"].split())
                if title not in text:
                    bad.append(f"bookmark {section['title']!r} goes to a page without it")
                # No heading at the foot of a page: some text must follow it.
                body = [" ".join(l.split()) for l in page_text.split("\n") if l.strip()]
                if len(body) >= 2 and body[-2] == title:
                    bad.append(f"heading {section['title']!r} is the last line of its page")
    return bad, lessons, sections


def main():
    pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
    toc = {}
    starts = {}
    for text in pages:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            continue
        folio = lines[-1] if re.fullmatch(r"\d+", lines[-1]) else None
        number = None  # a long title wraps: its number and its page are lines apart
        for line in lines:
            opening = re.match(r"^(\d\d)\s", line)
            number = opening.group(1) if opening else number
            entry = re.search(r"\s(\d+) min\s+(\d+)$", line)
            if entry and number and "Contents" in text:
                toc[number] = int(entry.group(2))
                number = None
        opening = re.search(r"^\s*LESSON (\d\d)\s*$", text, re.M)
        if opening and folio:
            starts[opening.group(1)] = int(folio)
    if not toc:
        print("no contents entries found")
        return 1
    bad = [f"lesson {n}: contents says page {toc[n]}, it starts on page {starts.get(n)}"
           for n in sorted(toc) if starts.get(n) != toc[n]]
    bad += [f"lesson {n} is missing from the contents" for n in sorted(set(starts) - set(toc))]
    summary = f"contents: {len(toc)} lessons on the pages the contents give"
    if len(sys.argv) > 2:
        outline_bad, lessons, sections = check_outline(sys.argv[2], pages, starts)
        bad += outline_bad
        summary += f"; bookmarks: {lessons} lessons and {sections} sections on their pages"
    for line in bad:
        print(line)
    if not bad:
        print(summary)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
