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


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children waited for so far: the work done,
    whatever else the machine is running (wall time on a shared machine mostly measures the others)."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def decompress_all(folder: str) -> dict:
    """The floor for a run of days: decompress every day file, one after the other, counting lines."""
    days = sorted(Path(folder).glob("pageviews-*-user.bz2"))
    cpu = cpu_seconds()
    total = sum(decompress_and_count(str(p))["items"] for p in days)
    mb = round(sum(p.stat().st_size for p in days) / 1e6, 1)
    return {"items": total, "extra": {"days": len(days), "mb": mb, "cpu_s": cpu_seconds() - cpu}}


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
        cpu = cpu_seconds()
        results = load_dumps(store, days, jobs=jobs)
        load = time.perf_counter() - start - setup
        load_cpu = cpu_seconds() - cpu
        store.close()
    lines = sum(int(r["lines"]) for r in results)
    extra = {"days": len(days), "matched_per_day": results[0]["matched"], "setup_s": setup, "load_s": load,
             "load_cpu_s": load_cpu}  # fmt: skip
    return {"items": lines, "extra": extra}
