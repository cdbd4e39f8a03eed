"""Store access for the reach stage (tables from migration 0005_reach)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from glamwiki.store.db import Store


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_files(store: Store, files: Iterable[str], source: str) -> int:
    """Add files to the measured set; returns how many were new."""
    before = store.scalar("SELECT COUNT(*) FROM reach_files")
    with store.transaction():
        store.executemany("INSERT OR IGNORE INTO reach_files(file, source) VALUES (?, ?)", ((f, source) for f in files))
    return int(store.scalar("SELECT COUNT(*) FROM reach_files")) - int(before)


def all_files(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT file FROM reach_files ORDER BY file")]


def files_due_for_usage(store: Store, files: Iterable[str], max_age_days: float) -> list[str]:
    wanted = set(files)
    rows = store.query(
        "SELECT file FROM reach_files WHERE usage_checked_at IS NULL"
        " OR julianday('now') - julianday(usage_checked_at) > ?",
        (max_age_days,),
    )
    return sorted(r[0] for r in rows if r[0] in wanted)


def record_usage(store: Store, file: str, usages: Iterable[tuple[str, str, int, int | None]], when: str) -> int:
    """Upsert a file's current usage (wiki, title, ns, page_id); usage no longer listed gets gone_at.
    Returns how many pages are new for this file."""
    new = 0
    seen: set[tuple[str, str]] = set()
    with store.transaction():
        for wiki, title, ns, page_id in usages:
            seen.add((wiki, title))
            cur = store.execute(
                "UPDATE reach_usage SET last_seen = ?, gone_at = NULL, ns = ?, page_id = ?"
                " WHERE file = ? AND wiki = ? AND title = ?",
                (when, ns, page_id, file, wiki, title),
            )
            if cur.rowcount == 0:
                store.execute(
                    "INSERT INTO reach_usage(file, wiki, title, ns, page_id, first_seen, last_seen)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (file, wiki, title, ns, page_id, when, when),
                )
                new += 1
        for row in store.query("SELECT wiki, title FROM reach_usage WHERE file = ? AND gone_at IS NULL", (file,)):
            if (row[0], row[1]) not in seen:
                store.execute(
                    "UPDATE reach_usage SET gone_at = ? WHERE file = ? AND wiki = ? AND title = ?",
                    (when, file, row[0], row[1]),
                )
        store.execute("UPDATE reach_files SET usage_checked_at = ? WHERE file = ?", (when, file))
    return new


def articles_in_use(store: Store) -> list[tuple[str, str]]:
    """Pages in namespace 0 (articles) currently using at least one measured file."""
    rows = store.query(
        "SELECT DISTINCT u.wiki, u.title FROM reach_usage u JOIN reach_files f ON f.file = u.file"
        " WHERE u.ns = 0 AND u.gone_at IS NULL ORDER BY u.wiki, u.title"
    )
    return [(r[0], r[1]) for r in rows]


def covered_months(store: Store, kind: str, key: str, agent: str) -> set[str]:
    from glamwiki.reach.months import month_range

    rows = store.query(
        "SELECT first_period, last_period FROM reach_coverage"
        " WHERE kind = ? AND key = ? AND agent = ? AND status = 'ok'",
        (kind, key, agent),
    )
    return {m for r in rows for m in month_range(r[0], r[1])}


def record_coverage(
    store: Store, kind: str, key: str, agent: str, first: str, last: str, status: str = "ok", detail: str = ""
) -> None:
    store.execute(
        "INSERT OR REPLACE INTO reach_coverage(kind, key, agent, first_period, last_period, status, detail, fetched_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, key, agent, first, last, status, detail, now()),
    )


def record_views(
    store: Store, wiki: str, title: str, granularity: str, agent: str, points: Iterable[tuple[str, int]], source: str
) -> None:
    store.executemany(
        "INSERT OR REPLACE INTO reach_pageviews(wiki, title, granularity, period, agent, views, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((wiki, title, granularity, p, agent, v, source) for p, v in points),
    )


def record_mediarequests(
    store: Store, file: str, granularity: str, agent: str, points: Iterable[tuple[str, int]], source: str
) -> None:
    store.executemany(
        "INSERT OR REPLACE INTO reach_mediarequests(file, granularity, period, agent, requests, source)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ((file, granularity, p, agent, v, source) for p, v in points),
    )


def record_cim(store: Store, kind: str, key: str, wiki: str, points: Iterable[tuple[str, int]]) -> None:
    store.executemany(
        "INSERT OR REPLACE INTO reach_cim(kind, key, wiki, month, pageviews) VALUES (?, ?, ?, ?, ?)",
        ((kind, key, wiki, p, v) for p, v in points),
    )


def record_dump_run(
    store: Store, path: str, fmt: str, period: str, agent: str, engine: str, lines: int, malformed: int, matched: int
) -> None:
    store.execute(
        "INSERT OR REPLACE INTO reach_dump_runs(path, format, period, agent, engine, lines, malformed, matched,"
        " finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (path, fmt, period, agent, engine, lines, malformed, matched, now()),
    )


def dump_done(store: Store, path: str) -> bool:
    return store.scalar("SELECT 1 FROM reach_dump_runs WHERE path = ?", (path,)) is not None


def save_event(store: Store, name: str, data: str, collected_at: str) -> None:
    store.execute(
        "INSERT OR REPLACE INTO reach_events(name, data, collected_at) VALUES (?, ?, ?)", (name, data, collected_at)
    )


def save_event_edit(store: Store, row: tuple[Any, ...]) -> None:
    """(event, wiki, revid, parentid, user, title, ns, timestamp, new_page, size_diff, refs_added)"""
    store.execute(
        "INSERT OR REPLACE INTO reach_event_edits(event, wiki, revid, parentid, user, title, ns, timestamp,"
        " new_page, size_diff, refs_added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )


def save_page_subject(store: Store, wiki: str, title: str, item: str | None, human: bool, gender: str | None) -> None:
    store.execute(
        "INSERT OR REPLACE INTO reach_page_subjects(wiki, title, item, human, gender) VALUES (?, ?, ?, ?, ?)",
        (wiki, title, item, int(human), gender),
    )
