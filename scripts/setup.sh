#!/usr/bin/env bash
# Installs what gobook needs from Debian's packages (only what is missing), then
# configures and builds it in build/. Called by book.sh and test.sh; safe to run
# again. As root it uses apt-get directly, otherwise sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

# To build gobook.
build_packages=(
  cmake ninja-build g++ pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpugixml-dev libzip-dev
  libtomlplusplus-dev libcli11-dev catch2 libicu-dev librsvg2-dev libcairo2-dev
  libharfbuzz-dev libhyphen-dev hyphen-en-us libhpdf-dev libpng-dev libdeflate-dev
)
# To check its output: epubcheck (Java), chromium for DAISY Ace (run by npm);
# and its memory: valgrind, and clang 14 with libFuzzer for the sanitizer build.
# Never Debian's nodejs, npm or golang-go: the machine's Node 20 and Go 1.26 are newer.
test_packages=(epubcheck chromium python3 unzip qpdf poppler-utils valgrind
  clang-14 libclang-rt-14-dev)

packages=("${build_packages[@]}")
if [ "${1:-}" = "--with-test-tools" ]; then packages+=("${test_packages[@]}"); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
