#!/usr/bin/env bash
# Fuzzes one harness for a while: run.sh NAME [SECONDS] [BUILD_DIR]
# e.g. tests/fuzz/run.sh lesson_pdf 900. New corpus units go to a scratch folder
# under the build folder (the seed corpus stays as it is); a crash leaves its
# input there as crash-*, to minimise and copy into regressions/NAME/.
set -euo pipefail
name=$1
seconds=${2:-900}
here=$(cd "$(dirname "$0")" && pwd)
build=${3:-$here/../../build-sanitize}
corpus=$name
case $name in lesson_*) corpus=lesson ;; esac
dict=$here/markdown.dict
[ "$name" = front_matter ] && dict=$here/toml.dict
work=$build/tests/fuzz/long/$name
mkdir -p "$work/corpus"
inputs=("$work/corpus")
[ -d "$here/regressions/$name" ] && inputs+=("$here/regressions/$name")
inputs+=("$here/corpus/$corpus")
cd "$work"
# Only gobook's own leaks count (see tests/sanitizers/lsan.supp).
export LSAN_OPTIONS=suppressions=$here/../sanitizers/lsan.supp
exec nice "$build/tests/fuzz/${name}_fuzzer" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=4096 -max_len=65536 -dict="$dict" -print_final_stats=1 \
  -artifact_prefix="$work/" "${inputs[@]}"
