"""Checks from a PDF's text layer that its page breaks obey the typesetting rules.

Usage: page_breaks.py BBOX_HTML TOP BOTTOM LEFT RIGHT BODY_LEADING
  BBOX_HTML from `pdftotext -bbox-layout`; the rest, in points from the page's
  top left corner, are the page design of src/pdf/layout/page_style.cc: the
  text block's edges and the leading of body text.
At every break between two pages of lessons:
  - no orphan: a paragraph of two or more lines never leaves its first line
    alone at the foot of a page;
  - no widow: nor its last line alone at the head of the next page;
  - a code block split by the break shows at least two lines of code on each
    side (blank lines do not count: a reader sees nothing there), and the next
    page says "(continued)" at its top right;
  - no heading is the last line of a page.
Each line is read, from its type size and its position, as body text, code, a
heading or something else (tables, labels); running heads, folios, footnotes
and the pages before the first lesson are left out, and a break whose sides
cannot be told for sure is not judged. Prints each violation with its page and
exits 1; otherwise prints how many breaks of each kind it checked, so that a
pass is seen not to be vacuous.
"""
import collections
import math
import re
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"

# The design's ratios (page_style.cc, flow_builder.cc, paginator.cc).
LEADING_RATIO = 1.38             # body leading / body size
HEADING_RATIOS = (1.12, 1.35, 2.0, 2.4)  # of the body size: h3, h2, lesson and part titles
NOTE_RATIO = 0.82                # of the body size: footnotes
CODE_MAX_SIZE = 8.5
CODE_COLUMNS = 72                # the code line the measure must fit...
MONO_ADVANCE = 0.6               # ...in Go Mono, whose every glyph is this many ems wide
CODE_PADDING = 5.0               # inside the code box
CODE_LEADING_RATIO = 1.3
CODE_BASELINE = 0.76             # a code line's baseline, in leadings below its top
MARKER_GAP = 0.4                 # ems between a list marker and its item's text

# pdftotext boxes a word from the font's descender to its ascender, and in
# the Go fonts the descender is this share of the box: this finds baselines.
DESCENT_SHARE = 0.182
SAME_SIZE = 0.02    # points: box heights are exact multiples of the type size
SAME_X = 0.5        # points: the design figures on the command line are rounded
SAME_LINE = 2.0     # points: words nearer than this in baseline share a line
# A line follows the one above in its paragraph when it sits one leading below
# it, give or take this: a tall glyph moves a line down a little, while the
# gap between paragraphs adds half a leading.
GRID_SLACK = 1.5
MARKER = re.compile(r"^(\u2022|\d+\.)$")          # a list item's bullet or number
SENTENCE_END = re.compile(r"[.:;!?][)\"'\u201d\u2019]*$")
NOTE_START = re.compile(r"^\d+\.")


class Design:
    """The page design, and every size the check derives from it."""

    def __init__(self, top, bottom, left, right, leading):
        self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.leading = leading
        self.body = leading / LEADING_RATIO
        self.code = min(CODE_MAX_SIZE,
                        (right - left - 2 * CODE_PADDING) / (CODE_COLUMNS * MONO_ADVANCE))
        self.code_leading = self.code * CODE_LEADING_RATIO
        self.box_ratio = 1.0  # a word box's height over its type size: see read_box_ratio

    def height(self, size):
        """The box height of a word set at `size`."""
        return size * self.box_ratio

    def code_columns(self, x):
        """The columns of a code box whose text starts at x. The builder's count
        can come out one short of the design's through rounding, so this takes
        the smaller: more rows for a line means fewer short splits reported."""
        room = self.right - x - CODE_PADDING
        return math.floor(room / (self.code * MONO_ADVANCE) - 0.01)


Word = collections.namedtuple("Word", "x0 y0 x1 y1 text")


def baseline(word):
    return word.y1 - DESCENT_SHARE * (word.y1 - word.y0)


def has_size(words, height):
    return any(abs(w.y1 - w.y0 - height) < SAME_SIZE for w in words)


