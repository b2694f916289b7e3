#!/usr/bin/env bash
# Notes in print: a footnote sits at the foot of the page that cites it, and an
# external link's URL (which paper cannot click) is printed as a note too,
# unless the link text is the URL itself; notes in notes stay plain links.
set -euo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_test_book "$work/book" "$GOBOOK_SOURCE_DIR/tests/pdf/books/notes"
"$GOBOOK" pdf --book "$work/book" -o "$work/notes.pdf" > /dev/null
qpdf --check "$work/notes.pdf" > /dev/null
pdftotext -layout -f 5 -l 5 "$work/notes.pdf" - | tr -d '\f' | sed -e 's/^ *//' -e '/^$/d' > "$work/page.txt"
diff - "$work/page.txt" <<'EXPECTED'
LESSON 01
T
L
1 min read
Read the spec2 and https://go.dev, with a note1.
• a list link3
1. See the FAQ.
2. https://go.dev/ref/spec
3. https://pkg.go.dev/context
2
EXPECTED
echo "pdf notes: 1 passed, 0 failed"
