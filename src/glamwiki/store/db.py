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
        row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        return row

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


_SQLITE_PROBLEMS = {
    sqlite3.SQLITE_NOTADB: "{loc} is not a glamwiki database, or it is damaged beyond reading. Restore it from a "
    "backup, or move it away and run `glamwiki init` to start a new project",
    sqlite3.SQLITE_CORRUPT: "{loc} is damaged ({exc}). Restore it from a backup; `sqlite3 {loc} .recover` may "
    "save what it can",
    sqlite3.SQLITE_READONLY: "cannot write to {loc}: the file or its folder is read-only ({exc}). Make both "
    "writable, then run the command again",
    sqlite3.SQLITE_FULL: "the disk holding {loc} is full. Free some space and run the command again: work "
    "finished so far is saved, the step that was going on was rolled back",
    sqlite3.SQLITE_BUSY: "{loc} is busy: another glamwiki command is writing to it. Wait for it to finish, then "
    "run this one again",
    sqlite3.SQLITE_LOCKED: "{loc} is busy: another glamwiki command is writing to it. Wait for it to finish, then "
    "run this one again",
    sqlite3.SQLITE_CANTOPEN: "cannot open {loc} ({exc}): check that the folder exists and is readable",
    sqlite3.SQLITE_IOERR: "reading or writing {loc} failed ({exc}): check the disk, then run the command again",
}

_BY_TEXT = {  # errors raised without a code (e.g. by older Python builds)
    "database is locked": sqlite3.SQLITE_BUSY,
    "database or disk is full": sqlite3.SQLITE_FULL,
    "attempt to write a readonly database": sqlite3.SQLITE_READONLY,
    "file is not a database": sqlite3.SQLITE_NOTADB,
    "database disk image is malformed": sqlite3.SQLITE_CORRUPT,
}


def store_error(exc: sqlite3.Error, location: str) -> StoreError:
    """A clear message for a database that is damaged, read-only, full or busy (instead of a traceback)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else _BY_TEXT.get(str(exc))
    template = _SQLITE_PROBLEMS.get(primary) if primary is not None else None
    if template is None:
        template = "the project database {loc} failed: {exc}"
    error = StoreError(template.format(loc=location, exc=exc) + ".")
    error.__cause__ = exc
    return error


def open_store(location: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the SQLite database at ``location`` and bring it up to date."""
    location = str(location)
    if location != ":memory:" and Path(location).is_file() and Path(location).stat().st_size == 0:
        raise StoreError(
            f"{location} is empty (0 bytes), so it holds no project: a copy or a disk may have failed. Restore "
            "it from a backup, or delete it to start this project again from nothing."
        )
    try:
        return _open(location, migrate)
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise store_error(exc, location) from exc


def _open(location: str, migrate: bool) -> Store:
    conn = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    store = Store(conn, location)
    try:
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=10000",
            "PRAGMA cache_size=-32768",  # 32 MiB of page cache, whatever the database size
        ):
            conn.execute(pragma)
        if migrate:
            store.migrate()
    except BaseException:
        conn.close()
        raise
    return store
