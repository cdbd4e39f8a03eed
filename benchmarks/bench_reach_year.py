"""Reach: a run of generated days through `glamwiki reach dumps`, against the decompression floor,
and the one-machine estimate for a real year that follows from it.

Days are one generated day of pageview_complete (realistic shape, see gen_pageviews) under the
names of consecutive days (hard links: generating 365 days of 500 MB is not sensible here). The
measured path is glamwiki's own: usage of 100,000 files in a project store, then every day file
identified, aggregated on DuckDB and its contribution stored. The floor is `bzip2 -dc` over the
same files, counting lines. The year estimate is then: 365 days x today's daily user file size
(about 500 MB) / the floor's measured speed x the measured ratio, one file at a time.
"""

from __future__ import annotations

import os

from benchmarks.gen_pageviews import generate
from benchmarks.harness import RESULTS, measure, report, save

TASKS = "benchmarks.reach_tasks"
LINES, DAYS = 1_000_000, 7
DAILY_MB = 500.0


def _days() -> tuple[str, str]:
    folder = RESULTS / f"reach_year_{LINES}"
    folder.mkdir(parents=True, exist_ok=True)
    first, usage = folder / "pageviews-20250101-user.bz2", folder / "usage_100000_files.tsv"
    if not (first.exists() and usage.exists()):
        generate(first, usage, LINES)
    for day in range(2, DAYS + 1):
        other = folder / f"pageviews-202501{day:02d}-user.bz2"
        if not other.exists():
            os.link(first, other)
    return str(folder), str(usage)


def run() -> str:
    folder, usage = _days()
    floors, ours_runs, two_runs = [], [], []
    for _ in range(2):  # interleaved, so that other work on the machine weighs on all alike
        floors.append(measure(f"bzip2 -dc, count lines: {DAYS} days", f"{TASKS}:decompress_all", folder))
        ours_runs.append(measure(f"reach dumps over {DAYS} days (DuckDB)", f"{TASKS}:year_load", folder, usage))
        two_runs.append(measure(f"reach dumps --jobs 2 over {DAYS} days", f"{TASKS}:year_load", folder, usage, 2))
    floor = min(floors, key=lambda m: m.seconds)
    ours = min(ours_runs, key=lambda m: float(m.extra["load_s"]))
    two = min(two_runs, key=lambda m: float(m.extra["load_s"]))
    load_s = float(ours.extra["load_s"])
    ratio = load_s / floor.seconds
    mb_s = float(floor.extra["mb"]) / floor.seconds
    year_s = 365 * DAILY_MB / mb_s * ratio
    text = report(f"{DAYS} generated days of pageview_complete, {LINES:,} lines each", [ours, two], floor)
    two_s = float(two.extra["load_s"])
    text += f"\nloading with --jobs 2: {two_s:.1f} s ({two_s / floor.seconds:.2f}x the one-file-at-a-time floor)."
    cpu_ratio = float(ours.extra["load_cpu_s"]) / float(floor.extra["cpu_s"])
    text += (
        f"\nCPU time (user + system, this process and its children): floor {float(floor.extra['cpu_s']):.1f} s, "
        f"loading {float(ours.extra['load_cpu_s']):.1f} s: {cpu_ratio:.2f}x — the work done, whatever the "
        "machine's load (on a busy machine the wall-time ratio tends to it; on idle cores it is lower, "
        "decompression and aggregation overlapping)."
    )
    text += (
        f"\nloading the days (without recording the usage of 100,000 files first, "
        f"{float(ours.extra['setup_s']):.1f} s once): {load_s:.1f} s; ratio to the floor: {ratio:.2f}x (aim 1.5x); "
        f"floor {mb_s:.2f} compressed MB/s on this machine now.\n"
        f"One-machine estimate for a real year (365 daily user files of ~{DAILY_MB:.0f} MB, one at a time): "
        f"{year_s / 3600:.1f} h ({year_s / 86400:.1f} days).\n"
    )
    save("reach_year", [floor, ours, two], text)
    return text
