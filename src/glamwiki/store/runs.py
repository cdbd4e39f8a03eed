"""Ingest runs and the errors they found."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec

from glamwiki.model.runs import IngestStatus
from glamwiki.store.db import Store


@dataclass(frozen=True, slots=True)
class IssueRow:
    file: str
    locator: str
    field: str
    severity: str
    message: str
    value: str | None = None


def start_run(
    store: Store,
    *,
    source: str,
    reader: str,
    profile: str | None,
    dataset: str,
    provenance: dict[str, str] | None = None,
) -> int:
    cur = store.execute(
        "INSERT INTO ingest_runs(source, reader, profile, dataset, provenance, pid)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (
            source,
            reader,
            profile,
            dataset,
            msgspec.json.encode(provenance).decode() if provenance else None,
            os.getpid(),
        ),
    )
    return int(cur.fetchone()[0])


def finish_run(store: Store, run_id: int, status: IngestStatus, counts: dict[str, object]) -> None:
    store.execute(
        "UPDATE ingest_runs SET finished_at = CURRENT_TIMESTAMP, status = ?, counts = ? WHERE id = ?",
        (status, msgspec.json.encode(counts).decode(), run_id),
    )


def add_issues(store: Store, run_id: int, issues: Iterable[IssueRow]) -> None:
    store.executemany(
        "INSERT INTO ingest_errors(run_id, file, locator, field, severity, message, value)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(run_id, i.file, i.locator, i.field, i.severity, i.message, i.value) for i in issues],
    )


def iter_issues(store: Store, run_id: int | None = None) -> Iterator[dict[str, object]]:
    sql = (
        "SELECT e.run_id, r.dataset, e.file, e.locator, e.field, e.severity, e.message, e.value"
        " FROM ingest_errors e JOIN ingest_runs r ON r.id = e.run_id"
    )
    params: tuple[int, ...] = ()
    if run_id is not None:
        sql += " WHERE e.run_id = ?"
        params = (run_id,)
    for row in store.stream(sql + " ORDER BY e.id", params):
        yield dict(row)


def runs(store: Store, limit: int = 20) -> list[dict[str, object]]:
    rows = store.query("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?", (limit,))
    out = []
    for row in rows:
        item = dict(row)
        item["counts"] = msgspec.json.decode(row["counts"]) if row["counts"] else {}
        out.append(item)
    return out


def issue_count(store: Store) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM ingest_errors"))


def latest_runs_by_dataset(store: Store) -> list[dict[str, object]]:
    """Each dataset's most recent finished run (the current state of its errors)."""
    rows = store.query(
        "SELECT r.* FROM ingest_runs r JOIN (SELECT dataset, source, MAX(id) AS id FROM ingest_runs"
        " GROUP BY dataset, source) m ON m.id = r.id ORDER BY r.id"
    )
    return [dict(r) for r in rows]


def provenance_of(store: Store, run_id: int) -> dict[str, str]:
    """Field -> column/path for the records a run read (mapping-driven readers)."""
    raw = store.scalar("SELECT provenance FROM ingest_runs WHERE id = ?", (run_id,))
    return msgspec.json.decode(raw) if raw else {}


def unfinished_runs(store: Store, ingesting: bool | None = None) -> dict[str, int]:
    """The latest run of each source, when it did not end well, counted by how it ended: ``failed``,
    ``interrupted``, ``killed`` (left ``running`` by a process that no longer exists, or while no ingest
    holds the project's lock: ``ingesting`` False) and ``running``."""
    out: dict[str, int] = {}
    latest = (
        "SELECT r.status, r.pid FROM ingest_runs r JOIN (SELECT MAX(id) AS id FROM ingest_runs"
        " GROUP BY dataset, source) m ON m.id = r.id WHERE r.status != 'done'"
    )
    for row in store.query(latest):
        status = str(row["status"])
        if status == IngestStatus.RUNNING and (ingesting is False or not _alive(row["pid"])):
            status = IngestStatus.KILLED
        out[status] = out.get(status, 0) + 1
    return out


def _alive(pid: int | None) -> bool:
    if not pid:
        return False  # a run from before pids were kept: it cannot still be going
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def issue_messages(store: Store) -> list[dict[str, Any]]:
    """Severity, field and whole message of the issues found, with how many times each was found."""
    rows = store.query(
        "SELECT severity, field, message, COUNT(*) AS n FROM ingest_errors GROUP BY severity, field, message"
    )
    return [dict(r) for r in rows]


def error_count(store: Store) -> int:
    """Ingest problems of severity ``error`` over every run."""
    return int(store.scalar("SELECT COUNT(*) FROM ingest_errors WHERE severity = 'error'"))


def abandon_pending(store: Store) -> None:
    """Roll back whatever the current transaction holds (when writing it is what failed)."""
    if store.conn.in_transaction:
        store.conn.rollback()
