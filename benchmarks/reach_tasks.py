"""Tasks measured by bench_reach (each runs in a fresh process via benchmarks.worker)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from benchmarks.gen_pageviews import read_targets


def decompress_and_count(path: str) -> dict:
    """The floor: decompress the file with the same decompressor and count its lines."""
    proc = subprocess.Popen([shutil.which("bzip2") or "bzip2", "-dc", path], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    n = 0
    while chunk := proc.stdout.read(1 << 20):
        n += chunk.count(b"\n")
    proc.wait()
    return {"items": n}


def duckdb_views(path: str, usage: str) -> dict:
    from glamwiki.reach.engines import aggregate_duckdb

    targets = read_targets(Path(usage))
    counts = aggregate_duckdb(Path(path), targets)
    return {
        "items": counts.lines,
        "extra": {
            "targets": len(targets),
            "matched": counts.matched,
            "views": sum(counts.views.values()),
            "malformed": counts.malformed,
        },
    }
