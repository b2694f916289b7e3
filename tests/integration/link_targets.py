"""Checks that every internal link of a PDF lands where its text says.

Usage: link_targets.py BOOK_DIR PDF_JSON BBOX_LAYOUT_HTML
  PDF_JSON from `qpdf --json=2 --json-key=pages --json-key=qpdf`, the HTML
  from `pdftotext -bbox-layout`.
Each link is read as a reader meets it: the words under its rectangle on its
page, and the first line at or below its destination on the target page.
- A contents entry "NN Title ..." must land on "LESSON NN".
- A note number must land on that note, "N. ...", on the same page.
- Any other internal link must land on a heading of the book, and every
  cross-reference in the lessons' Markdown, [text](lesson.md#anchor), must
  appear as a link with that text landing on the heading with that anchor.
Prints what differs and exits 1.
"""
import collections
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
SLACK = 1.5  # points between a destination's top and its line's box


def squeeze(text):
    """Text compared by its letters and digits: line breaking adds spaces and
    hyphens, and a link's rectangle takes in its words' punctuation."""
    return re.sub(r"[\W_]", "", text).lower()


def markdown_plain(text):
    return re.sub(r"[`*_]", "", text).strip()


def github_slug(title):
    return re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", markdown_plain(title).lower()))


def book_cross_references(book):
    """(file, link text, heading title) for every link into a lesson's heading."""
    headings = {}
    lessons = sorted((book / "lessons").glob("*.md"))
    for path in lessons:
        titles = re.findall(r"^#{2,6} +(.+?) *#*$", path.read_text(encoding="utf-8"), re.M)
        headings[path.name] = {github_slug(t): markdown_plain(t) for t in titles}
    references = []
    for path in lessons:
        text = path.read_text(encoding="utf-8")
        for label, target, anchor in re.findall(r"(?<!!)\[([^\]^][^\]]*)\]\(([\w.-]+\.md)#([^)]+)\)", text):
            references.append((path.name, markdown_plain(label), headings[target][anchor]))
    return references


def read_pages(html):
    """Per page: its height and its lines as (top, bottom, left, right, text), and words."""
    pages = []
    for page in ET.parse(html).getroot().iter(XHTML + "page"):
        lines, words = [], []
        for line in page.iter(XHTML + "line"):
            ws = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                   float(w.get("yMax")), w.text or "") for w in line.iter(XHTML + "word")]
            words += ws
            lines.append((min(w[1] for w in ws), max(w[3] for w in ws), min(w[0] for w in ws),
                          max(w[2] for w in ws), " ".join(w[4] for w in ws)))
        pages.append((float(page.get("height")), sorted(lines), words))
    return pages


def read_links(pdf_json):
    """Per internal link annotation: (page index, rectangle, target page index, target top)."""
    data = json.load(open(pdf_json, encoding="utf-8"))
    objects = data["qpdf"][1]
    value = lambda ref: objects["obj:" + ref]["value"]
    index = {page["object"]: i for i, page in enumerate(data["pages"])}
    links = []
    for i, page in enumerate(data["pages"]):
        for ref in value(page["object"]).get("/Annots", []):
            annot = value(ref)
            if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                continue
            dest = annot["/Dest"]
            dest = value(dest) if isinstance(dest, str) else dest
            links.append((i, annot["/Rect"], index[dest[0]], dest[3]))
    return links


def words_in(rect, height, words):
    x0, y0, x1, y1 = rect
    top, bottom = height - y1, height - y0
    inside = [w for w in words if x0 - SLACK <= (w[0] + w[2]) / 2 <= x1 + SLACK
              and top - SLACK <= (w[1] + w[3]) / 2 <= bottom + SLACK]
    return " ".join(w[4] for w in sorted(inside, key=lambda w: (round(w[3]), w[0])))


def landing_line(pages, page, top):
    height, lines, _ = pages[page]
    below = [line for line in lines if line[1] >= height - top - SLACK]
    return below[0][4] if below else ""


def main():
    book = pathlib.Path(sys.argv[1])
    pages = read_pages(sys.argv[3])
    links = read_links(sys.argv[2])
    headings = {squeeze(t) for _, _, t in book_cross_references(book)}
    for path in (book / "lessons").glob("*.md"):
        headings |= {squeeze(markdown_plain(t)) for t in
                     re.findall(r"^#{2,6} +(.+?) *#*$", path.read_text(encoding="utf-8"), re.M)}
    contents = {i for i, (_, lines, _) in enumerate(pages) if any(l[4] == "Contents" for l in lines)}
    bad = []
    kinds = collections.Counter()
    found = []  # (squeezed link text, squeezed landing line)
    previous = None
    for page, rect, target, top in links:
        text = words_in(rect, pages[page][0], pages[page][2])
        landing = landing_line(pages, target, top)
        where = f"page {page + 1}: link {text!r} lands on page {target + 1} at {landing!r}"
        if page in contents:
            kinds["contents"] += 1
            entry = re.search(r"(?:^| )(\d\d) (?!min )\D", text)
            expected = f"LESSON {entry.group(1)}" if entry else text.split(" .")[0]
            if landing != expected:
                bad.append(where)
        elif re.fullmatch(r"\d+", text):
            kinds["notes"] += 1
            if target != page or not landing.startswith(text + ". "):
                bad.append(where)
        else:
            kinds["cross-references"] += 1
            if squeeze(landing) not in headings:
                bad.append(where + ", not a heading")
            # A link broken over two lines is two rectangles with one destination.
            if previous and previous[0] == (target, top):
                text = previous[1] + " " + text
            found.append((squeeze(text), squeeze(landing)))
            previous = ((target, top), text)
            continue
        previous = None
    for name, label, title in book_cross_references(book):
        if not any(squeeze(label) in text and landing == squeeze(title) for text, landing in found):
            bad.append(f"{name}: link {label!r} to {title!r} is not a link to that heading")
    for line in bad:
        print(line)
    if not bad:
        print(f"links: {kinds['contents']} contents entries, {kinds['notes']} note numbers, "
              f"{kinds['cross-references']} cross-references, all on their targets")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
