"""Jobs and claims (docs/adr/0008): long work recorded with progress any process can read, a cancel
request it honours at its next batch boundary, and the planned files it claims so that two workers
never take the same one.

A claim belongs to a job; it lapses when the job ends (released) or when the job's heartbeat is
older than ``stale_after`` (a dead worker), and another job may then take it over.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from glamwiki.errors import GlamwikiError
from glamwiki.model.publishing import TERMINAL_STATES
from glamwiki.scrub import scrub
from glamwiki.store.db import Store
from glamwiki.store.decisions import now

Status = Literal["queued", "running", "done", "failed", "cancelled"]
QUEUED: Status = "queued"
RUNNING: Status = "running"
DONE: Status = "done"
FAILED: Status = "failed"
CANCELLED: Status = "cancelled"
ENDED = (DONE, FAILED, CANCELLED)
STALE_AFTER = timedelta(minutes=15)  # no heartbeat for this long: the worker is taken for dead
_TERMINAL_FILE_STATES = tuple(sorted(TERMINAL_STATES))  # the journal's end states

_COLUMNS = ("id, kind, params, status, done, total, message, worker, cancel_requested, created_at, started_at,"
            " heartbeat_at, finished_at")  # fmt: skip


class JobNotFound(GlamwikiError):
    """No job has the id the user gave."""

    exit_code = 2


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    params: dict[str, Any]
    status: str
    done: int
    total: int | None
    message: str
    worker: str
    cancel_requested: bool
    created_at: str
    started_at: str | None
    heartbeat_at: str | None
    finished_at: str | None

    def stale(self, at: datetime | None = None, after: timedelta = STALE_AFTER) -> bool:
        """Running, but its worker has not been heard of for ``after``: it probably died."""
        if self.status != RUNNING or not self.heartbeat_at:
            return False
        return _parse(self.heartbeat_at) < (at or datetime.now(UTC)) - after


def _parse(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def this_worker() -> str:
    """host:pid of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def process_gone(worker: str, host: str | None = None) -> bool:
    """True when ``worker`` (host:pid) ran on this host and that process no longer runs (killed,
    crashed, or a zombie waiting to be collected). A worker on another host is never judged here:
    only its heartbeat going stale tells (``stale_after``)."""
    name, _, pid_text = worker.rpartition(":")
    if name != (host or socket.gethostname()) or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # another user's process with that pid: alive
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def reap_dead(store: Store, host: str | None = None) -> list[int]:
    """Mark failed the running jobs whose process on this host is gone, releasing what they claimed,
    so a rerun after a crash or a kill goes on at once instead of waiting for the heartbeat to go
    stale. Returns their ids."""
    rows = store.query("SELECT id, worker FROM jobs WHERE status = 'running' ORDER BY id")
    dead = [(int(r[0]), str(r[1])) for r in rows if process_gone(str(r[1]), host)]
    for job_id, worker in dead:
        message = f"its process ({worker}) ended without finishing (killed or crashed); run it again to go on"
        with store.transaction():
            store.execute(
                "UPDATE jobs SET status = 'failed', message = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                (message, now(), job_id),
            )
            store.execute("DELETE FROM job_claims WHERE job_id = ?", (job_id,))
    return [job_id for job_id, _ in dead]


def _job(row: Any) -> Job:
    values = dict(zip(_COLUMNS.split(", "), tuple(row), strict=True))
    values["params"] = json.loads(values["params"] or "{}")
    values["cancel_requested"] = bool(values["cancel_requested"])
    return Job(**values)


def create(store: Store, kind: str, params: dict[str, Any] | None = None, total: int | None = None) -> int:
    """A queued job for a worker to claim (``claim_next``)."""
    with store.transaction():
        return int(store.scalar(
            "INSERT INTO jobs(kind, params, total, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            (kind, _params(params), total, now()),
        ))  # fmt: skip


def start(store: Store, kind: str, params: dict[str, Any] | None = None, total: int | None = None,
          worker: str | None = None) -> int:  # fmt: skip
    """A job this process runs at once (the CLI's way): recorded as running, its heartbeat now."""
    at = now()
    with store.transaction():
        return int(store.scalar(
            "INSERT INTO jobs(kind, params, status, total, worker, created_at, started_at, heartbeat_at)"
            " VALUES (?, ?, 'running', ?, ?, ?, ?, ?) RETURNING id",
            (kind, _params(params), total, worker or this_worker(), at, at, at),
        ))  # fmt: skip


