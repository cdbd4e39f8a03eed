"""Store reads behind the reach report (tables of migrations 0005 and 0006)."""

from __future__ import annotations

from typing import Any

from glamwiki.store.db import Store

Usage = tuple[str, str, str, str, str, str | None]  # file, wiki, title, page_kind, first_seen, gone_at


def measured_files(store: Store) -> list[tuple[str, str]]:
    """(file, source) of every file ever measured."""
    return [(r[0], r[1]) for r in store.query("SELECT file, source FROM reach_files ORDER BY file")]


def membership(store: Store, first: str, last: str) -> dict[str, dict[str, set[str]]]:
    """{category: {month: files}} as recorded by the collects that covered those months."""
    found: dict[str, dict[str, set[str]]] = {}
    rows = store.query("SELECT category, month, file FROM reach_membership WHERE month BETWEEN ? AND ?", (first, last))
    for category, month, file in rows:
        found.setdefault(category, {}).setdefault(month, set()).add(file)
    return found


def membership_depths(store: Store) -> dict[str, int]:
    rows = store.query("SELECT category, MAX(depth) FROM reach_membership GROUP BY category")
    return {r[0]: int(r[1]) for r in rows}


def usage_rows(store: Store) -> list[Usage]:
    rows = store.query(
        "SELECT u.file, u.wiki, u.title, u.page_kind, u.first_seen, u.gone_at FROM reach_usage u"
        " JOIN reach_files f ON f.file = u.file ORDER BY u.wiki, u.title, u.file"
    )
    return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def api_views(store: Store, first: str, last: str) -> dict[tuple[str, str, str], int]:
    """Monthly user views from the REST API per (wiki, title, month)."""
    rows = store.query(
        "SELECT wiki, title, substr(period, 1, 7), SUM(views) FROM reach_pageviews"
        " WHERE agent = 'user' AND source = 'api' AND granularity = 'monthly' AND substr(period, 1, 7) BETWEEN ? AND ?"
        " GROUP BY wiki, title, substr(period, 1, 7)",
        (first, last),
    )
    return {(r[0], r[1], r[2]): int(r[3]) for r in rows}


def dump_views(store: Store, first: str, last: str) -> dict[tuple[str, str, str], dict[str, int]]:
    """User views from dump files per (wiki, title, month) and granularity (each file counted once)."""
    rows = store.query(
        "SELECT wiki, title, substr(period, 1, 7) AS month, granularity, SUM(count) FROM reach_dump_counts"
        " WHERE kind = 'pageviews' AND agent = 'user' AND substr(period, 1, 7) BETWEEN ? AND ?"
        " GROUP BY wiki, title, month, granularity",
        (first, last),
    )
    found: dict[tuple[str, str, str], dict[str, int]] = {}
    for wiki, title, month, granularity, n in rows:
        found.setdefault((wiki, title, month), {})[granularity] = int(n)
    return found


