#!/usr/bin/env bash
# Sets up (with the checkers), builds gobook, and runs every test: the unit tests
# and the integration tests that run the real binary on real and broken books.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-tools
export PATH="/usr/local/go/bin:$PATH"
cd build
ctest --output-on-failure --timeout 900 "$@"
