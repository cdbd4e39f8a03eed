"""One process at a time for work that must not run twice at once in a project (an ingest, a
publishing run): an advisory ``flock`` on a file beside the database, which the system releases
when the holder ends, however it ends (even SIGKILL)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from glamwiki.errors import Busy, StoreError
from glamwiki.store import Store


def _path(store: Store, name: str) -> str | None:
    return None if store.location in ("", ":memory:") else f"{store.location}.{name}-lock"


@contextmanager
def exclusive(store: Store, name: str, what: str) -> Iterator[None]:
    """Hold the ``name`` lock of this project, or raise :class:`Busy` at once naming the holder."""
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
            raise Busy(
                f"another {what} is running in this project (process {holder}); wait for it to finish, "
                "then run this one again."
            ) from None
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
