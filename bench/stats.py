#!/usr/bin/env python3
"""Summarise bench/run.sh's measurements as Markdown tables, with the goals.

Usage:
    python3 bench/stats.py RESULTS.tsv

RESULTS.tsv has a header and one row a run:
    task  tool  run  wall_s  cpu_s  rss_kb  size_bytes  status
task is "epub 1x", "pdf 1x", "epub 10x" or "pdf 10x"; tool is "gobook" or
"peer"; status is "ok" or "timeout" (a peer run stopped at the time limit: its
time and memory are then lower bounds, and so is the ratio).

Medians, not means: the machine is shared, and one disturbed run must not move
the result. Wall time is what the goals are about; CPU time (user + system) is
shown beside it because it is less disturbed by other jobs on the machine.
"""

from __future__ import annotations

import csv
import statistics
import sys
from collections import defaultdict

TASKS = ["epub 1x", "pdf 1x", "epub 10x", "pdf 10x"]
PEER = {"epub": "pandoc (EPUB 3)", "pdf": "pandoc + weasyprint"}
# (task, minimum ratio peer/gobook): the project's speed goals.
SPEED_GOALS = [("epub 1x", 30.0), ("pdf 1x", 100.0)]
GROWTH_LIMIT = 11.0  # 10x book: gobook's time and memory at most 11x the 1x book's


def mib(kb: float) -> str:
    return f"{kb / 1024:.0f} MiB"


def size(b: float) -> str:
    return f"{b / 1048576:.2f} MiB"


def secs(s: float) -> str:
    return f"{s:.2f} s" if s < 100 else f"{s:.0f} s"


def main() -> int:
    rows = defaultdict(list)
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows[(r["task"], r["tool"])].append(r)

    def med(task, tool, key):
        vals = [float(r[key]) for r in rows.get((task, tool), [])]
        return statistics.median(vals) if vals else None

    def peak(task, tool, key):
        vals = [float(r[key]) for r in rows.get((task, tool), [])]
        return max(vals) if vals else None

    def timed_out(task, tool):
        return any(r["status"] == "timeout" for r in rows.get((task, tool), []))

    out = []
    out.append("| task | gobook median | peer median | ratio peer/gobook | ratio of CPU time"
               " | gobook peak RSS | peer peak RSS | gobook size | peer size | runs (gobook/peer) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = {}
    for task in TASKS:
        g, p = med(task, "gobook", "wall_s"), med(task, "peer", "wall_s")
        if g is None or p is None:
            continue
        lb = ">" if timed_out(task, "peer") else ""
        ratios[task] = (p / g, lb)
        cpu = med(task, "peer", "cpu_s") / max(med(task, "gobook", "cpu_s"), 1e-3)
        psize = "-" if lb else size(peak(task, "peer", "size_bytes"))
        out.append(
            f"| {task}: gobook {task.split()[0]} vs {PEER[task.split()[0]]} "
            f"| {secs(g)} | {lb}{secs(p)} | **{lb}{p / g:.1f}x** | {lb}{cpu:.1f}x "
            f"| {mib(peak(task, 'gobook', 'rss_kb'))} | {lb}{mib(peak(task, 'peer', 'rss_kb'))} "
            f"| {size(peak(task, 'gobook', 'size_bytes'))} | {psize} "
            f"| {len(rows[(task, 'gobook')])}/{len(rows[(task, 'peer')])} |")
    out.append("")
    out.append("Times are wall-clock medians; peak RSS is the largest \"Maximum resident set size\""
               " of /usr/bin/time -v over the runs (for pandoc + weasyprint, the larger of the two"
               " processes); \">\" marks a peer run stopped at its time limit.")
    out.append("")

    out.append("| 10x/1x growth | time (wall) | time (CPU) | peak RSS | output size |")
    out.append("|---|---:|---:|---:|---:|")
    growth = {}
    for tool in ("gobook", "peer"):
        for kind in ("epub", "pdf"):
            one, ten = f"{kind} 1x", f"{kind} 10x"
            if med(one, tool, "wall_s") is None or med(ten, tool, "wall_s") is None:
                continue
            lb = ">" if tool == "peer" and timed_out(ten, tool) else ""
            t = med(ten, tool, "wall_s") / med(one, tool, "wall_s")
            c = med(ten, tool, "cpu_s") / max(med(one, tool, "cpu_s"), 1e-3)
            m = peak(ten, tool, "rss_kb") / peak(one, tool, "rss_kb")
            s = "-" if lb else f"{peak(ten, tool, 'size_bytes') / peak(one, tool, 'size_bytes'):.1f}x"
            name = f"gobook {kind}" if tool == "gobook" else PEER[kind]
            growth[(tool, kind)] = (t, m)
            out.append(f"| {name} | {lb}{t:.2f}x | {lb}{c:.2f}x | {lb}{m:.2f}x | {s} |")
    out.append("")

    out.append("| goal | measured | result |")
    out.append("|---|---:|---|")
    for task, goal in SPEED_GOALS:
        if task in ratios:
            r, lb = ratios[task]
            verdict = "PASS" if r >= goal else ("MISS (lower bound)" if lb else "MISS")
            kind = task.split()[0]
            out.append(f"| {kind}: gobook >= {goal:.0f}x faster than {PEER[kind]} (1x book) "
                       f"| {lb}{r:.1f}x | {verdict} |")
    for kind in ("epub", "pdf"):
        if ("gobook", kind) in growth:
            t, m = growth[("gobook", kind)]
            out.append(f"| gobook {kind}: 10x book time <= {GROWTH_LIMIT:.0f}x the 1x book's "
                       f"| {t:.2f}x | {'PASS' if t <= GROWTH_LIMIT else 'MISS'} |")
            out.append(f"| gobook {kind}: 10x book peak RSS <= {GROWTH_LIMIT:.0f}x the 1x book's "
                       f"| {m:.2f}x | {'PASS' if m <= GROWTH_LIMIT else 'MISS'} |")
    out.append("")

    out.append("Every run (wall seconds, in the order run):")
    out.append("")
    for task in TASKS:
        for tool in ("gobook", "peer"):
            rs = rows.get((task, tool))
            if rs:
                vals = ", ".join(f"{float(r['wall_s']):.2f}" + ("(timeout)" if r["status"] == "timeout" else "")
                                 for r in rs)
                out.append(f"- {task} {tool}: {vals}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
