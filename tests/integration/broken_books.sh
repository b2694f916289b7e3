#!/usr/bin/env bash
# The catalogue of broken books: each case under tests/broken/cases/ is the base
# book (tests/broken/base) with the case's files laid over it and its optional
# prepare.sh run inside the copy. gobook's stderr must equal the case's
# expected.txt exactly; a failing case must exit non-zero, write no output and
# leave an earlier output untouched. A case with a file 'status' containing 0
# must build. GOBOOK_UPDATE_EXPECTED=1 rewrites the expected.txt files.
set -uo pipefail
source "$(dirname "$0")/common.bash"

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
    (cd "$work" && "$GOBOOK" "${args[@]}" > /dev/null 2>&1)
    [ -z "$(ls -A "$work/out")" ] || problems+=("a failed build left files: $(ls -A "$work/out")")
  fi
  # Then over an earlier good output, which a failed build must leave untouched.
  printf 'an earlier good build\n' > "$work/out/book.epub"
  (cd "$work" && "$GOBOOK" "${args[@]}" > stdout.txt 2> stderr.txt)
  status=$?
  if [ "${GOBOOK_UPDATE_EXPECTED:-}" = 1 ]; then cp "$work/stderr.txt" "$case_dir/expected.txt"; fi

  if ! diff -u "$case_dir/expected.txt" "$work/stderr.txt" > "$work/diff.txt"; then
    problems+=("stderr differs:
$(cat "$work/diff.txt")")
  fi
  if [ "$want_status" = 0 ]; then
    [ "$status" = 0 ] || problems+=("exit status $status, want 0")
    if [ "${args[0]}" = epub ]; then
      is_epub "$work/out/book.epub" || problems+=("no EPUB written")
    fi
  else
    [ "$status" != 0 ] || problems+=("exit status 0, want an error")
    [ "$(cat "$work/out/book.epub")" = "an earlier good build" ] ||
      problems+=("the earlier output was changed")
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
