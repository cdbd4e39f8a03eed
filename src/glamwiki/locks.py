"""One process at a time for work that must not run twice at once in a project (an ingest, a
publishing run): an advisory ``flock`` on a file beside the database, which the system releases
when the holder ends, however it ends (even SIGKILL); on PostgreSQL, an advisory lock of the
project's schema, which the server releases when the holder's connection ends."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from glamwiki.errors import Busy, StoreError
from glamwiki.store import Store, advisory


def _path(store: Store, name: str) -> str | None:
    return None if store.location in ("", ":memory:") else f"{store.location}.{name}-lock"


def _busy(what: str, holder: str) -> Busy:
    return Busy(
        f"another {what} is running in this project (process {holder}); wait for it to finish, then run this one again."
    )


@contextmanager
def _exclusive_on_server(store: Store, name: str, what: str) -> Iterator[None]:
    if not advisory.try_lock(store, name):
        raise _busy(what, "on another connection")
    try:
        yield
    finally:
        advisory.unlock(store, name)


@contextmanager
def exclusive(store: Store, name: str, what: str) -> Iterator[None]:
    """Hold the ``name`` lock of this project, or raise :class:`Busy` at once naming the holder."""
    if not store.is_sqlite:
        with _exclusive_on_server(store, name, what):
            yield
        return
    path = _path(store, name)
    if path is None:
        yield
        return
    try:
        fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (closed below, after the work)
    except OSError as exc:
        raise StoreError(f"cannot write {path} ({exc.strerror}): is the project folder read-only?") from None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise _busy(what, holder) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def held(store: Store, name: str) -> bool | None:
    """Whether some process holds the ``name`` lock now (None when it cannot be told)."""
    if not store.is_sqlite:
        return advisory.held_elsewhere(store, name)
    path = _path(store, name)
    if path is None:
        return None
    try:
        with open(path, "a+", encoding="utf-8") as fh:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            fcntl.flock(fh, fcntl.LOCK_UN)
            return False
    except BlockingIOError:
        return True
    except OSError:  # a read-only folder
        return None