class Line:
    """The words on one baseline, and what the check reads from them."""

    def __init__(self, words, design):
        self.words = sorted(words, key=lambda w: w.x0)
        self.text = " ".join(w.text for w in self.words)
        self.x0 = self.words[0].x0
        self.right = max(w.x1 for w in self.words)
        # Inline code is smaller than the text around it: the commonest box
        # height is the line's own.
        heights = collections.Counter(round(w.y1 - w.y0, 3) for w in self.words)
        common = heights.most_common(1)[0][0]
        self.baseline = baseline(next(w for w in self.words if round(w.y1 - w.y0, 3) == common))
        self.kind = classify(self, design)
        # A list item's first line starts with its marker, set right against
        # the item's text: the text, not the marker, lines up with its next lines.
        first = self.words[0]
        self.marker = (len(self.words) > 1 and MARKER.match(first.text) is not None and
                       abs(self.words[1].x0 - first.x1 - MARKER_GAP * design.body) < SAME_X)
        self.left = self.words[1].x0 if self.marker else self.x0

    def justified(self, design):
        """Runs to the right edge, or ends in a hyphen: not a paragraph's last line."""
        last = self.words[-1].text
        hyphen = len(last) > 1 and last.endswith("-") and last[-2].isalpha()
        return abs(self.right - design.right) < SAME_X or hyphen

    def code_rows(self, design):
        """The rows this code line takes. The text layer gives a wrapped line
        once, on its first row, so its length tells how many rows it fills."""
        columns = design.code_columns(self.x0)
        return 1 + max(0, math.ceil((len(self.text) - columns) / (columns - 2)))

    def short(self, width=50):
        return self.text if len(self.text) <= width else self.text[:width - 3] + "..."


def classify(line, design):
    """'body', 'code', 'heading', 'mark' (the "(continued)" mark) or 'other'."""
    words = line.words
    if line.text == "(continued)":
        return "mark"
    if any(has_size(words, design.height(design.body * r)) for r in HEADING_RATIOS):
        return "heading"
    if has_size(words, design.height(design.body)):
        return "body"
    # Code sits inside its box's padding, where the labels of about its size
    # ("Output", "LESSON 01") start at the text's edge.
    if (has_size(words, design.height(design.code)) and
            max(w.y1 - w.y0 for w in words) < design.height(design.body) and
            line.x0 > design.left + CODE_PADDING - SAME_X):
        return "code"
    return "other"


