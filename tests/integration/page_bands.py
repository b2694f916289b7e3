"""Checks that every word of a PDF is drawn where the page design puts text.

Usage: page_bands.py BBOX_HTML LEFT RIGHT TOP BOTTOM HEAD_BASELINE FOOT_BASELINE
  BBOX_HTML from `pdftotext -bbox`; the rest, in points from the page's top
  left corner, are the page design of src/pdf/layout/page_style.cc: the text
  block's edges, and the baselines of the running head and the folio.
A word above the text block must sit in the running head's band, a word below
it in the folio's band, and every other word inside the text block: nothing
runs into the margins. Prints each stray word with its page and exits 1.
"""
import sys
import xml.etree.ElementTree as ET

SLACK = 0.5      # points: rounding in the design figures and in poppler's boxes
BAND = 14.0      # points: how far a band's text may reach above its baseline


def stray_words(path, left, right, top, bottom, head, foot, counts):
    """Yields (page, word, where) for every word outside its place, and counts
    the words of each band in `counts`."""
    root = ET.parse(path).getroot()
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            text = word.text or ""
            if x0 < left - SLACK or x1 > right + SLACK:
                yield number, text, f"runs into the side margin (x {x0:.1f} to {x1:.1f})"
            elif y1 <= top + SLACK:
                counts["head"] += 1
                if y0 < head - BAND or y1 > head + BAND / 2:
                    yield number, text, f"above the text block but off the head band (y {y0:.1f})"
            elif y0 >= bottom - SLACK:
                counts["folio"] += 1
                if y0 < foot - BAND or y1 > foot + BAND / 2:
                    yield number, text, f"below the text block but off the folio band (y {y0:.1f})"
            elif y0 < top - SLACK or y1 > bottom + SLACK:
                counts["body"] += 1
                yield number, text, f"crosses the text block's edge (y {y0:.1f} to {y1:.1f})"
            else:
                counts["body"] += 1


def main():
    path = sys.argv[1]
    left, right, top, bottom, head, foot = (float(v) for v in sys.argv[2:8])
    counts = {"body": 0, "head": 0, "folio": 0}
    bad = list(stray_words(path, left, right, top, bottom, head, foot, counts))
    for page, text, where in bad[:40]:
        print(f"page {page}: {text!r} {where}")
    if bad:
        print(f"{len(bad)} words out of place")
        return 1
    if min(counts.values()) == 0:
        print(f"a band is empty, so the design figures are wrong: {counts}")
        return 1
    print(f"in place: {counts['body']} body words, {counts['head']} in running heads, "
          f"{counts['folio']} in folios")
    return 0


if __name__ == "__main__":
    sys.exit(main())
