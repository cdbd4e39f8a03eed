"""Store reads behind the funder reports (glamwiki.report.funder): events, event edits, uploads and
page subjects within a period of months. Months are 'YYYY-MM'; times are ISO 8601 text, so a
row's month is its first 7 characters (portable: substr, no date functions)."""

from __future__ import annotations

from typing import NamedTuple

from glamwiki.store.db import Store
from glamwiki.store.programme import Page, file_key


class EventEdit(NamedTuple):
    event: str
    wiki: str
    revid: int
    title: str
    editor: str
    month: str
    new_page: bool
    size_diff: int
    refs_added: int | None  # None: not counted for this edit


def events(store: Store) -> list[tuple[str, str]]:
    """(name, data JSON) of every event measured (``glamwiki reach event``)."""
    return [(str(r[0]), str(r[1])) for r in store.query("SELECT name, data FROM reach_events ORDER BY name")]


def event_edits(store: Store, first: str, last: str) -> list[EventEdit]:
    """The main-namespace edits the events recorded whose month is within first..last."""
    rows = store.query(
        "SELECT event, wiki, revid, title, editor, substr(timestamp, 1, 7), new_page, size_diff, refs_added"
        " FROM reach_event_edits WHERE ns = 0 AND substr(timestamp, 1, 7) BETWEEN ? AND ?"
        " ORDER BY event, wiki, revid",
        (first, last),
    )
    return [
        EventEdit(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5]), bool(r[6]), int(r[7]),
                  None if r[8] is None else int(r[8]))
        for r in rows
    ]  # fmt: skip


def uploads_by_month(store: Store, target: str, last: str) -> dict[str, str]:
    """Commons file key -> the month its upload finished (``publish_state.updated_at`` of a file
    uploaded or done), for uploads up to the end of month ``last``."""
    rows = store.query(
        "SELECT title, substr(updated_at, 1, 7) FROM publish_state WHERE target = ? AND state IN ('uploaded', 'done')"
        " AND title IS NOT NULL AND substr(updated_at, 1, 7) <= ?",
        (target, last),
    )
    return {file_key(str(r[0])): str(r[1]) for r in rows}


def subjects_of(store: Store, pages: set[Page]) -> dict[Page, tuple[bool, str | None]]:
    """(wiki, title) -> (is a biography, gender item) for those of ``pages`` the reach stage looked up."""
    rows = store.query("SELECT wiki, title, human, gender FROM reach_page_subjects")
    return {(r[0], r[1]): (bool(r[2]), r[3]) for r in rows if (r[0], r[1]) in pages}


def first_views_month(store: Store) -> str | None:
    """The earliest month any view was recorded for (API or dumps): the start of "since the start"."""
    month: str | None = store.scalar(
        "SELECT MIN(m) FROM (SELECT substr(period, 1, 7) AS m FROM reach_pageviews"
        " UNION ALL SELECT substr(period, 1, 7) FROM reach_dump_counts) AS months"
    )
    return month


def event_participants(store: Store) -> dict[str, list[tuple[str, str | None, bool | None]]]:
    """event -> [(user name, registered, edited 7+ days after)] as ``reach event`` looked them up."""
    rows = store.query("SELECT event, username, registered, edited_after FROM reach_event_participants")
    found: dict[str, list[tuple[str, str | None, bool | None]]] = {}
    for event, user, registered, after in rows:
        found.setdefault(str(event), []).append((str(user), registered, None if after is None else bool(after)))
    return found


def usage_checked(store: Store) -> bool:
    """Whether the reach stage ever checked where any of its files is used (prop=globalusage)."""
    return store.scalar("SELECT 1 FROM reach_files WHERE usage_checked_at IS NOT NULL LIMIT 1") is not None
