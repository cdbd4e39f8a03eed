"""Aggregate downloaded dump files for the pages (and files) being measured, into the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from glamwiki.reach.dumpformats import identify
from glamwiki.reach.engines import aggregate
from glamwiki.reach.mediawiki import file_key
from glamwiki.store import reach as db
from glamwiki.store.db import Store


def load_dumps(
    store: Store,
    paths: list[Path],
    engine: str = "duckdb",
    force: bool = False,
    progress: Callable | None = None,
    spark_master: str = "",
) -> list[dict[str, Any]]:
    results = []
    for path in paths:
        results.append(_load_one(store, path, engine, force, spark_master))
        if progress:
            progress(1)
    return results


def _load_one(store: Store, path: Path, engine: str, force: bool, spark_master: str) -> dict[str, Any]:
    dump = identify(path)
    key = path.name  # published names are unique: the same file in another folder is not counted twice
    if db.dump_done(store, key) and not force:
        return {"file": path.name, "status": "already done"}
    media = dump.format.name == "mediacounts"
    targets = [("commons.wikimedia", f) for f in db.all_files(store)] if media else db.articles_in_use(store)
    counts = aggregate(path, targets, engine, spark_master)
    # Hourly files add up per day under granularity "hourly", apart from the daily files of the same
    # day (two datasets of the same views): the report prefers monthly, then daily, then hourly.
    granularity = dump.granularity
    period = dump.period[:10]
    with store.transaction():
        for (wiki, title), views in counts.views.items():
            if media:
                _add_media(store, file_key(title), granularity, period, views)
            else:
                _add_views(store, wiki, title, granularity, period, dump.agent, views)
        db.record_dump_run(
            store,
            key,
            dump.format.name,
            dump.period,
            dump.agent,
            engine,
            counts.lines,
            counts.malformed,
            counts.matched,
        )
        if not media:
            _mark_months(store, dump.granularity, dump.period, dump.agent)
    return {
        "file": path.name,
        "status": "done",
        "period": dump.period,
        "agent": dump.agent,
        "lines": counts.lines,
        "malformed": counts.malformed,
        "matched": counts.matched,
    }


def _add_views(store: Store, wiki: str, title: str, granularity: str, period: str, agent: str, views: int) -> None:
    # Files of finer periods add up into their day; a file never counts twice (reach_dump_runs guards reruns).
    store.execute(
        "INSERT INTO reach_pageviews(wiki, title, granularity, period, agent, views, source)"
        " VALUES (?, ?, ?, ?, ?, ?, 'dump') ON CONFLICT(wiki, title, granularity, period, agent)"
        " DO UPDATE SET views = views + excluded.views",
        (wiki, title, granularity, period, agent, views),
    )


def _add_media(store: Store, file: str, granularity: str, period: str, views: int) -> None:
    store.execute(
        "INSERT INTO reach_mediarequests(file, granularity, period, agent, requests, source)"
        " VALUES (?, ?, ?, 'all', ?, 'dump') ON CONFLICT(file, granularity, period, agent)"
        " DO UPDATE SET requests = requests + excluded.requests",
        (file, granularity, period, views),
    )


def _mark_months(store: Store, granularity: str, period: str, agent: str) -> None:
    """A month counts as covered by dumps when its monthly file, every day's daily file, or every
    hour's hourly file is in."""
    month = period[:7]
    if granularity != "monthly":
        fmt, length, per_day = ("hourly", 13, 24) if granularity == "hourly" else ("pageview_complete", 10, 1)
        loaded = store.scalar(
            "SELECT COUNT(DISTINCT period) FROM reach_dump_runs"
            " WHERE format = ? AND agent = ? AND substr(period, 1, 7) = ? AND length(period) = ?",
            (fmt, agent, month, length),
        )
        if int(loaded or 0) < _days_in(month) * per_day:
            return
    db.record_coverage(store, "pageviews", "*dump*", agent, month, month)


def _days_in(month: str) -> int:
    from glamwiki.reach.months import month_end_day

    return int(month_end_day(month)[-2:])
