#!/usr/bin/env bash
# The real book as a PDF: qpdf passes it, every font is embedded and cut down to
# the glyphs it draws (the full fallback fonts are 0.7 and 4 MB), poppler reads
# it without a warning, each paper size gives its page size, the same input
# gives the same bytes, every word sits in the text block or in the bands of
# the running head and the folio, no page break leaves a widow, an orphan, a
# heading at a page foot or a lone line of code, every Go program comes back
# verbatim from the text layer (indentation included), as a reader copying it
# would get it, and the contents' page numbers, the bookmarks and every
# internal link point at the right pages.
set -euo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
book="$GOBOOK_SOURCE_DIR/book"

"$GOBOOK" pdf --book "$book" -o book.pdf > summary.txt
grep -Eq "^wrote book.pdf: 22 lessons, [0-9.]+ (KiB|MiB), [0-9.]+ s$" summary.txt
"$GOBOOK" pdf --book "$book" -o again.pdf > /dev/null
cmp book.pdf again.pdf || { echo "two builds differ"; exit 1; }

qpdf --check book.pdf > qpdf.txt || { cat qpdf.txt; exit 1; }
pdffonts book.pdf | tail -n +3 > fonts.txt
if awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' fonts.txt; then
  echo "a font is not embedded:"; cat fonts.txt; exit 1
fi
python3 "$GOBOOK_SOURCE_DIR/tests/integration/font_programs.py" book.pdf 65536 > programs.txt ||
  { echo "an embedded font is not a subset:"; cat programs.txt; exit 1; }
pdftotext -layout book.pdf book.txt 2> poppler.txt
[ ! -s poppler.txt ] || { echo "poppler warns:"; cat poppler.txt; exit 1; }

declare -A sizes=([a4]="595.276 x 841.89" [letter]="612 x 792" [a5]="419.528 x 595.276" [6x9]="432 x 648")
# The page design (src/pdf/layout/page_style.cc), in points from the top left:
# the text block's left, right, top and bottom edges, then the baselines of
# the running head and of the folio.
declare -A design=(
  [a4]="110.53 484.75 75.77 756.8 54.04 788.68"
  [letter]="118.89 493.11 71.28 708.84 49.55 740.72"
  [a5]="52.44 367.09 53.57 525.53 33.91 554.38"
  [6x9]="54.0 378.0 58.32 582.72 38.66 611.56")
declare -A leading=([a4]=14.49 [letter]=14.49 [a5]=13.11 [6x9]=13.11)
for paper in a4 letter a5 6x9; do
  "$GOBOOK" pdf --book "$book" --paper "$paper" -o "$paper.pdf" > /dev/null
  pdfinfo "$paper.pdf" > "$paper.info"
  grep -q "^Page size: *${sizes[$paper]} pts" "$paper.info" ||
    { echo "$paper: wrong page size"; cat "$paper.info"; exit 1; }
  grep -q "^Title: *Go, for the backend job you actually want" "$paper.info"
  grep -q "^Author: *The gobook authors" "$paper.info"
  pdftotext -bbox "$paper.pdf" "$paper.html"
  # shellcheck disable=SC2086 # the design is six numbers
  python3 "$GOBOOK_SOURCE_DIR/tests/integration/page_bands.py" "$paper.html" ${design[$paper]} ||
    { echo "$paper: text outside its place"; exit 1; }
  # No widow, orphan, heading at a page foot, or code split leaving one line.
  read -r left right top bottom _ <<< "${design[$paper]}"
  pdftotext -bbox-layout "$paper.pdf" "$paper-lines.html"
  python3 "$GOBOOK_SOURCE_DIR/tests/integration/page_breaks.py" "$paper-lines.html" \
    "$top" "$bottom" "$left" "$right" "${leading[$paper]}" ||
    { echo "$paper: a page break a typesetter would refuse"; exit 1; }
  echo "$paper: $(grep '^Pages:' "$paper.info")"
done

# Every ```go program of the book, tabs expanded, must appear line for line.
python3 "$GOBOOK_SOURCE_DIR/tests/integration/code_in_text.py" "$book" book.txt
# The contents' page numbers and the bookmarks go where the lessons really are.
qpdf --json=2 --json-key=outlines book.pdf > outlines.json
python3 "$GOBOOK_SOURCE_DIR/tests/integration/toc_pages.py" book.txt outlines.json
# Every internal link lands on what its text names.
qpdf --json=2 --json-key=pages --json-key=qpdf book.pdf objects.json
pdftotext -bbox-layout book.pdf lines.html
python3 "$GOBOOK_SOURCE_DIR/tests/integration/link_targets.py" "$book" objects.json lines.html
echo "real book pdf: 1 passed, 0 failed"
