"""Store access for the books stage (table from migration 0011_books)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from glamwiki.store.db import Store

LEVELS = ("not_created", "q0", "q1", "q2", "q3", "q4")


def save_snapshot(store: Store, row: dict[str, Any]) -> None:
    """One index's counts for one day (a second snapshot the same day replaces the first)."""
    cols = ["wiki", "index_title", "day", "campaign", "pages", *LEVELS, "taken_at"]
    with store.transaction():
        store.execute(
            f"INSERT INTO book_progress({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            " ON CONFLICT (wiki, index_title, day) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in cols[3:]),
            [row[c] for c in cols],
        )


def snapshots(store: Store, campaign: str | None = None, index_title: str | None = None) -> Iterator[dict[str, Any]]:
    """Snapshots in (wiki, index, day) order, of one campaign or index when given."""
    where, params = [], []
    if campaign is not None:
        where.append("campaign = ?")
        params.append(campaign)
    if index_title is not None:
        where.append("index_title = ?")
        params.append(index_title)
    sql = "SELECT * FROM book_progress" + (" WHERE " + " AND ".join(where) if where else "")
    for row in store.stream(sql + " ORDER BY wiki, index_title, day", params):
        yield dict(row)


def has_books(store: Store, dataset: str) -> bool:
    """Whether the project tracks books: a progress snapshot, or a book (``dataset``) in the publishing plan."""
    if store.scalar("SELECT 1 FROM book_progress LIMIT 1"):
        return True
    return bool(store.scalar("SELECT 1 FROM publish_plan WHERE dataset = ? LIMIT 1", (dataset,)))
