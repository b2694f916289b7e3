#!/usr/bin/env bash
# gobook against its peers (project issue 9): the real book and a generated book
# ten times its size, built by gobook and by pandoc, into an EPUB (pandoc's EPUB 3
# writer) and an A4 PDF (pandoc to HTML, then weasyprint).
#
#   bash bench/run.sh                 # RUNS=5 by default
#   RUNS=3 GOBOOK=/path/to/gobook bash bench/run.sh
#
# Settings (environment):
#   RUNS=5              timed runs of each tool for each task
#   RUNS_WEASY_10X=1    runs of pandoc+weasyprint on the 10x book (minutes each)
#   WEASY_10X_TIMEOUT=600  seconds before that run is stopped; its time then
#                       counts as a lower bound, marked ">" in the tables
#   GOBOOK=path         the gobook binary (default build/gobook, built if missing)
#   BENCH_OUT=dir       where to write everything (default: a new mktemp -d)
#
# The machine may be shared, so absolute times are noisy: the two tools of a task
# run alternately (ABAB, the first one swapped every run) in one session, and the
# tables report medians and ratios. Peak memory is /usr/bin/time -v's "Maximum
# resident set size". Every output is checked for completeness before it counts.
# The exit status is 0 unless something failed to run: missing a goal is a
# result, not an error.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$REPO/bench"
FONTS="$REPO/fonts"
RUNS=${RUNS:-5}
RUNS_WEASY_10X=${RUNS_WEASY_10X:-1}
WEASY_10X_TIMEOUT=${WEASY_10X_TIMEOUT:-600}
OUT=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/gobook-bench.XXXXXX")}
RESULTS="$OUT/results.tsv"
# The fonts gobook embeds in its EPUB; pandoc gets the same ones, to be fair.
GO_FONTS=(Go-Regular Go-Italic Go-Bold Go-Bold-Italic Go-Mono Go-Mono-Bold Go-Mono-Italic)

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Installs the peers and /usr/bin/time from Debian, only what is missing, the way
# scripts/setup.sh does (apt-get as root, sudo otherwise).
install_peers() {
  local package missing=() sudo_cmd=()
  for package in pandoc weasyprint time python3; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
      --no-install-recommends "${missing[@]}"
  fi
}

# GOBOOK if given; else build/gobook, built by scripts/setup.sh if it is missing.
# The binary is copied into OUT, so a rebuild of build/ while the benchmark runs
# (others share the checkout) neither breaks a run nor mixes two versions.
find_gobook() {
  if [ -n "${GOBOOK:-}" ]; then
    [ -x "$GOBOOK" ] || die "GOBOOK=$GOBOOK is not an executable"
    GOBOOK=$(cd "$(dirname "$GOBOOK")" && pwd)/$(basename "$GOBOOK")
  else
    GOBOOK="$REPO/build/gobook"
    if [ ! -x "$GOBOOK" ]; then
      log "building gobook with scripts/setup.sh"
      bash "$REPO/scripts/setup.sh"
    fi
  fi
  GOBOOK_SOURCE=$GOBOOK
  cp "$GOBOOK" "$OUT/gobook"
  GOBOOK="$OUT/gobook"
  "$GOBOOK" --version >/dev/null 2>&1 || die "$GOBOOK_SOURCE does not run (being rebuilt?)"
}

# The books: the real one in place, and the 10x one, checked by gobook itself;
# then pandoc's inputs from each (bench/pandoc_prep.py says what changes, and why).
prepare_books() {
  BOOK1="$REPO/book"
  BOOK10="$OUT/book-10x"
  python3 "$BENCH/make_10x_book.py" "$BOOK1" "$BOOK10" --fonts-dir "$FONTS" >&2
  "$GOBOOK" check --book "$BOOK10" >"$OUT/check-10x.log" 2>&1 ||
    { cat "$OUT/check-10x.log" >&2; die "gobook check refuses the 10x book"; }
  tail -n 1 "$OUT/check-10x.log" >&2
  python3 "$BENCH/pandoc_prep.py" "$BOOK1" "$OUT/pandoc-1x" --fonts-dir "$FONTS" >&2
  python3 "$BENCH/pandoc_prep.py" "$BOOK10" "$OUT/pandoc-10x" --fonts-dir "$FONTS" >&2
}

