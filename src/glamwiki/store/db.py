"""Connection, transactions and schema migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from glamwiki.errors import StoreError

MIGRATIONS_PACKAGE = "glamwiki.store.migrations"


class Store:
    """A project database. Not thread-safe: one Store per thread or process."""

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self.conn = conn
        self.location = location

    # -- queries -----------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[sqlite3.Row]:
        """Rows one at a time without loading the result set (constant memory)."""
        cur = self.conn.execute(sql, params)
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                return
            yield from rows

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Commit on success, roll back on any exception (including KeyboardInterrupt)."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.query("SELECT name FROM schema_migrations ORDER BY name")]

    def migrate(self) -> list[str]:
        """Apply every packaged migration not yet applied, in name order. Returns the new ones."""
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        done = set(self.applied_migrations())
        applied = []
        for name, sql in available_migrations():
            if name in done:
                continue
            try:
                self.conn.executescript("BEGIN;\n" + sql + "\nCOMMIT;")
            except sqlite3.Error as exc:
                self.conn.rollback()
                raise StoreError(
                    f"Migration {name} failed on {self.location}: {exc}. The database was left "
                    "as it was before this migration; report this with the file name."
                ) from exc
            self.execute("INSERT INTO schema_migrations(name) VALUES (?)", (name,))
            self.conn.commit()
            applied.append(name)
        return applied


def available_migrations() -> list[tuple[str, str]]:
    folder = resources.files(MIGRATIONS_PACKAGE)
    found = [
        (entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found)


def open_store(location: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the SQLite database at ``location`` and bring it up to date."""
    location = str(location)
    try:
        conn = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot open the project database {location}: {exc}.") from exc
    conn.row_factory = sqlite3.Row
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA busy_timeout=10000",
        "PRAGMA cache_size=-32768",  # 32 MiB of page cache, whatever the database size
    ):
        conn.execute(pragma)
    store = Store(conn, location)
    if migrate:
        store.migrate()
    return store