def read_pages(path):
    """Each page's words."""
    pages = []
    for page in ET.parse(path).getroot().iter(XHTML + "page"):
        pages.append([Word(*(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")),
                           word.text or "") for word in page.iter(XHTML + "word")])
    return pages


def read_box_ratio(pages, design):
    """Body text is the book's commonest type: its box height over its size
    gives the fonts' ratio for every other size."""
    heights = collections.Counter(round(w.y1 - w.y0, 4) for words in pages for w in words)
    design.box_ratio = heights.most_common(1)[0][0] / design.body


def body_lines(words, design):
    """The lines between the running head and the folio, top to bottom."""
    inside = sorted((w for w in words
                     if w.y1 > design.top + SAME_X and w.y0 < design.bottom - SAME_X), key=baseline)
    lines, current = [], []
    for word in inside:
        if current and baseline(word) - baseline(current[0]) > SAME_LINE:
            lines.append(Line(current, design))
            current = []
        current.append(word)
    if current:
        lines.append(Line(current, design))
    return lines


def without_notes(lines, design):
    """The lines above the footnotes: those run the full measure at the page's
    foot in smaller type than the body, each note opening with its number."""
    end = len(lines)
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        tallest = max(w.y1 - w.y0 for w in line.words)
        if (line.kind != "other" or abs(line.x0 - design.left) > SAME_X or
                tallest > design.height(design.body * NOTE_RATIO) + SAME_SIZE):
            break
        if NOTE_START.match(line.text):
            end = k
    return lines[:end]


class Page:
    """A page's body lines, its "(continued)" mark if any, and its name."""

    def __init__(self, number, words, design):
        folio = " ".join(w.text for w in words if w.y0 >= design.bottom - SAME_X)
        self.name = f"page {number}" + (f" (folio {folio})" if folio else "")
        lines = without_notes(body_lines(words, design), design)
        self.mark = lines[0] if lines and lines[0].kind == "mark" else None
        self.lines = lines[1:] if self.mark else lines
        # A lesson's opening page starts with its label, a part's page with its
        # title, larger than any heading in the text.
        first = self.lines[0] if self.lines else None
        self.opening = first is not None and (
            re.match(r"^LESSON \d+$", first.text) is not None or
            max(w.y1 - w.y0 for w in first.words) > design.height(design.body * 1.5))


def same_paragraph(upper, lower, design):
    """Whether `lower` is the next line of `upper`'s paragraph: one leading
    below it, at its left edge, with no list marker of its own."""
    return (upper.kind == lower.kind == "body" and not lower.marker and
            abs(lower.baseline - upper.baseline - design.leading) < GRID_SLACK and
            abs(lower.left - upper.left) < SAME_X)


def runs_on(last, first, design):
    """Whether the paragraph ending page p at `last` goes on at `first`, the
    first line of page p + 1."""
    if not (last.kind == first.kind == "body" and not first.marker and
            abs(first.left - last.left) < SAME_X):
        return False
    if last.justified(design):
        return True
    # A paragraph too loose to justify is set ragged: it surely goes on when
    # its line ends mid-sentence and the next word would not have fitted.
    room = design.right - last.right
    return (not SENTENCE_END.search(last.text) and
            first.words[0].x1 - first.words[0].x0 + 0.2 * design.body > room)


def code_block_edge(lines, design):
    """The lines of one code block at the start of `lines`: consecutive code
    lines at one left edge, a whole number of code leadings apart."""
    block = lines[:1]
    for line in lines[1:]:
        steps = abs(line.baseline - block[-1].baseline) / design.code_leading
        if (line.kind != "code" or abs(line.x0 - block[0].x0) > SAME_X or
                abs(steps - round(steps)) > 0.1):
            break
        block.append(line)
    return block


def check_code_break(before, after, design, report):
    """A break after a line of code: inside a block, or after the block's end."""
    last, first = before.lines[-1], after.lines[0]
    if first.kind != "code" or abs(first.x0 - last.x0) > SAME_X:
        return "between blocks"
    if not after.mark:
        # A new block starts below its box's top padding; a continued one at
        # the very top of the page, under its mark.
        new_block = design.top + CODE_PADDING + design.code_leading * CODE_BASELINE
        if abs(first.baseline - new_block) < SAME_X:
            return "between blocks"
        report("continued", after, f"code continued from {before.name} without \"(continued)\"")
    elif abs(after.mark.right - design.right) > SAME_X:
        report("continued", after, f"\"(continued)\" ends at x {after.mark.right:.1f}, "
                                   f"not at the right edge {design.right}")
    foot = sum(line.code_rows(design) for line in code_block_edge(before.lines[::-1], design))
    head = sum(line.code_rows(design) for line in code_block_edge(after.lines, design))
    if foot < 2:
        report("code", before, f"a code block shows {foot} line of code at the page foot "
                               f"({last.short()!r}) and goes on on the next page")
    if head < 2:
        report("code", after, f"a code block from {before.name} shows {head} line of code at "
                              f"the page head ({first.short()!r})")
    return "inside code blocks"


def check_break(before, after, design, report):
    """Checks the break between two pages; returns what kind of break it is."""
    if not before.lines or not after.lines:
        return "not judged"
    last, first = before.lines[-1], after.lines[0]
    if last.kind == "heading":
        report("heading", before, f"heading {last.short()!r} is the last line of the page")
    if after.mark and {last.kind, first.kind} <= {"body", "heading"}:
        report("continued", after, f"\"(continued)\" but no code runs on from {before.name}")
    if after.opening:
        return "before openings"
    if last.kind == "code":
        return check_code_break(before, after, design, report)
    if last.kind != "body" or first.kind == "other":
        return "not judged"
    if not runs_on(last, first, design):
        return "between blocks"
    above = before.lines[-2] if len(before.lines) > 1 else None
    if above is None or not same_paragraph(above, last, design):
        report("orphan", before, f"orphan: a paragraph's first line {last.short()!r} "
                                 f"ends the page")
    below = after.lines[1] if len(after.lines) > 1 else None
    if below is None or not same_paragraph(first, below, design):
        report("widow", after, f"widow: a paragraph's last line {first.short()!r} "
                               f"starts the page")
    return "inside paragraphs"


def main():
    if len(sys.argv) != 7:
        print(__doc__)
        return 2
    design = Design(*(float(v) for v in sys.argv[2:7]))
    words = read_pages(sys.argv[1])
    read_box_ratio(words, design)
    pages = [Page(n, w, design) for n, w in enumerate(words, 1)]
    # The title page and the contents have layouts of their own: the check
    # starts at the first lesson's opening page.
    start = next((k for k, page in enumerate(pages)
                  if page.lines and page.lines[0].text == "LESSON 01"), None)
    if start is None:
        print("no page opens with \"LESSON 01\": the design figures are wrong")
        return 1
    faults = collections.Counter()
    kinds = collections.Counter()

    def report(rule, page, what):
        faults[rule] += 1
        print(f"{page.name}: {what}")

    for before, after in zip(pages[start:], pages[start + 1:]):
        kinds[check_break(before, after, design, report)] += 1
    print(f"page breaks: {sum(kinds.values())} checked, from page {start + 1} to {len(pages)}: "
          f"{kinds['inside paragraphs']} inside paragraphs, "
          f"{kinds['inside code blocks']} inside code blocks, "
          f"{kinds['between blocks']} between blocks, "
          f"{kinds['before openings']} before a lesson or a part, "
          f"{kinds['not judged']} not judged (tables, figures); "
          f"{faults['orphan']} orphans, {faults['widow']} widows, "
          f"{faults['heading']} headings at a page foot, {faults['code']} short code splits, "
          f"{faults['continued']} wrong \"(continued)\" marks")
    if faults:
        return 1
    if not kinds["inside paragraphs"] or not kinds["inside code blocks"]:
        print("no paragraph or no code block runs across a break: the design figures are wrong")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
