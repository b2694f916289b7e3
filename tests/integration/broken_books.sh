#!/usr/bin/env bash
# The catalogue of broken books: each case under tests/broken/cases/ is the base
# book (tests/broken/base) with the case's files laid over it and its optional
# prepare.sh run inside the copy. gobook's stderr must equal the case's
# expected.txt exactly; a failing case must exit non-zero, write no output and
# leave an earlier output untouched (nothing in out/ created, replaced or
# removed: a prepare.sh may put a FIFO or a device there). A case with a file
# 'status' containing 0 must build, an EPUB or a PDF at its -o path.
# GOBOOK_UPDATE_EXPECTED=1 rewrites the expected.txt files.
set -uo pipefail
source "$(dirname "$0")/common.bash"

# What is in a folder: each entry's name, type and inode, so a replaced file shows.
snapshot() { (cd "$1" && find . -printf '%p %y %i\n' | sort); }

# The value of -o in a command line.
output_of() {
  while [ $# -gt 1 ]; do
    if [ "$1" = -o ]; then echo "$2"; return; fi
    shift
  done
}

cases_dir="$GOBOOK_SOURCE_DIR/tests/broken/cases"
passed=0
failed=0
for case_dir in "$cases_dir"/*/; do
  name=$(basename "$case_dir")
  work=$(mktemp -d)
  make_test_book "$work/book" "$GOBOOK_SOURCE_DIR/tests/broken/base"
  cp -r "$case_dir"/. "$work/book/"
  rm -f "$work/book/expected.txt" "$work/book/status" "$work/book/args" "$work/book/prepare.sh"
  if [ -f "$case_dir/prepare.sh" ]; then (cd "$work/book" && bash "$case_dir/prepare.sh"); fi
  mkdir -p "$work/out"
  args=(epub --book book -o out/book.epub)
  if [ -f "$case_dir/args" ]; then read -r -a args < "$case_dir/args"; fi
  want_status=1
  if [ -f "$case_dir/status" ]; then want_status=$(cat "$case_dir/status"); fi
  problems=()
  if [ "$want_status" != 0 ]; then
    # First with no earlier output: a failed build must not create one.
    before=$(snapshot "$work/out")
    (cd "$work" && "$GOBOOK" "${args[@]}" > /dev/null 2>&1)
    [ "$(snapshot "$work/out")" = "$before" ] ||
      problems+=("a failed build changed out/: $(ls -A "$work/out")")
  fi
  # Then over an earlier good output, which a failed build must leave untouched.
  printf 'an earlier good build\n' > "$work/out/book.epub"
  before=$(snapshot "$work/out")
  (cd "$work" && "$GOBOOK" "${args[@]}" > stdout.txt 2> stderr.txt)
  status=$?
  if [ "${GOBOOK_UPDATE_EXPECTED:-}" = 1 ]; then cp "$work/stderr.txt" "$case_dir/expected.txt"; fi

  if ! diff -u "$case_dir/expected.txt" "$work/stderr.txt" > "$work/diff.txt"; then
    problems+=("stderr differs:
$(cat "$work/diff.txt")")
  fi
  if [ "$want_status" = 0 ]; then
    [ "$status" = 0 ] || problems+=("exit status $status, want 0")
    output="$work/$(output_of "${args[@]}")"
    case "${args[0]}" in
      epub) is_epub "$output" || problems+=("no EPUB written") ;;
      pdf) [ "$(head -c 5 "$output")" = "%PDF-" ] || problems+=("no PDF written") ;;
    esac
  else
    [ "$status" != 0 ] || problems+=("exit status 0, want an error")
    [ "$(cat "$work/out/book.epub")" = "an earlier good build" ] &&
      [ "$(snapshot "$work/out")" = "$before" ] || problems+=("the earlier output was changed")
  fi
  leftovers=$(find "$work/out" -name '.*tmp*' | wc -l)
  [ "$leftovers" = 0 ] || problems+=("temporary files left behind")

  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    printf '  %s\n' "${problems[@]}"
  fi
  rm -rf "$work"
done
echo "broken books: $passed passed, $failed failed"
[ "$failed" = 0 ]