def coverage(store: Store, kind: str = "pageviews", agent: str = "user") -> list[tuple[str, str, str, str, str]]:
    """(key, first, last, status, detail) of every fetch recorded."""
    rows = store.query(
        "SELECT key, first_period, last_period, status, detail FROM reach_coverage WHERE kind = ? AND agent = ?",
        (kind, agent),
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def media(store: Store, first: str, last: str) -> dict[str, int]:
    """Media figures kept apart by source: the REST API (user agents) and mediacounts dumps (all agents)."""
    api = store.scalar(
        "SELECT COALESCE(SUM(requests), 0) FROM reach_mediarequests WHERE source = 'api' AND agent = 'user'"
        " AND substr(period, 1, 7) BETWEEN ? AND ?",
        (first, last),
    )
    dumps = store.scalar(
        "SELECT COALESCE(SUM(count), 0) FROM reach_dump_counts WHERE kind = 'mediacounts'"
        " AND substr(period, 1, 7) BETWEEN ? AND ?",
        (first, last),
    )
    days = store.scalar(
        "SELECT COUNT(DISTINCT period) FROM reach_dump_runs WHERE format = 'mediacounts'"
        " AND substr(period, 1, 7) BETWEEN ? AND ?",
        (first, last),
    )
    return {"api_user_requests": int(api), "dump_all_agent_transfers": int(dumps), "dump_days": int(days)}


def cim_category(store: Store, first: str, last: str) -> list[tuple[str, int]]:
    rows = store.query(
        "SELECT month, SUM(pageviews) FROM reach_cim WHERE kind = 'category' AND month BETWEEN ? AND ?"
        " GROUP BY month ORDER BY month",
        (first, last),
    )
    return [(r[0], int(r[1])) for r in rows]


def dump_runs(store: Store, first: str, last: str) -> list[tuple[str, str, int, int, str]]:
    rows = store.query(
        "SELECT path, engine, lines, malformed, examples FROM reach_dump_runs"
        " WHERE substr(period, 1, 7) BETWEEN ? AND ? ORDER BY path",
        (first, last),
    )
    return [(r[0], r[1], int(r[2]), int(r[3]), r[4]) for r in rows]


def excluded_agents(store: Store, first: str, last: str) -> dict[str, int]:
    rows = store.query(
        "SELECT agent, SUM(n) FROM (SELECT agent, views AS n, period FROM reach_pageviews WHERE agent <> 'user'"
        " UNION ALL SELECT agent, count, period FROM reach_dump_counts WHERE kind = 'pageviews' AND agent <> 'user')"
        " AS views WHERE substr(period, 1, 7) BETWEEN ? AND ? GROUP BY agent ORDER BY agent",
        (first, last),
    )
    return {r[0]: int(r[1]) for r in rows}


def anything_collected(store: Store) -> bool:
    """Whether any figure was ever fetched or loaded (a fetch that found nothing counts: that is zero)."""
    return bool(
        store.scalar("SELECT 1 FROM reach_coverage WHERE status = 'ok' LIMIT 1")
        or store.scalar("SELECT 1 FROM reach_dump_runs LIMIT 1")
    )


def new_usage(store: Store) -> tuple[str | None, list[tuple[Any, ...]]]:
    since = store.scalar("SELECT MAX(made_at) FROM reach_reports")
    newer, params = (" AND first_seen > ?", (since,)) if since is not None else ("", ())
    rows = store.query(
        "SELECT file, wiki, title, first_seen FROM reach_usage WHERE gone_at IS NULL AND page_kind = 'article'"
        + newer
        + " ORDER BY first_seen DESC, wiki, title",
        params,
    )
    return since, [tuple(r) for r in rows]


def remember_report(store: Store, made_at: str, first: str, last: str, pages: int) -> None:
    store.execute(
        "INSERT INTO reach_reports(made_at, period_from, period_to, pages_in_use) VALUES (?, ?, ?, ?)",
        (made_at, first, last, pages),
    )


def latest_month(store: Store) -> str | None:
    month: str | None = store.scalar(
        "SELECT MAX(m) FROM (SELECT substr(period, 1, 7) AS m FROM reach_pageviews"
        " UNION ALL SELECT substr(period, 1, 7) FROM reach_dump_counts) AS months"
    )
    return month


def has_files(store: Store) -> bool:
    return bool(store.scalar("SELECT COUNT(*) FROM reach_files"))


def status_figures(store: Store) -> dict[str, int]:
    """The reach line of `glamwiki status`: files, Wikipedia articles, views recorded, failures, events."""
    one = store.scalar
    return {
        "files": int(one("SELECT COUNT(*) FROM reach_files")),
        "files_in_use": int(
            one("SELECT COUNT(DISTINCT file) FROM reach_usage WHERE page_kind = 'article' AND gone_at IS NULL")
        ),
        "articles": int(
            one(
                "SELECT COUNT(*) FROM (SELECT DISTINCT wiki, title FROM reach_usage"
                " WHERE page_kind = 'article' AND gone_at IS NULL) AS pages"
            )
        ),
        "views": int(one("SELECT COALESCE(SUM(views), 0) FROM reach_pageviews WHERE agent = 'user'")),
        "failed_fetches": int(one("SELECT COUNT(*) FROM reach_coverage WHERE status = 'error'")),
        "events": int(one("SELECT COUNT(*) FROM reach_events")),
        "collected": int(anything_collected(store)),
    }


def upload_batches(store: Store) -> dict[str, str]:
    """File (as reach stores it: no "File:", underscores) -> the publishing batch that uploaded it."""
    rows = store.query(
        "SELECT title, batch FROM publish_state WHERE title IS NOT NULL AND batch IS NOT NULL AND batch <> ''"
    )
    return {str(r[0]).removeprefix("File:").replace(" ", "_"): str(r[1]) for r in rows}


def unused_files(store: Store) -> list[str]:
    """Measured files not shown on any Wikipedia article now."""
    rows = store.query(
        "SELECT file FROM reach_files f WHERE NOT EXISTS (SELECT 1 FROM reach_usage u WHERE u.file = f.file"
        " AND u.gone_at IS NULL AND u.page_kind = 'article') ORDER BY file"
    )
    return [r[0] for r in rows]


def article_pages(store: Store) -> set[tuple[str, str]]:
    rows = store.query("SELECT DISTINCT wiki, title FROM reach_usage WHERE gone_at IS NULL AND page_kind = 'article'")
    return {(r[0], r[1]) for r in rows}


def event_totals(store: Store) -> list[tuple[str, int, int, int, int]]:
    """Per event: (event, edits, articles created, bytes added, references added). Bytes added
    count growth only: an edit that removed text adds nothing (portable: no two-argument MAX)."""
    rows = store.query(
        "SELECT e.event, COUNT(*), COALESCE(SUM(e.new_page), 0),"
        " COALESCE(SUM(CASE WHEN e.size_diff > 0 THEN e.size_diff ELSE 0 END), 0),"
        " COALESCE(SUM(COALESCE(e.refs_added, 0)), 0)"
        " FROM reach_event_edits e GROUP BY e.event ORDER BY e.event"
    )
    return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]


