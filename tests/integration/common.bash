# Helpers for the integration tests; sourced, not run.
: "${GOBOOK:?set GOBOOK to the gobook binary}"
: "${GOBOOK_SOURCE_DIR:?set GOBOOK_SOURCE_DIR to the repository}"

# Copies a book folder and points its fonts at the repository's fonts/.
make_test_book() {
  local target=$1 source=$2
  mkdir -p "$target"
  cp -r "$source"/. "$target/"
  printf '\n[fonts]\ndir = "%s/fonts"\n' "$GOBOOK_SOURCE_DIR" >> "$target/book.toml"
}

# True when the file is a ZIP whose first entry is the EPUB mimetype.
is_epub() {
  [ -f "$1" ] && [ "$(head -c 58 "$1" | tail -c 28)" = "mimetypeapplication/epub+zip" ]
}

# epubcheck must report no message at all (no fatals, errors, warnings or infos).
epubcheck_clean() {
  local report
  report=$(java -jar /usr/share/java/epubcheck.jar "$1" 2>&1)
  if ! grep -q "^Messages: 0 fatals / 0 errors / 0 warnings / 0 infos" <<<"$report"; then
    echo "epubcheck found problems in $1:"
    echo "$report"
    return 1
  fi
}

# DAISY Ace must pass.
ace_pass() {
  bash "$GOBOOK_SOURCE_DIR/tests/ace/run-ace.sh" "$1" >"$1.ace.txt" 2>&1 || {
    echo "Ace failed on $1:"
    cat "$1.ace.txt"
    return 1
  }
}
