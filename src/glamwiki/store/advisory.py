"""PostgreSQL advisory locks: one process at a time for a named piece of work in one project (schema).

The lock belongs to the store's connection, so PostgreSQL releases it when the holder ends, however it
ends, as the system does with the ``flock`` SQLite projects use (glamwiki.locks).
"""

from __future__ import annotations

from glamwiki.store.db import Store


def _key(store: Store, name: str) -> str:
    return f"glamwiki:{store.schema or 'public'}:{name}"


def try_lock(store: Store, name: str) -> bool:
    return bool(store.scalar("SELECT pg_try_advisory_lock(hashtext(?))", (_key(store, name),)))


def unlock(store: Store, name: str) -> None:
    store.scalar("SELECT pg_advisory_unlock(hashtext(?))", (_key(store, name),))


def held_elsewhere(store: Store, name: str) -> bool:
    """Whether another connection holds the lock now."""
    return bool(
        store.scalar(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()"
            " AND objid::bigint = (hashtext(?)::bigint & 4294967295) AND granted",
            (_key(store, name),),
        )
    )
