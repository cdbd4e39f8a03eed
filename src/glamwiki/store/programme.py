"""What one project contributes to a programme's totals (glamwiki.programme adds projects up without
counting a file or a page twice). Files are named as Commons names them with underscores, no "File:"."""

from __future__ import annotations

from glamwiki.store.db import Store

Page = tuple[str, str]  # (wiki, title), e.g. ("en.wikipedia", "Mona_Lisa")


def file_key(title: str) -> str:
    """One spelling of a Commons file title: no "File:" prefix, underscores, first letter upper case."""
    name = title.removeprefix("File:").strip().replace(" ", "_")
    return name[:1].upper() + name[1:]


def uploaded_files(store: Store, target: str) -> set[str]:
    rows = store.query(
        "SELECT title FROM publish_state WHERE target = ? AND state IN ('uploaded', 'done') AND title IS NOT NULL",
        (target,),
    )
    return {file_key(r[0]) for r in rows}


def measured_files(store: Store) -> set[str]:
    """The files the reach stage measures for this project."""
    return {file_key(r[0]) for r in store.query("SELECT file FROM reach_files")}


def files_in_use(store: Store) -> set[str]:
    """Files used now on an article or another content page."""
    rows = store.query(
        "SELECT DISTINCT file FROM reach_usage WHERE gone_at IS NULL AND page_kind IN ('article', 'content')"
    )
    return {file_key(r[0]) for r in rows}


def pages_using_files(store: Store) -> set[Page]:
    rows = store.query("SELECT DISTINCT wiki, title FROM reach_usage WHERE page_kind IN ('article', 'content')")
    return {(r[0], r[1]) for r in rows}


def monthly_views(store: Store) -> dict[Page, dict[str, int]]:
    """Monthly views by people (agent user) of the pages using the project's files, per page and month."""
    rows = store.query(
        "SELECT v.wiki, v.title, v.period, v.views FROM reach_pageviews v WHERE v.granularity = 'monthly'"
        " AND v.agent = 'user' AND EXISTS (SELECT 1 FROM reach_usage u WHERE u.wiki = v.wiki AND u.title = v.title"
        " AND u.page_kind IN ('article', 'content'))"
    )
    out: dict[Page, dict[str, int]] = {}
    for wiki, title, period, views in rows:
        out.setdefault((wiki, title), {})[period] = int(views)
    return out


def edited_articles(store: Store) -> tuple[set[Page], set[Page]]:
    """Articles the project's events created, and those they improved (edited, not created)."""
    rows = store.query("SELECT wiki, title, MAX(new_page) FROM reach_event_edits WHERE ns = 0 GROUP BY wiki, title")
    created = {(r[0], r[1]) for r in rows if r[2]}
    return created, {(r[0], r[1]) for r in rows} - created


def page_subjects(store: Store) -> dict[Page, tuple[bool, str | None]]:
    """(wiki, title) -> (is a biography, gender item) as the reach stage recorded it."""
    rows = store.query("SELECT wiki, title, human, gender FROM reach_page_subjects")
    return {(r[0], r[1]): (bool(r[2]), r[3]) for r in rows}
