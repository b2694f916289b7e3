#!/usr/bin/env bash
# An interrupted build: SIGINT or SIGTERM arriving while the EPUB or the PDF is
# being written (the temporary file open and half written) must remove the
# temporary file, leave the earlier output untouched, and end gobook with the
# status a shell gives a process killed by that signal (128 + its number).
# GOBOOK_TEST_HOLD_OUTPUT is gobook's test seam that pauses the write there.
set -uo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
make_test_book book "$GOBOOK_SOURCE_DIR/tests/broken/base"

passed=0
failed=0
# $1: epub or pdf; $2: INT or TERM.
check_interrupted_build() {
  local format=$1 signal=$2 problems=() pid status temp
  rm -rf out && mkdir out
  printf 'an earlier good build\n' > "out/book.$format"
  GOBOOK_TEST_HOLD_OUTPUT=60 "$GOBOOK" "$format" --book book -o "out/book.$format" \
    > stdout.txt 2> stderr.txt &
  pid=$!
  temp="out/.book.$format.tmp-$pid"
  # Until the temporary file is half written and gobook holds it (at most 2 minutes).
  for _ in $(seq 1200); do
    [ -s "$temp" ] || ! kill -0 "$pid" 2> /dev/null && break
    sleep 0.1
  done
  [ -s "$temp" ] || problems+=("no half-written temporary file $temp appeared")
  kill -s "$signal" "$pid"
  wait "$pid"
  status=$?
  local want=$((128 + $(kill -l "$signal")))
  [ "$status" = "$want" ] || problems+=("exit status $status, want $want")
  [ "$(ls -A out)" = "book.$format" ] || problems+=("out/ holds: $(ls -A out)")
  [ "$(cat "out/book.$format")" = "an earlier good build" ] ||
    problems+=("the earlier output was changed")
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $format interrupted by SIG$signal"
    printf '  %s\n' "${problems[@]}" "stderr: $(cat stderr.txt)"
  fi
}

for format in epub pdf; do
  for signal in INT TERM; do check_interrupted_build "$format" "$signal"; done
done
echo "interrupted build: $passed passed, $failed failed"
[ "$failed" = 0 ]
