"""Connection, transactions and the backend a store URL chooses (SQLite or PostgreSQL).

SQLAlchemy gives the engine (URL parsing, dialect, connection creation) and Alembic the migrations
(``glamwiki.store.schema``); queries stay readable SQL text run on the driver's own connection
(sqlite3 or psycopg), so the hot paths pay nothing for the toolkit. See docs/adr/0007.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool, StaticPool

from glamwiki.errors import StoreError
from glamwiki.store.dialect import pg_row_factory, to_pyformat

MIGRATIONS_PACKAGE = "glamwiki.store.migrations"
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class Store:
    """A project database. Not thread-safe: one Store per thread or process."""

    def __init__(self, conn: Any, location: str, *, engine: Engine | None = None, schema: str | None = None) -> None:
        self.conn = conn
        self.location = location
        self.engine = engine
        self.schema = schema
        self.dialect = "sqlite" if isinstance(conn, sqlite3.Connection) else "postgresql"
        self._raw: Any = None  # the pool's wrapper around conn, closed with the store
        self.migrated: list[str] = []  # the migrations open_store(migrate=True) applied
        self._cursors = 0  # server-side cursors opened (each needs its own name)
        # Statements sent through the methods below, by method (one executemany is one): what the
        # set-based stages are measured by (tests/publishing/test_plan_queries.py, bench_plan).
        self.statements: Counter[str] = Counter()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    # -- queries -----------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self.statements["execute"] += 1
        return self._send(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        self.statements["executemany"] += 1
        if self.is_sqlite:
            return self.conn.executemany(sql, rows)
        cur = self.conn.cursor()
        cur.executemany(to_pyformat(sql), rows)
        return cur

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        self.statements["query"] += 1
        return list(self._send(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self.statements["query_one"] += 1
        return self._send(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        self.statements["scalar"] += 1
        row = self._send(sql, params).fetchone()
        return None if row is None else row[0]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[Any]:
        """Rows one at a time without loading the result set (constant memory)."""
        self.statements["stream"] += 1
        if not self.is_sqlite:
            yield from self._stream_server_side(sql, params, size)
            return
        cur = self._send(sql, params)
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                return
            yield from rows

    def _send(self, sql: str, params: Sequence[Any] | dict[str, Any]) -> Any:
        """One statement on the connection, its placeholders in the driver's style."""
        if self.is_sqlite:
            return self.conn.execute(sql, params)
        return self.conn.execute(to_pyformat(sql), params)

    def _stream_server_side(self, sql: str, params: Sequence[Any], size: int) -> Iterator[Any]:
        """A PostgreSQL cursor on the server, read ``size`` rows at a time (WITH HOLD outside a transaction)."""
        self._cursors += 1
        cur = self.conn.cursor(name=f"glamwiki_stream_{self._cursors}", withhold=not self.in_transaction)
        cur.itersize = size
        try:
            cur.execute(to_pyformat(sql), params)
            yield from cur
        finally:
            cur.close()

    @property
    def in_transaction(self) -> bool:
        if self.is_sqlite:
            return bool(self.conn.in_transaction)
        from psycopg import pq

        return bool(self.conn.info.transaction_status != pq.TransactionStatus.IDLE)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Commit on success, roll back on any exception (including KeyboardInterrupt).

        On SQLite the write lock is taken at the start (BEGIN IMMEDIATE), waiting up to the busy
        timeout for another writer: a deferred transaction that read first and wrote after another
        connection's commit failed at once with "database is locked", without waiting (a worker's
        ingest while a web page saved a dashboard)."""
        if self.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN IMMEDIATE" if self.is_sqlite else "BEGIN")
        try:
            yield self
        except BaseException:
            self._end("ROLLBACK")
            raise
        self._end("COMMIT")

    def _end(self, how: str) -> None:
        """COMMIT or ROLLBACK: sqlite3's own calls; a statement on psycopg's autocommit connection."""
        if self.is_sqlite:
            (self.conn.commit if how == "COMMIT" else self.conn.rollback)()
        else:
            self.conn.execute(how)

    def close(self) -> None:
        if self._raw is not None:
            if not self.is_sqlite and self.in_transaction:
                self.conn.execute("ROLLBACK")
            self._raw.close()
            self._raw = None
        else:
            self.conn.close()
        if self.engine is not None:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        from glamwiki.store import schema

        return schema.applied(self)

    def migrate(self) -> list[str]:
        """Bring the schema up to date (Alembic). Returns the migrations applied now."""
        from glamwiki.store import schema

        return schema.upgrade(self)


def available_migrations() -> list[tuple[str, str]]:
    from glamwiki.store import schema

    return schema.available()


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


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and "://" in location


def open_store(location: str | Path, *, migrate: bool = False, schema: str | None = None) -> Store:
    """Open the store at ``location``: a SQLite file path (created if needed) or a database URL.

    ``postgresql://user@host/db`` uses PostgreSQL (psycopg 3); ``schema`` names the project's
    PostgreSQL schema (one per project, see docs/store.md). With ``migrate`` the schema is brought up
    to date first; without it a store whose schema is behind raises :class:`StoreError` saying to run
    ``glamwiki migrate``.
    """
    store = _open_url(str(location), schema) if is_url(location) else _open_sqlite(str(location))
    try:
        from glamwiki.store import schema as schemas

        if migrate:
            store.migrated = store.migrate()
        else:
            schemas.require_current(store)
    except BaseException:
        store.close()
        raise
    return store


def _open_sqlite(location: str) -> Store:
    if location != ":memory:" and Path(location).is_file() and Path(location).stat().st_size == 0:
        raise StoreError(
            f"{location} is empty (0 bytes), so it holds no project: a copy or a disk may have failed. Restore "
            "it from a backup, or delete it to start this project again from nothing."
        )
    try:
        return _connect_sqlite(location)
    except sqlite3.Error as exc:
        raise store_error(exc, location) from exc


def _sqlite_connection(location: str) -> sqlite3.Connection:
    conn = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
    try:
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=10000",
            "PRAGMA cache_size=-32768",  # 32 MiB of page cache, whatever the database size
        ):
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_sqlite(location: str) -> Store:
    memory = location == ":memory:"
    engine = sqlalchemy.create_engine(
        "sqlite://" if memory else f"sqlite:///{location}",
        creator=lambda: _sqlite_connection(location),
        poolclass=StaticPool if memory else NullPool,  # :memory: is one connection, shared with migrations
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: sqlalchemy.Connection) -> None:  # transactional DDL (SQLAlchemy's pysqlite recipe)
        connection.exec_driver_sql("BEGIN")

    raw = engine.raw_connection()
    conn: Any = raw.driver_connection
    conn.row_factory = sqlite3.Row
    store = Store(conn, location, engine=engine)
    store._raw = raw
    return store


def _open_url(url: str, schema: str | None) -> Store:
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"store.url {shown}: only postgresql:// URLs (or a SQLite file path) are supported.")
    if schema is not None and not SCHEMA_NAME.match(schema):
        raise StoreError(
            f"project {schema!r} cannot be a PostgreSQL schema name: use lower-case letters, digits and _ "
            "(at most 63, not starting with a digit)."
        )
    parsed = parsed.set(drivername="postgresql+psycopg")
    args = {"options": f"-csearch_path={schema}"} if schema else {}
    engine = sqlalchemy.create_engine(parsed, poolclass=NullPool, connect_args=args)
    try:
        raw = engine.raw_connection()
    except Exception as exc:  # psycopg.OperationalError, or SQLAlchemy's wrapper of it
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip()
        raise StoreError(f"cannot connect to the store {shown}: {reason}") from None
    conn: Any = raw.driver_connection
    conn.rollback()
    conn.autocommit = True
    conn.row_factory = pg_row_factory
    _load_numeric_as_number(conn)
    location = f"{shown} (schema {schema})" if schema else shown
    store = Store(conn, location, engine=engine, schema=schema)
    store._raw = raw
    return store


def _load_numeric_as_number(conn: Any) -> None:
    """SUM/AVG of integers are NUMERIC on PostgreSQL: read them as int or float, as SQLite gives them."""
    from psycopg.adapt import Loader

    class NumberLoader(Loader):
        def load(self, data: Any) -> int | float:
            text = bytes(data).decode()
            return float(text) if ("." in text or "e" in text.lower() or text == "NaN") else int(text)

    conn.adapters.register_loader("numeric", NumberLoader)


def list_projects(url: str) -> list[str]:
    """The projects of a shared PostgreSQL store: the schemas holding a glamwiki schema version."""
    store = _open_url(url, None)
    try:
        rows = store.query(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'alembic_version'"
            " ORDER BY table_schema"
        )
    finally:
        store.close()
    return [row[0] for row in rows]


# -- connections kept for reuse (the web's requests) ---------------------------------------------
# Opening a PostgreSQL store costs a connection (a server process forked), the type look-up and the
# schema check: 10 ms on an idle machine, 65 ms on a busy one, and a web page opened two (the
# site's accounts, the project). A web worker process keeps a few open stores per (URL, schema)
# and lends them out; one given back inside a transaction, or broken, is closed instead. It has at
# most POOL_MAX_OPEN connections open (lent or idle): a request wanting another when all are lent
# waits for one to be given back (an idle one of another schema is closed to make room), at most
# POOL_WAIT seconds, then opens one all the same (a page needing several stores at once, the
# programme's, cannot then wait for itself). PostgreSQL's default limit is 100 connections in all.
POOL_IDLE_PER_STORE = 2
POOL_MAX_OPEN = 16  # per process: 2 workers, at most 32 (beyond POOL_WAIT only)
POOL_WAIT = 10.0  # seconds
_idle: dict[tuple[str, str | None], list[Store]] = {}
_pool = threading.Condition()
_open = [0]  # connections of this process's pool, lent or idle


def _idle_count() -> int:
    return sum(len(v) for v in _idle.values())


def _borrow(key: tuple[str, str | None]) -> Store | None:
    """An idle store of ``key``, else None once there is room for a new connection (counted)."""
    end = time.monotonic() + POOL_WAIT
    with _pool:
        while True:
            found = _idle.get(key)
            if found:
                return found.pop()
            if _open[0] < POOL_MAX_OPEN or time.monotonic() >= end:
                _open[0] += 1
                return None
            other = next((v for v in _idle.values() if v), None)
            if other:  # room made by closing an idle store of another schema
                other.pop().close()
                _open[0] -= 1
                continue
            _pool.wait(timeout=max(0.01, end - time.monotonic()))


@contextmanager
def pooled_store(location: str, schema: str | None) -> Iterator[Store]:
    """A PostgreSQL store at ``location`` (a URL) and ``schema``, lent from this process's idle ones
    (opened and checked once), given back after the block."""
    key = (location, schema)
    store = _borrow(key)
    try:
        if store is None or store.conn.closed:
            store = open_store(location, schema=schema)
    except BaseException:
        with _pool:
            _open[0] -= 1
            _pool.notify()
        raise
    given_back = False
    try:
        yield store
        with _pool:
            kept = _idle.setdefault(key, [])
            room = len(kept) < POOL_IDLE_PER_STORE and _open[0] <= POOL_MAX_OPEN
            if room and not store.conn.closed and not store.in_transaction:
                kept.append(store)
                given_back = True
                _pool.notify()
    finally:
        if not given_back:
            store.close()
            with _pool:
                _open[0] -= 1
                _pool.notify()