def usage_rows_of(store: Store, files: list[str]) -> list[Usage]:
    """The usage rows of these files only (a record's files, for its page)."""
    found: list[Usage] = []
    for file in files:
        rows = store.query(
            "SELECT file, wiki, title, page_kind, first_seen, gone_at FROM reach_usage WHERE file = ?"
            " ORDER BY wiki, title",
            (file,),
        )
        found += [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
    return found


def measured_among(store: Store, files: list[str]) -> set[str]:
    """Which of these files the reach stage measures."""
    return {f for f in files if store.scalar("SELECT 1 FROM reach_files WHERE file = ?", (f,))}


def page_views_of(
    store: Store, pages: list[tuple[str, str]], first: str, last: str
) -> tuple[dict[tuple[str, str, str], int], dict[tuple[str, str, str], dict[str, int]]]:
    """``api_views`` and ``dump_views`` for these pages only, in the same shapes."""
    api: dict[tuple[str, str, str], int] = {}
    dumps: dict[tuple[str, str, str], dict[str, int]] = {}
    for wiki, title in pages:
        for r in store.query(
            "SELECT substr(period, 1, 7), SUM(views) FROM reach_pageviews WHERE wiki = ? AND title = ?"
            " AND agent = 'user' AND source = 'api' AND granularity = 'monthly'"
            " AND substr(period, 1, 7) BETWEEN ? AND ?"
            " GROUP BY substr(period, 1, 7)",
            (wiki, title, first, last),
        ):
            api[(wiki, title, r[0])] = int(r[1])
        for r in store.query(
            "SELECT substr(period, 1, 7) AS month, granularity, SUM(count) FROM reach_dump_counts"
            " WHERE kind = 'pageviews' AND agent = 'user' AND wiki = ? AND title = ?"
            " AND substr(period, 1, 7) BETWEEN ? AND ? GROUP BY month, granularity",
            (wiki, title, first, last),
        ):
            dumps.setdefault((wiki, title, r[0]), {})[r[1]] = int(r[2])
    return api, dumps


def coverage_of(store: Store, pages: list[tuple[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """``coverage`` rows of these pages and of the dump files (key ``*dump*``)."""
    keys = ["*dump*", *(f"{wiki}|{title}" for wiki, title in pages)]
    found: list[tuple[str, str, str, str, str]] = []
    for key in keys:
        rows = store.query(
            "SELECT key, first_period, last_period, status, detail FROM reach_coverage"
            " WHERE kind = 'pageviews' AND agent = 'user' AND key = ?",
            (key,),
        )
        found += [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
    return found


def media_requests_of(store: Store, file: str, first: str, last: str) -> int | None:
    """User media requests of one file from the REST API in the months, or None when none was fetched."""
    row = store.query_one(
        "SELECT COUNT(*), COALESCE(SUM(requests), 0) FROM reach_mediarequests WHERE file = ? AND source = 'api'"
        " AND agent = 'user' AND substr(period, 1, 7) BETWEEN ? AND ?",
        (file, first, last),
    )
    return int(row[1]) if row is not None and int(row[0]) else None