# Runs one command under /usr/bin/time -v (with an optional time limit) and sets
# LAST_WALL (seconds, from the clock around it: -v only has 10 ms steps),
# LAST_CPU (user + system seconds), LAST_RSS (KiB) and LAST_STATUS (ok/timeout).
# Any other failure stops the benchmark, with the command's output.
timed() {
  local limit=$1; shift
  local tfile="$OUT/time.txt" log_file="$OUT/command.log" start end rc=0
  local wrapper=()
  if [ "$limit" != 0 ]; then wrapper=(timeout "$limit"); fi
  start=$(date +%s%N)
  /usr/bin/time -v -o "$tfile" "${wrapper[@]}" "$@" >"$log_file" 2>&1 || rc=$?
  end=$(date +%s%N)
  LAST_STATUS=ok
  if [ "$rc" -eq 124 ] && [ "$limit" != 0 ]; then
    LAST_STATUS=timeout
  elif [ "$rc" -ne 0 ]; then
    tail -n 20 "$log_file" >&2
    die "exit status $rc from: $*"
  fi
  LAST_WALL=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  LAST_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
                         END { printf "%.2f", u + s }' "$tfile")
  LAST_RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tfile")
}

record() {  # task tool run file
  local size=0
  if [ "$LAST_STATUS" = ok ]; then size=$(stat -c %s "$4"); fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$LAST_WALL" "$LAST_CPU" \
    "$LAST_RSS" "$size" "$LAST_STATUS" >>"$RESULTS"
  log "$(printf '%-8s %-7s run %s: %7.2f s wall, %7.2f s CPU, %6d MiB%s' "$1" "$2" "$3" \
    "$LAST_WALL" "$LAST_CPU" $((LAST_RSS / 1024)) \
    "$([ "$LAST_STATUS" = ok ] || echo ", stopped at the time limit")")"
}

# One run of each route: book folder, pandoc inputs, output file, [time limit].
gobook_epub() { timed 0 "$GOBOOK" epub --book "$1" -o "$3"; }
gobook_pdf() { timed 0 "$GOBOOK" pdf --book "$1" -o "$3"; }

peer_epub() {
  local book=$1 prep=$2 out=$3 inputs font fonts=()
  mapfile -t inputs <"$prep/inputs.txt"
  for font in "${GO_FONTS[@]}"; do fonts+=("--epub-embed-font=$FONTS/$font.ttf"); done
  # --toc-depth=2: gobook's contents list lessons and their ## sections.
  timed 0 pandoc -f commonmark_x -t epub3 --toc --toc-depth=2 \
    --metadata-file="$prep/metadata.yaml" --resource-path="$book/lessons" \
    --epub-cover-image="$book/cover.svg" --css="$prep/epub.css" "${fonts[@]}" \
    -o "$out" "${inputs[@]}"
}

# pandoc to standalone HTML, then weasyprint: the time is the sum of the two, the
# peak RSS the larger, and a stop at the time limit anywhere stops the run.
peer_pdf() {
  local book=$1 prep=$2 out=$3 limit=${4:-0} inputs html="${3%.pdf}.html"
  local wall cpu rss
  mapfile -t inputs <"$prep/inputs.txt"
  timed 0 pandoc -f commonmark_x -t html5 -s --toc --toc-depth=2 \
    --metadata-file="$prep/metadata.yaml" --css="$prep/print.css" \
    -o "$html" "${inputs[@]}"
  wall=$LAST_WALL cpu=$LAST_CPU rss=$LAST_RSS
  rm -f "$out"
  # The HTML keeps the lessons' image paths (../images/x.svg): resolve them from
  # the lessons folder.
  timed "$limit" weasyprint --base-url "$book/lessons/" "$html" "$out"
  LAST_WALL=$(awk -v a="$wall" -v b="$LAST_WALL" 'BEGIN { printf "%.3f", a + b }')
  LAST_CPU=$(awk -v a="$cpu" -v b="$LAST_CPU" 'BEGIN { printf "%.2f", a + b }')
  if [ "$rss" -gt "$LAST_RSS" ]; then LAST_RSS=$rss; fi
}

