#!/usr/bin/env bash
# Sets up, builds gobook, and writes the book to out/: the EPUB and the PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./build/gobook epub
./build/gobook pdf
