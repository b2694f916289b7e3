#!/usr/bin/env bash
# gobook test: every form passes on a book made for it; a book of broken
# programs fails with each failure at its line; the real book passes; a missing
# go is a clear error.
set -euo pipefail
source "$(dirname "$0")/common.bash"
export PATH="/usr/local/go/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"  # the test module; Go's own cache stays warm
books="$GOBOOK_SOURCE_DIR/tests/gotest"

"$GOBOOK" test --book "$books/forms" > "$work/forms.out" 2> "$work/forms.err" ||
  { cat "$work/forms.err"; echo "the forms book must pass"; exit 1; }
grep -qx "checks: 12 passed, 0 failed" "$work/forms.out" ||
  { cat "$work/forms.out"; exit 1; }

status=0
(cd "$books/.." && "$GOBOOK" test --book gotest/failing > "$work/failing.out" 2> "$work/failing.err") ||
  status=$?
[ "$status" = 1 ] || { echo "the failing book must exit 1, not $status"; exit 1; }
lesson=gotest/failing/lessons/01-failures.md
for expected in \
  "$lesson:61:1: error: unknown word 'compile-eror' in a Go block's info string" \
  "$lesson:69:1: error: an output block must follow a Go program" \
  "$lesson:16: error: output differs" \
  "$lesson:23: error: the program does not compile" \
  "    $lesson:29:14: undefined: undefinedName" \
  "$lesson:35: error: the program is not gofmt-clean" \
  "$lesson:47: error: the program must exit with status 2 (a panic or a deadlock), but its exit status is 0" \
  "$lesson:55: error: the fragment parses neither as declarations nor as statements" \
  "    $lesson:56:14: expected ')', found '{'" \
  "    -2" "    +two"; do
  grep -qxF -- "$expected" "$work/failing.err" ||
    { cat "$work/failing.err"; echo "missing: $expected"; exit 1; }
done
grep -qx "checks: 0 passed, 5 failed" "$work/failing.out"

"$GOBOOK" test --book "$GOBOOK_SOURCE_DIR/book" > "$work/book.out" 2> "$work/book.err" ||
  { cat "$work/book.err"; echo "the real book's programs must pass"; exit 1; }
cat "$work/book.out"

status=0
env PATH=/usr/bin:/bin "$GOBOOK" test --book "$books/forms" > /dev/null 2> "$work/nogo.err" ||
  status=$?
[ "$status" = 1 ]
diff - "$work/nogo.err" <<'EXPECTED'
gobook: error: 'go' was not found; this book's programs need Go 1.26
hint: install Go 1.26 or later (https://go.dev/dl/) and put its bin folder on PATH
EXPECTED
echo "gobook test: 4 passed, 0 failed"
