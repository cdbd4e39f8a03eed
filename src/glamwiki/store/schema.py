"""Schema versions: Alembic revisions, one per SQL file in ``glamwiki.store.migrations``.

Migrations run on ``glamwiki init`` and ``glamwiki migrate`` (and, for a SQLite project folder, when
a command opens it: see docs/adr/0007), never silently on a shared PostgreSQL database. A SQLite
file made before Alembic (with the old ``schema_migrations`` table) is stamped at the revision its
applied files amount to, then upgraded like any other.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from alembic import command, op
from alembic.config import Config

from glamwiki.errors import StoreError
from glamwiki.store.dialect import split_statements, to_postgres_ddl

if TYPE_CHECKING:
    from glamwiki.store.db import Store

MIGRATIONS_PACKAGE = "glamwiki.store.migrations"
VERSION_TABLE = "alembic_version"


def available() -> list[tuple[str, str]]:
    """(name, SQL text) of every packaged migration, in order; each name is an Alembic revision id."""
    folder = resources.files(MIGRATIONS_PACKAGE)
    found = [
        (entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found)


def names() -> list[str]:
    return [name for name, _ in available()]


def head() -> str:
    return names()[-1]


def apply_sql(revision: str) -> None:
    """Run the SQL file of ``revision`` inside an Alembic migration, translated for PostgreSQL."""
    sql = dict(available())[revision]
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    for statement in split_statements(sql):
        if postgres:
            statement = to_postgres_ddl(statement).replace("%", "%%")
        bind.exec_driver_sql(statement)


# -- reading the version ----------------------------------------------------------------------------
def _has_table(store: Store, table: str) -> bool:
    if store.is_sqlite:
        return store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)) is not None
    return store.scalar("SELECT to_regclass(?) IS NOT NULL", (table,)) is True


def current(store: Store) -> str | None:
    """The revision the store's schema is at (None: no glamwiki schema yet)."""
    if _has_table(store, VERSION_TABLE):
        return store.scalar(f"SELECT version_num FROM {VERSION_TABLE}")  # type: ignore[no-any-return]
    return legacy_revision(store)


def legacy_revision(store: Store) -> str | None:
    """The revision a database made by the pre-Alembic runner (``schema_migrations``) is at."""
    if not _has_table(store, "schema_migrations"):
        return None
    done = [str(row[0]) for row in store.query("SELECT name FROM schema_migrations ORDER BY name")]
    known = names()
    if not done or done != known[: len(done)]:
        raise StoreError(
            f"{store.location} records migrations {', '.join(done) or 'none'}, which are not the first ones this "
            "glamwiki knows: it was made by a different version. Open it with that version, or restore a backup."
        )
    return done[-1]


def applied(store: Store) -> list[str]:
    at = current(store)
    known = names()
    return [] if at is None else known[: known.index(at) + 1]


def require_current(store: Store) -> None:
    """Raise a StoreError that says what to run when the schema is not at the head revision."""
    at = current(store)
    if at == head():
        return
    if at is None:
        raise StoreError(
            f"{store.location} holds no glamwiki project yet: run `glamwiki init` (or `glamwiki migrate`)."
        )
    if at not in names():
        raise StoreError(f"{store.location} is at schema {at}, newer than this glamwiki knows: upgrade glamwiki.")
    raise StoreError(
        f"{store.location} is at schema {at}, behind this glamwiki ({head()}): run `glamwiki migrate` "
        "(back the database up first) and then the command again."
    )


# -- upgrading ------------------------------------------------------------------------------------------
def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", "glamwiki.store:alembic")
    return config


def upgrade(store: Store) -> list[str]:
    """Apply every migration not yet applied; return their names (a legacy database is stamped first)."""
    if store.engine is None:
        raise StoreError(f"{store.location} was not opened through open_store: it cannot be migrated.")
    before = applied(store)
    stamp = legacy_revision(store) if not _has_table(store, VERSION_TABLE) else None
    config = _config()
    try:
        with store.engine.connect() as connection:
            if not store.is_sqlite:  # two `glamwiki migrate` at once: the second waits, then finds nothing to do
                key = f"glamwiki-migrate:{store.schema or 'public'}"
                connection.exec_driver_sql("SELECT pg_advisory_lock(hashtext(%(key)s))", {"key": key})
            if store.schema:
                connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{store.schema}"')
            connection.commit()
            config.attributes["connection"] = connection
            if stamp:
                command.stamp(config, stamp)
            command.upgrade(config, "head")
            connection.commit()
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(
            f"migrating {store.location} failed: {exc}. Each migration runs in its own transaction, so the "
            "database is at the last one that finished; report this with the message."
        ) from exc
    return [name for name in applied(store) if name not in before]