# Times a task: RUNS runs of gobook and peer_runs of the peer, alternating, with
# the first tool swapped every run so drift in the machine's load hits both.
# Then checks the last outputs of both.
bench_task() {
  local task=$1 kind=$2 book=$3 prep=$4 peer_runs=$5 limit=$6
  local dir="$OUT/${task// /-}" i peer_stopped=0
  mkdir -p "$dir"
  log "== $task: gobook $kind vs the peer ($RUNS and $peer_runs runs)"
  for ((i = 1; i <= RUNS || i <= peer_runs; i++)); do
    if ((i % 2 == 0)) && ((i <= peer_runs)) && ((!peer_stopped)); then
      run_peer "$task" "$kind" "$book" "$prep" "$dir" "$i" "$limit"
    fi
    if ((i <= RUNS)); then
      "gobook_$kind" "$book" "$prep" "$dir/gobook.$kind"
      record "$task" gobook "$i" "$dir/gobook.$kind"
    fi
    if ((i % 2 == 1)) && ((i <= peer_runs)) && ((!peer_stopped)); then
      run_peer "$task" "$kind" "$book" "$prep" "$dir" "$i" "$limit"
    fi
  done
  python3 "$BENCH/check_outputs.py" "$kind" "$dir/gobook.$kind" "$prep/lessons.txt" >&2 ||
    die "gobook's $task output is incomplete"
  if [ -f "$dir/peer.$kind" ]; then
    python3 "$BENCH/check_outputs.py" "$kind" "$dir/peer.$kind" "$prep/lessons.txt" >&2 ||
      die "the peer's $task output is incomplete"
  fi
}

run_peer() {  # task kind book prep dir run limit; sets peer_stopped after a timeout
  "peer_$2" "$3" "$4" "$5/peer.$2" "$7"
  record "$1" peer "$6" "$5/peer.$2"
  if [ "$LAST_STATUS" = timeout ]; then peer_stopped=1; fi
}

# epubcheck on both 1x EPUBs, when it is installed (scripts/setup.sh
# --with-test-tools installs it): a fair race needs valid output on both sides.
validate_epubs() {
  local epub report
  [ -f /usr/share/java/epubcheck.jar ] || { log "epubcheck not installed: skipped"; return 0; }
  for epub in "$OUT/epub-1x/gobook.epub" "$OUT/epub-1x/peer.epub"; do
    report=$(java -jar /usr/share/java/epubcheck.jar "$epub" 2>&1 || true)
    log "epubcheck $(basename "$epub"): $(grep -m1 '^Messages:' <<<"$report" || echo "no verdict")"
    grep -E '^(ERROR|FATAL)' <<<"$report" | head -n 5 >&2 || true
  done
}

main() {
  local started=$SECONDS
  install_peers
  mkdir -p "$OUT"
  find_gobook
  log "writing to $OUT"
  printf 'task\ttool\trun\twall_s\tcpu_s\trss_kb\tsize_bytes\tstatus\n' >"$RESULTS"
  {
    echo "gobook: ${GOBOOK_SOURCE:-$REPO/build/gobook} ($("$GOBOOK" --version 2>&1 | head -n 1))"
    echo "pandoc: $(pandoc --version | head -n 1); weasyprint: $(weasyprint --version)"
    echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "RUNS=$RUNS RUNS_WEASY_10X=$RUNS_WEASY_10X WEASY_10X_TIMEOUT=$WEASY_10X_TIMEOUT"
  } >"$OUT/environment.txt"
  prepare_books

  bench_task "epub 1x" epub "$BOOK1" "$OUT/pandoc-1x" "$RUNS" 0
  bench_task "pdf 1x" pdf "$BOOK1" "$OUT/pandoc-1x" "$RUNS" 0
  bench_task "epub 10x" epub "$BOOK10" "$OUT/pandoc-10x" "$RUNS" 0
  bench_task "pdf 10x" pdf "$BOOK10" "$OUT/pandoc-10x" "$RUNS_WEASY_10X" "$WEASY_10X_TIMEOUT"
  validate_epubs

  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/environment.txt"
  echo "benchmark time: $((SECONDS - started)) s" >>"$OUT/environment.txt"
  {
    echo "## gobook vs pandoc / pandoc + weasyprint"
    echo
    sed 's/^/    /' "$OUT/environment.txt"
    echo
    python3 "$BENCH/stats.py" "$RESULTS"
    echo
    echo "Raw measurements: $RESULTS; outputs under $OUT."
  } | tee "$OUT/report.md"
}

# Sourcing the file (to try one function) defines everything and runs nothing.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
