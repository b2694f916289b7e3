#!/usr/bin/env bash
# Memcheck over both builds of the real book: no invalid read or write, no use
# of uninitialised memory, and no leak of gobook's own (valgrind.supp names the
# process-lifetime caches of the system text stack that librsvg uses).
set -euo pipefail
: "${GOBOOK:?set GOBOOK to the gobook binary}"
: "${GOBOOK_SOURCE_DIR:?set GOBOOK_SOURCE_DIR to the repository}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A cold image cache of its own, so every figure is really drawn: librsvg,
# cairo and fontconfig are loaded only then, and only then checked.
export GOBOOK_CACHE_DIR="$work/cache"
for command in epub pdf; do
  if ! valgrind --leak-check=full --num-callers=40 --error-exitcode=9 \
      --suppressions="$GOBOOK_SOURCE_DIR/tests/sanitizers/valgrind.supp" \
      "$GOBOOK" "$command" --book "$GOBOOK_SOURCE_DIR/book" -o "$work/book.$command" \
      > /dev/null 2> "$work/$command.txt"; then
    cat "$work/$command.txt"
    echo "valgrind: gobook $command has memory errors"
    exit 1
  fi
  grep "ERROR SUMMARY" "$work/$command.txt"
done
echo "valgrind: 2 passed, 0 failed"
