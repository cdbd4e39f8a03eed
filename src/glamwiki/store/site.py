"""The web site's own tables (migration 0022): failed logins with their times, per-project roles
(memberships) and private projects. They live in the store that holds the site's accounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glamwiki.store.db import Store


@dataclass(frozen=True)
class Membership:
    username: str
    project: str
    role: str
    added_at: str
    added_by: str


def add_login_failures(store: Store, keys: Sequence[str], at: str) -> None:
    store.executemany("INSERT INTO web_login_failures(who, failed_at) VALUES (?, ?)", [(k, at) for k in keys])


def most_login_failures_since(store: Store, keys: Sequence[str], since: str) -> int:
    """The largest count of failures after ``since`` among ``keys`` (0 when none)."""
    marks = ", ".join("?" for _ in keys)
    rows = store.query(
        f"SELECT COUNT(*) FROM web_login_failures WHERE who IN ({marks}) AND failed_at > ? GROUP BY who",
        (*keys, since),
    )
    return max((int(r[0]) for r in rows), default=0)


def delete_login_failures_before(store: Store, before: str) -> None:
    store.execute("DELETE FROM web_login_failures WHERE failed_at <= ?", (before,))


def delete_login_failures_of(store: Store, key: str) -> None:
    store.execute("DELETE FROM web_login_failures WHERE who = ?", (key,))


def count_login_failure_keys(store: Store) -> int:
    return int(store.scalar("SELECT COUNT(DISTINCT who) FROM web_login_failures") or 0)


def set_membership(store: Store, username: str, project: str, role: str, at: str, by: str) -> None:
    store.execute(
        "INSERT INTO web_memberships(username, project, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (username, project) DO UPDATE SET role = excluded.role, added_at = excluded.added_at,"
        " added_by = excluded.added_by",
        (username, project, role, at, by),
    )


def delete_membership(store: Store, username: str, project: str) -> None:
    store.execute("DELETE FROM web_memberships WHERE username = ? AND project = ?", (username, project))


def memberships_of(store: Store, username: str) -> dict[str, str]:
    """project -> role of one account."""
    rows = store.query("SELECT project, role FROM web_memberships WHERE username = ?", (username,))
    return {str(r[0]): str(r[1]) for r in rows}


def list_memberships(store: Store) -> list[Membership]:
    rows = store.query(
        "SELECT username, project, role, added_at, added_by FROM web_memberships ORDER BY project, username"
    )
    return [Membership(*tuple(r)) for r in rows]


def set_project_private(store: Store, name: str, private: bool, at: str, by: str) -> None:
    store.execute(
        "INSERT INTO web_projects(name, private, changed_at, changed_by) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET private = excluded.private, changed_at = excluded.changed_at,"
        " changed_by = excluded.changed_by",
        (name, 1 if private else 0, at, by),
    )


def private_projects(store: Store) -> set[str]:
    return {str(r[0]) for r in store.query("SELECT name FROM web_projects WHERE private = 1")}
