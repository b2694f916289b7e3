#!/usr/bin/env bash
# The real book: gobook epub writes an EPUB that epubcheck passes with no
# message at all and DAISY Ace passes; the same input gives the same bytes, with
# or without SOURCE_DATE_EPOCH; each track alone builds and passes too.
set -euo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
book="$GOBOOK_SOURCE_DIR/book"

"$GOBOOK" epub --book "$book" -o first.epub > summary.txt
grep -Eq "^wrote first.epub: 22 lessons, [0-9.]+ (KiB|MiB), [0-9.]+ s$" summary.txt ||
  { echo "unexpected summary line: $(cat summary.txt)"; exit 1; }
is_epub first.epub
"$GOBOOK" epub --book "$book" -o second.epub > /dev/null
cmp first.epub second.epub || { echo "two builds differ"; exit 1; }

# SOURCE_DATE_EPOCH sets the modified date; builds with it are reproducible too.
SOURCE_DATE_EPOCH=1767225600 "$GOBOOK" epub --book "$book" -o dated1.epub > /dev/null
SOURCE_DATE_EPOCH=1767225600 TZ=America/New_York "$GOBOOK" epub --book "$book" -o dated2.epub > /dev/null
cmp dated1.epub dated2.epub || { echo "builds under another time zone differ"; exit 1; }
unzip -p dated1.epub EPUB/package.opf |
  grep -q '<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>' ||
  { echo "SOURCE_DATE_EPOCH did not set dcterms:modified"; exit 1; }
unzip -p first.epub EPUB/package.opf |
  grep -q '<meta property="dcterms:modified">2026-11-29T00:00:00Z</meta>' ||
  { echo "without SOURCE_DATE_EPOCH, dcterms:modified must be the book's date"; exit 1; }

epubcheck_clean first.epub
ace_pass first.epub

for track in beginner senior; do
  "$GOBOOK" epub --book "$book" --track "$track" -o "$track.epub" > /dev/null
  epubcheck_clean "$track.epub"
done
unzip -l beginner.epub | grep -c 'EPUB/text/lesson-' | grep -qx 10
unzip -l senior.epub | grep -c 'EPUB/text/lesson-' | grep -qx 12
# A one-track build keeps the lessons' book-wide numbers.
unzip -p senior.epub EPUB/text/lesson-001.xhtml | grep -q '>Lesson 11<'
echo "real book: 1 passed, 0 failed"
