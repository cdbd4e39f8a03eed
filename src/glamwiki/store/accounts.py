"""Local accounts of the web workspace: username, role and password hash (never the password)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from glamwiki.store.db import Store


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: str
    password_hash: str
    created_at: str
    created_by: str


_COLUMNS = "id, username, role, password_hash, created_at, created_by"


def count_accounts(store: Store) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM web_accounts") or 0)


def add_account(store: Store, username: str, role: str, password_hash: str, created_by: str = "") -> int:
    """A new account; returns its id (the caller checks the name is free: the column is UNIQUE)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    row = store.query_one(
        "INSERT INTO web_accounts(username, role, password_hash, created_at, created_by)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        (username, role, password_hash, now, created_by),
    )
    assert row is not None
    return int(row[0])


def get_account(store: Store, username: str) -> Account | None:
    row = store.query_one(f"SELECT {_COLUMNS} FROM web_accounts WHERE username = ?", (username,))
    return None if row is None else Account(*tuple(row))


def list_accounts(store: Store) -> list[Account]:
    return [Account(*tuple(r)) for r in store.query(f"SELECT {_COLUMNS} FROM web_accounts ORDER BY username")]


def set_password_hash(store: Store, username: str, password_hash: str) -> None:
    store.execute("UPDATE web_accounts SET password_hash = ? WHERE username = ?", (password_hash, username))
