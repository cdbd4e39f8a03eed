"""Store access for the reach stage (tables from migration 0005_reach)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from glamwiki.store.db import Store


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_files(store: Store, files: Iterable[str], source: str) -> int:
    """Add files to the measured set; returns how many were new."""
    before = store.scalar("SELECT COUNT(*) FROM reach_files")
    with store.transaction():
        store.executemany(
            "INSERT INTO reach_files(file, source) VALUES (?, ?) ON CONFLICT DO NOTHING", ((f, source) for f in files)
        )
    return int(store.scalar("SELECT COUNT(*) FROM reach_files")) - int(before)


def all_files(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT file FROM reach_files ORDER BY file")]


def files_due_for_usage(store: Store, files: Iterable[str], max_age_days: float) -> list[str]:
    wanted = set(files)
    try:
        cutoff = datetime.now(UTC) - timedelta(days=max_age_days)
    except OverflowError:  # an age beyond the calendar: nothing checked is due
        cutoff = datetime.min.replace(tzinfo=UTC)
    rows = store.query("SELECT file, usage_checked_at FROM reach_files")
    return sorted(r[0] for r in rows if r[0] in wanted and _older(r[1], cutoff))


def _older(checked_at: str | None, cutoff: datetime) -> bool:
    """Whether a stored timestamp (ISO text, UTC; SQLite's 'YYYY-MM-DD HH:MM:SS' too) is before ``cutoff``."""
    if not checked_at:
        return True
    when = datetime.fromisoformat(checked_at.replace("Z", "+00:00"))
    return (when if when.tzinfo else when.replace(tzinfo=UTC)) < cutoff


def record_usage(store: Store, file: str, usages: Iterable[tuple[str, str, int, int | None, str]], when: str) -> int:
    """Upsert a file's current usage (wiki, title, ns, page_id, page_kind); usage no longer listed
    gets gone_at. Returns how many pages are new for this file."""
    new = 0
    seen: set[tuple[str, str]] = set()
    with store.transaction():
        for wiki, title, ns, page_id, kind in usages:
            seen.add((wiki, title))
            cur = store.execute(
                "UPDATE reach_usage SET last_seen = ?, gone_at = NULL, ns = ?, page_id = ?, page_kind = ?"
                " WHERE file = ? AND wiki = ? AND title = ?",
                (when, ns, page_id, kind, file, wiki, title),
            )
            if cur.rowcount == 0:
                store.execute(
                    "INSERT INTO reach_usage(file, wiki, title, ns, page_id, page_kind, first_seen, last_seen)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (file, wiki, title, ns, page_id, kind, when, when),
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
    """Content pages currently using at least one measured file: articles of Wikipedias and, measured
    apart, namespace-0 pages of other content wikis (page_kind, see glamwiki.reach.wikis)."""
    rows = store.query(  # usage is only ever recorded for measured files: no join needed
        "SELECT DISTINCT wiki, title FROM reach_usage"
        " WHERE page_kind IN ('article', 'content') AND gone_at IS NULL ORDER BY wiki, title"
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
        "INSERT INTO reach_coverage(kind, key, agent, first_period, last_period, status, detail, fetched_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key, agent, first_period, last_period) DO UPDATE SET"
        " status = excluded.status, detail = excluded.detail, fetched_at = excluded.fetched_at",
        (kind, key, agent, first, last, status, detail, now()),
    )


def record_views(
    store: Store, wiki: str, title: str, granularity: str, agent: str, points: Iterable[tuple[str, int]], source: str
) -> None:
    store.executemany(
        "INSERT INTO reach_pageviews(wiki, title, granularity, period, agent, views, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wiki, title, granularity, period, agent) DO UPDATE SET"
        " views = excluded.views, source = excluded.source",
        ((wiki, title, granularity, p, agent, v, source) for p, v in points),
    )


def record_mediarequests(
    store: Store, file: str, granularity: str, agent: str, points: Iterable[tuple[str, int]], source: str
) -> None:
    store.executemany(
        "INSERT INTO reach_mediarequests(file, granularity, period, agent, requests, source)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (file, granularity, period, agent) DO UPDATE SET"
        " requests = excluded.requests, source = excluded.source",
        ((file, granularity, p, agent, v, source) for p, v in points),
    )


def record_cim(store: Store, kind: str, key: str, wiki: str, points: Iterable[tuple[str, int]]) -> None:
    store.executemany(
        "INSERT INTO reach_cim(kind, key, wiki, month, pageviews) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (kind, key, wiki, month) DO UPDATE SET pageviews = excluded.pageviews",
        ((kind, key, wiki, p, v) for p, v in points),
    )


def record_dump_run(
    store: Store,
    path: str,
    fmt: str,
    period: str,
    agent: str,
    engine: str,
    tallies: tuple[int, int, int],
    examples: Iterable[str] = (),
) -> None:
    """tallies: (lines, malformed, matched); examples: a few malformed lines as read."""
    lines, malformed, matched = tallies
    store.execute(
        "INSERT INTO reach_dump_runs(path, format, period, agent, engine, lines, malformed, matched,"
        " examples, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET"
        " format = excluded.format, period = excluded.period, agent = excluded.agent, engine = excluded.engine,"
        " lines = excluded.lines, malformed = excluded.malformed, matched = excluded.matched,"
        " examples = excluded.examples, finished_at = excluded.finished_at",
        (path, fmt, period, agent, engine, lines, malformed, matched, "\n".join(examples), now()),
    )


def replace_dump_counts(
    store: Store,
    path: str,
    kind: str,
    granularity: str,
    period: str,
    agent: str,
    counts: Iterable[tuple[str, str, int]],
) -> None:
    """A dump file's contribution, (wiki, title, count) rows: what it gave before is replaced, never added to."""
    store.execute("DELETE FROM reach_dump_counts WHERE path = ?", (path,))
    store.executemany(
        "INSERT INTO reach_dump_counts(path, kind, wiki, title, granularity, period, agent, count)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((path, kind, w, t, granularity, period, agent, n) for w, t, n in counts),
    )


def dump_periods(store: Store, fmt: str, agent: str, month: str, length: int) -> int:
    """How many distinct periods (days: length 10, hours: 13) of a month files of a format covered."""
    return int(
        store.scalar(
            "SELECT COUNT(DISTINCT period) FROM reach_dump_runs"
            " WHERE format = ? AND agent = ? AND substr(period, 1, 7) = ? AND length(period) = ?",
            (fmt, agent, month, length),
        )
        or 0
    )


def record_problem(store: Store, source: str, key: str, detail: str) -> None:
    store.execute(
        "INSERT INTO reach_problems(at, source, key, detail) VALUES (?, ?, ?, ?)", (now(), source, key, detail)
    )


def problems(store: Store, limit: int = 200) -> list[tuple[str, str, str, str]]:
    rows = store.query("SELECT at, source, key, detail FROM reach_problems ORDER BY id DESC LIMIT ?", (limit,))
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def record_membership(store: Store, category: str, months: Iterable[str], files: list[str], depth: int) -> None:
    """What was in a category in these months (the months this collect fetched), at ``depth``."""
    when = now()
    with store.transaction():
        for month in months:
            store.execute("DELETE FROM reach_membership WHERE category = ? AND month = ?", (category, month))
            store.executemany(
                "INSERT INTO reach_membership(category, month, file, depth, seen_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                ((category, month, f, depth, when) for f in files),
            )


def membership_months(store: Store, category: str) -> set[str]:
    rows = store.query("SELECT DISTINCT month FROM reach_membership WHERE category = ?", (category,))
    return {r[0] for r in rows}


def dump_done(store: Store, path: str) -> bool:
    return store.scalar("SELECT 1 FROM reach_dump_runs WHERE path = ?", (path,)) is not None


def save_event(store: Store, name: str, data: str, collected_at: str) -> None:
    store.execute(
        "INSERT INTO reach_events(name, data, collected_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
        " data = excluded.data, collected_at = excluded.collected_at",
        (name, data, collected_at),
    )


def save_event_edit(store: Store, row: tuple[Any, ...]) -> None:
    """(event, wiki, revid, parentid, editor, title, ns, timestamp, new_page, size_diff, refs_added)"""
    store.execute(
        "INSERT INTO reach_event_edits(event, wiki, revid, parentid, editor, title, ns, timestamp,"
        " new_page, size_diff, refs_added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (event, wiki, revid) DO UPDATE SET parentid = excluded.parentid, editor = excluded.editor,"
        " title = excluded.title, ns = excluded.ns, timestamp = excluded.timestamp, new_page = excluded.new_page,"
        " size_diff = excluded.size_diff, refs_added = excluded.refs_added",
        row,
    )


def save_page_subject(store: Store, wiki: str, title: str, item: str | None, human: bool, gender: str | None) -> None:
    store.execute(
        "INSERT INTO reach_page_subjects(wiki, title, item, human, gender) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (wiki, title) DO UPDATE SET item = excluded.item, human = excluded.human,"
        " gender = excluded.gender",
        (wiki, title, item, int(human), gender),
    )


def cim_answered(store: Store, kind: str, key: str) -> bool | None:
    """Whether Commons Impact Metrics gave figures for a category or file: True (it did), False (asked,
    nothing came: not allow-listed, most likely), None (never asked)."""
    if store.scalar("SELECT 1 FROM reach_cim WHERE kind = ? AND key = ? LIMIT 1", (kind, key)):
        return True
    asked = store.scalar("SELECT 1 FROM reach_coverage WHERE kind = ? AND key = ? LIMIT 1", (f"cim-{kind}", key))
    return False if asked else None


def save_event_participant(
    store: Store, event: str, username: str, registered: str | None, edited_after: bool | None, checked_at: str
) -> None:
    """A participant's account as ``reach event`` found it: registration time on the event's wiki and
    whether they edited 7 days or more after the event (None: that time had not come yet)."""
    after = None if edited_after is None else int(edited_after)
    store.execute(
        "INSERT INTO reach_event_participants(event, username, registered, edited_after, checked_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event, username) DO UPDATE SET registered = excluded.registered,"
        " edited_after = excluded.edited_after, checked_at = excluded.checked_at",
        (event, username, registered, after, checked_at),
    )
