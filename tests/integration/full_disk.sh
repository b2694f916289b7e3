#!/usr/bin/env bash
# A full disk, imitated by a file size limit (prlimit --fsize) far below the size
# of the real book: for the EPUB and the PDF, gobook must say "cannot write ...:
# File too large" (not be killed by SIGXFSZ), exit 1, leave no temporary file,
# leave an earlier output untouched, and with no earlier output create none.
set -uo pipefail
source "$(dirname "$0")/common.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
book="$GOBOOK_SOURCE_DIR/book"
limit=200000  # bytes; the EPUB is about 1.5 MB, the PDF more

passed=0
failed=0
# Runs one limited build into out/ and checks what it leaves there.
# $1: epub or pdf; $2: the content out/book.<format> holds before, or "" for none.
check_limited_build() {
  local format=$1 earlier=$2 problems=() status
  rm -rf out && mkdir out
  [ -z "$earlier" ] || printf '%s' "$earlier" > "out/book.$format"
  prlimit --fsize="$limit" "$GOBOOK" "$format" --book "$book" -o "out/book.$format" \
    > stdout.txt 2> stderr.txt
  status=$?
  [ "$status" = 1 ] || problems+=("exit status $status, want 1")
  [ "$(cat stderr.txt)" = "gobook: error: cannot write 'out/book.$format': File too large" ] ||
    problems+=("stderr: $(cat stderr.txt)")
  [ ! -s stdout.txt ] || problems+=("stdout: $(cat stdout.txt)")
  if [ -n "$earlier" ]; then
    [ "$(ls -A out)" = "book.$format" ] || problems+=("out/ holds: $(ls -A out)")
    [ "$(cat "out/book.$format")" = "$earlier" ] || problems+=("the earlier output was changed")
  else
    [ -z "$(ls -A out)" ] || problems+=("a failed build left files: $(ls -A out)")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $format${earlier:+ over an earlier output}"
    printf '  %s\n' "${problems[@]}"
  fi
}

for format in epub pdf; do
  check_limited_build "$format" ""
  check_limited_build "$format" "an earlier good build"
done
echo "full disk: $passed passed, $failed failed"
[ "$failed" = 0 ]
