#!/usr/bin/env bash
# Sets up (with the checkers), builds gobook, and runs every test: the unit tests
# and the integration tests that run the real binary on real and broken books,
# valgrind on the real book; then the same suite again built with AddressSanitizer
# and UndefinedBehaviorSanitizer (clang 14), with a short run of each fuzzer.
# Arguments go to both ctest runs (for instance -R broken_books).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-tools
export PATH="/usr/local/go/bin:$PATH"
(cd build && ctest --output-on-failure --timeout 900 "$@")

echo "test: the sanitizer build (build-sanitize/)"
cmake -S . -B build-sanitize -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOBOOK_FUZZ=ON > /dev/null
cmake --build build-sanitize
(cd build-sanitize && ctest --output-on-failure --timeout 1800 "$@")
