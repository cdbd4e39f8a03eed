"""Aggregate downloaded dump files for the pages (and files) being measured, into the store.

Loading is idempotent: each file's contribution is stored apart (``reach_dump_counts``, keyed by
the file's published name) and a reload replaces it. Daily and hourly figures of a day are sums
over the files of that day; the report picks one source per article and month (see figures.py).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa

from glamwiki.reach.dumpformats import DumpFile, identify
from glamwiki.reach.engines import DumpCounts, aggregate, target_table
from glamwiki.reach.mediawiki import file_key
from glamwiki.reach.months import month_end_day
from glamwiki.store import reach as db
from glamwiki.store.db import Store


def load_dumps(
    store: Store,
    paths: list[Path],
    engine: str = "duckdb",
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    spark_master: str = "",
    jobs: int = 1,
) -> list[dict[str, Any]]:
    """Aggregate each file (``jobs`` files at once on DuckDB: each decompresses in its own process)
    and store its contribution; the store is written here, one file at a time, in the files' order."""
    targets = _Targets(store)  # asked of the store once for all the files of a run
    todo: list[tuple[Path, DumpFile]] = []
    skipped: dict[Path, dict[str, Any]] = {}
    for path in paths:
        dump = identify(path)
        if db.dump_done(store, path.name) and not force:
            skipped[path] = {"file": path.name, "status": "already done"}
        else:
            todo.append((path, dump))
    wanted = {media: targets.get(media) for media in {d.format.name == "mediacounts" for _, d in todo}}
    tables: dict[str, pa.Table] = {}
    for _, d in todo if engine == "duckdb" else []:  # once per format, not once per file
        if d.format.name not in tables:
            tables[d.format.name] = target_table(d, wanted[d.format.name == "mediacounts"])

    def run(item: tuple[Path, DumpFile]) -> DumpCounts:  # the targets' Arrow table built once per format
        path, dump = item
        return aggregate(
            path, wanted[dump.format.name == "mediacounts"], engine, spark_master, tables.get(dump.format.name)
        )

    workers = max(1, jobs) if engine == "duckdb" else 1
    done: dict[Path, dict[str, Any]] = dict(skipped)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for (path, dump), counts in zip(todo, pool.map(run, todo), strict=True):
            done[path] = _store_one(store, path, dump, counts, engine)
            if progress:
                progress(1)
    if progress and skipped:
        progress(len(skipped))
    return [done[p] for p in paths]


class _Targets:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.found: dict[bool, list[tuple[str, str]]] = {}

    def get(self, media: bool) -> list[tuple[str, str]]:
        if media not in self.found:
            files = [("commons.wikimedia", f) for f in db.all_files(self.store)]
            self.found[media] = files if media else db.articles_in_use(self.store)
        return self.found[media]


def _store_one(store: Store, path: Path, dump: DumpFile, counts: DumpCounts, engine: str) -> dict[str, Any]:
    key = path.name  # published names are unique: the same file in another folder is not counted twice
    media = dump.format.name == "mediacounts"
    rows = [("commons.wikimedia", file_key(t), n) if media else (w, t, n) for (w, t), n in counts.views.items()]
    kind = "mediacounts" if media else "pageviews"
    with store.transaction():
        db.replace_dump_counts(store, key, kind, dump.granularity, dump.period, dump.agent, rows)
        tallies = (counts.lines, counts.malformed, counts.matched)
        db.record_dump_run(store, key, dump.format.name, dump.period, dump.agent, engine, tallies, counts.examples)
        if not media:
            _mark_months(store, dump.granularity, dump.period, dump.agent)
    return {
        "file": path.name,
        "status": "done",
        "period": dump.period,
        "agent": dump.agent,
        "lines": counts.lines,
        "malformed": counts.malformed,
        "malformed_examples": counts.examples,
        "matched": counts.matched,
    }


def _mark_months(store: Store, granularity: str, period: str, agent: str) -> None:
    """A month counts as covered by dumps when its monthly file, every day's daily file, or every
    hour's hourly file is in (an hourly file belongs to the hour that STARTS at its period)."""
    month = period[:7]
    if granularity != "monthly":
        fmt, length, per_day = ("hourly", 13, 24) if granularity == "hourly" else ("pageview_complete", 10, 1)
        if db.dump_periods(store, fmt, agent, month, length) < int(month_end_day(month)[-2:]) * per_day:
            return
    db.record_coverage(store, "pageviews", "*dump*", agent, month, month)
