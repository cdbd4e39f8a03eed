"""Reach: the day's views of the pages using 100,000 files, from a day of pageview_complete data.

Measured, in fresh processes, against the floor no tool can beat in the same run: decompressing
the same bz2 file and counting its lines. Two file sizes show that peak memory does not grow
with the dump (it is bounded by the batch size and the target set, not by the number of lines).
Generated files are cached in benchmarks/results/ so reruns do not regenerate them.
"""

from __future__ import annotations

from benchmarks.gen_pageviews import generate
from benchmarks.harness import RESULTS, best_of, report, save

TASKS = "benchmarks.reach_tasks"
SIZES = (2_000_000, 12_000_000)


def _files(lines: int) -> tuple[str, str]:
    folder = RESULTS / f"reach_{lines}"
    folder.mkdir(parents=True, exist_ok=True)
    day, usage = folder / "pageviews-20250115-user.bz2", folder / "usage_100000_files.tsv"
    if not (day.exists() and usage.exists()):
        generate(day, usage, lines)
    return str(day), str(usage)


def run() -> str:
    text, rows = "", []
    for lines in SIZES:
        day, usage = _files(lines)
        floor = best_of(2, f"bzip2 -dc, count lines: {lines:,} lines", f"{TASKS}:decompress_and_count", day)
        ours = best_of(
            2, f"DuckDB: day's views of pages using 100,000 files, {lines:,} lines", f"{TASKS}:duckdb_views", day, usage
        )
        text += report(f"A day of pageview_complete, {lines:,} lines", [ours], floor) + "\n"
        text += f"targets and results: {ours.extra}\n\n"
        rows += [floor, ours]
    save("reach", rows, text)
    return text