def _params(params: dict[str, Any] | None) -> str:
    """The parameters as stored: JSON with every known secret masked (a URL's password...)."""
    return scrub(json.dumps(params or {}, sort_keys=True))


def claim_next(store: Store, worker: str | None = None, kinds: tuple[str, ...] = ()) -> Job | None:
    """Take the oldest queued job (of these kinds) for this worker, or None; never the same job twice."""
    reap_dead(store)
    where = "status = 'queued' AND cancel_requested = 0"
    params: list[Any] = list(kinds)
    if kinds:
        where += f" AND kind IN ({', '.join('?' * len(kinds))})"
    with _claiming(store):
        row = store.query_one(f"SELECT id FROM jobs WHERE {where} ORDER BY id LIMIT 1{_skip_locked(store)}", params)
        if row is None:
            return None
        at = now()
        taken = store.scalar(
            "UPDATE jobs SET status = 'running', worker = ?, started_at = ?, heartbeat_at = ?"
            " WHERE id = ? AND status = 'queued' RETURNING id",
            (worker or this_worker(), at, at, row[0]),
        )
    return get(store, int(taken)) if taken is not None else None


def mark_running(store: Store, job_id: int, worker: str | None = None) -> None:
    """A queued job this process was handed directly (not through ``claim_next``) is now running here."""
    at = now()
    with store.transaction():
        store.execute(
            "UPDATE jobs SET status = 'running', worker = ?, started_at = ?, heartbeat_at = ?"
            " WHERE id = ? AND status = 'queued'",
            (worker or this_worker(), at, at, job_id),
        )


def progress(store: Store, job_id: int, done: int, total: int | None = None, message: str | None = None) -> None:
    """Record how far the job is (and that its worker is alive)."""
    sets, params = ["done = ?", "heartbeat_at = ?"], [done, now()]
    if total is not None:
        sets.append("total = ?")
        params.append(total)
    if message is not None:
        sets.append("message = ?")
        params.append(message)
    with store.transaction():
        store.execute(f"UPDATE jobs SET {', '.join(sets)} WHERE id = ?", [*params, job_id])


def request_cancel(store: Store, job_id: int) -> Job:
    """Ask the job to stop at its next batch boundary; a queued job is cancelled at once."""
    get(store, job_id)
    at = now()
    with store.transaction():
        store.execute(
            "UPDATE jobs SET cancel_requested = 1, status = CASE WHEN status = 'queued' THEN 'cancelled'"
            " ELSE status END, finished_at = CASE WHEN status = 'queued' THEN ? ELSE finished_at END WHERE id = ?",
            (at, job_id),
        )
    return get(store, job_id)


def cancel_requested(store: Store, job_id: int) -> bool:
    return bool(store.scalar("SELECT cancel_requested FROM jobs WHERE id = ?", (job_id,)))


def finish(store: Store, job_id: int, status: Status, message: str = "") -> None:
    """End the job (done, failed or cancelled) and release its claims."""
    with store.transaction():
        store.execute(
            "UPDATE jobs SET status = ?, message = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
            (status, message, now(), now(), job_id),
        )
        store.execute("DELETE FROM job_claims WHERE job_id = ?", (job_id,))


