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


def decompress_all(folder: str) -> dict:
    """The floor for a run of days: decompress every day file, one after the other, counting lines."""
    days = sorted(Path(folder).glob("pageviews-*-user.bz2"))
    total = sum(decompress_and_count(str(p))["items"] for p in days)
    return {"items": total, "extra": {"days": len(days), "mb": round(sum(p.stat().st_size for p in days) / 1e6, 1)}}


def year_load(folder: str, usage: str, jobs: int = 1) -> dict:
    """glamwiki's own path for a run of days: a project store holding the usage, then `reach dumps`
    (identify, aggregate on DuckDB, store each file's contribution, mark covered months)."""
    import tempfile

    from glamwiki.reach.dumpload import load_dumps
    from glamwiki.store import reach as db
    from glamwiki.store.db import open_store

    days = sorted(Path(folder).glob("pageviews-*-user.bz2"))
    uses: dict[str, list[tuple[str, str, int, int | None, str]]] = {}
    with Path(usage).open(encoding="utf-8") as fh:
        for line in fh:
            file, wiki, title = line.rstrip("\n").split("\t")
            uses.setdefault(file, []).append((wiki, title, 0, None, "article"))
    import time

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = open_store(Path(tmp) / "bench.sqlite", migrate=True)
        db.add_files(store, list(uses), "list")
        for file, rows in uses.items():
            db.record_usage(store, file, rows, "2025-01-01T00:00:00Z")
        setup = time.perf_counter() - start
        results = load_dumps(store, days, jobs=jobs)
        load = time.perf_counter() - start - setup
        store.close()
    lines = sum(int(r["lines"]) for r in results)
    extra = {"days": len(days), "matched_per_day": results[0]["matched"], "setup_s": setup, "load_s": load}
    return {"items": lines, "extra": extra}