def get(store: Store, job_id: int) -> Job:
    row = store.query_one(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
    if row is None:
        raise JobNotFound(f"No job {job_id} in this project: `glamwiki jobs list` shows them.")
    return _job(row)


def list_jobs(store: Store, status: str | None = None, limit: int = 50) -> list[Job]:
    """The latest jobs first (those whose process on this host is gone shown as failed)."""
    reap_dead(store)
    where, params = ("WHERE status = ?", [status]) if status else ("", [])
    rows = store.query(f"SELECT {_COLUMNS} FROM jobs {where} ORDER BY id DESC LIMIT ?", [*params, limit])
    return [_job(r) for r in rows]


def claim_items(
    store: Store, job_id: int, n: int, *, scope: str, approved_only: bool = False,
    stale_after: timedelta = STALE_AFTER, after: int = 0,
) -> list[int]:  # fmt: skip
    """Claim up to ``n`` planned files not yet finished on ``scope`` (a target wiki) that no live job
    holds (a job that ended, or whose heartbeat is older than ``stale_after``, holds nothing).

    On PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED; on SQLite the whole claim is
    one BEGIN IMMEDIATE transaction (one writer at a time). On both, the insert's conflict clause
    takes a claim over only from a job that no longer holds it, so a file is never claimed twice.

    ``after``: look only at files after this item id (a job going through the plan in order passes
    the last id it claimed, so each claim reads on from there instead of from the start)."""
    cutoff = _stamp(datetime.now(UTC) - stale_after)
    live = ("SELECT 1 FROM jobs j WHERE j.id = {claim}.job_id AND j.status = 'running'"
            " AND j.heartbeat_at >= :cutoff")  # fmt: skip
    select = (
        _open_files(approved_only)
        + " AND NOT EXISTS (SELECT 1 FROM job_claims c WHERE c.scope = :scope AND c.item_id = p.item_id"
        + f" AND (c.job_id = :job OR EXISTS ({live.format(claim='c')})))"
        + f" AND p.item_id > :after ORDER BY p.item_id LIMIT :n{_skip_locked(store)}"
    )
    args = {"scope": scope, "job": job_id, "cutoff": cutoff, "n": n, "at": now(), "after": after}
    with _claiming(store):
        wanted = [int(r[0]) for r in store.query(select, args)]
        claimed = []
        for item_id in wanted:
            got = store.scalar(
                "INSERT INTO job_claims(scope, item_id, job_id, claimed_at) VALUES (:scope, :item, :job, :at)"
                " ON CONFLICT (scope, item_id) DO UPDATE SET job_id = excluded.job_id, claimed_at = excluded.claimed_at"
                f" WHERE NOT EXISTS ({live.format(claim='job_claims')}) RETURNING item_id",
                {**args, "item": item_id},
            )
            if got is not None:
                claimed.append(int(got))
    return claimed


def open_files(store: Store, scope: str, approved_only: bool = False) -> list[int]:
    """Planned files not finished on ``scope`` (approved ones only, if asked), claimed or not."""
    return [int(r[0]) for r in store.query(_open_files(approved_only) + " ORDER BY p.item_id", {"scope": scope})]


def _open_files(approved_only: bool) -> str:
    marks = ", ".join(f"'{s}'" for s in _TERMINAL_FILE_STATES)
    approved = (
        " AND EXISTS (SELECT 1 FROM upload_approvals a WHERE a.dataset = p.dataset AND a.record_id = p.record_id"
        " AND a.image_index = p.image_index AND a.verdict = 'approved' AND a.title = p.title)"
    )
    return (
        "SELECT p.item_id FROM publish_plan p WHERE p.status = 'planned'"
        " AND NOT EXISTS (SELECT 1 FROM publish_state s WHERE s.target = :scope AND s.item_id = p.item_id"
        f" AND s.state IN ({marks})){approved if approved_only else ''}"
    )


def claims_of(store: Store, job_id: int) -> list[int]:
    return [int(r[0]) for r in store.query("SELECT item_id FROM job_claims WHERE job_id = ? ORDER BY item_id",
                                           (job_id,))]  # fmt: skip


def watcher(store: Store) -> Store:
    """A second connection to the same database, for reading cancel requests and ending a job while
    the first one is held by a stage.

    On SQLite a connection that keeps a read cursor open across its writes (a stage streaming records)
    reads a snapshot from before the cancel request, and cannot write after another connection wrote:
    the watcher reads fresh and writes when the stage has stopped."""
    if _postgres(store) or store.location in ("", ":memory:"):
        return store
    from glamwiki.store.db import open_store

    return open_store(store.location, migrate=False)


def _postgres(store: Store) -> bool:
    return str(getattr(store, "dialect", "sqlite")).startswith("postgres")


def _skip_locked(store: Store) -> str:
    return " FOR UPDATE SKIP LOCKED" if _postgres(store) else ""


@contextmanager
def _claiming(store: Store) -> Iterator[None]:
    """One claimer at a time: SQLite takes the write lock up front (BEGIN IMMEDIATE), so a second
    claimer waits (busy timeout) instead of reading the same free rows; PostgreSQL locks rows."""
    if _postgres(store):
        with store.transaction():
            yield
        return
    store.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        store.execute("ROLLBACK")
        raise
    store.execute("COMMIT")


def heartbeat(store: Store, job_id: int) -> None:
    """Tell that the running job's worker is alive (between two progress writes of a long step)."""
    with store.transaction():
        store.execute("UPDATE jobs SET heartbeat_at = ? WHERE id = ? AND status = 'running'", (now(), job_id))
