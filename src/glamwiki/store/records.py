"""Records in the store: batched upserts with change detection, lookups and streaming reads."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import msgspec

from glamwiki.model.codec import decode
from glamwiki.model.records import Record
from glamwiki.store.db import Store

_UPSERT = (
    "INSERT INTO records(dataset, kind, local_id, data, hash, first_run, last_run)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT(dataset, kind, local_id) DO UPDATE SET"
    " data = excluded.data, hash = excluded.hash, last_run = excluded.last_run"
)
_INSERT_NEW = (
    "INSERT INTO records(dataset, kind, local_id, data, hash, first_run, last_run)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset, kind, local_id) DO NOTHING"
)
_TOUCH = "UPDATE records SET last_run = ? WHERE uid = ?"
_PARAM_LIMIT = 900  # stay under SQLite's host-parameter limit in IN (...) lists


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(slots=True)
class Pending:
    """A record ready to write: its key, encoded JSON, digest and where it was read."""

    kind: str
    local_id: str
    data: bytes
    hash: bytes
    locator: str


@dataclass(slots=True)
class BatchOutcome:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicates: list[tuple[Pending, str]] = field(default_factory=list)  # (record, why)
    changed_fields: dict[str, int] = field(default_factory=dict)


def has_records(store: Store, dataset: str, kind: str) -> bool:
    row = store.query_one("SELECT 1 FROM records WHERE dataset = ? AND kind = ? LIMIT 1", (dataset, kind))
    return row is not None


def write_new_batch(store: Store, run_id: int, dataset: str, batch: Sequence[Pending]) -> BatchOutcome:
    """Fast path for a dataset that was empty when the run began: every record is new, except
    ids repeated within the run, which are found only when the insert count comes up short."""
    out = BatchOutcome()
    seen_here: dict[tuple[str, str], str] = {}
    rows, kept = [], []
    for p in batch:
        key = (p.kind, p.local_id)
        if key in seen_here:
            out.duplicates.append((p, f"the same id was read earlier, at {seen_here[key]}"))
            continue
        seen_here[key] = p.locator
        kept.append(p)
        rows.append((dataset, p.kind, p.local_id, p.data, p.hash, run_id, run_id))
    max_before = store.scalar("SELECT COALESCE(MAX(uid), 0) FROM records")
    inserted = store.executemany(_INSERT_NEW, rows).rowcount  # summed over the rows; a conflict adds 0
    if inserted < len(rows):
        earlier = _existing_uids(store, dataset, kept, max_before)
        for p in kept:
            if (p.kind, p.local_id) in earlier:
                out.duplicates.append((p, "the same id was read earlier in this run"))
    out.added = inserted
    return out


def _existing_uids(store: Store, dataset: str, batch: Sequence[Pending], max_uid: int) -> set[tuple[str, str]]:
    return {key for key, (uid, _, _) in _existing(store, dataset, batch).items() if uid <= max_uid}


def write_batch(
    store: Store, run_id: int, dataset: str, batch: Sequence[Pending], earlier: dict[int, str] | None = None
) -> BatchOutcome:
    """Insert or update a batch; detect unchanged records and ids repeated within the run.

    A record whose id was already written by this run, or an object whose id was written by one of
    the ``earlier`` runs of the same ingest (run id -> file: another file of the folder), is not
    written again: it is returned in ``duplicates`` so the caller can report it (the first
    occurrence wins). People may be named in several files (the author of two manuscripts).
    """
    earlier = earlier or {}
    out = BatchOutcome()
    existing = _existing(store, dataset, batch)
    seen_here: dict[tuple[str, str], str] = {}
    rows = []
    touches = []
    for p in batch:
        key = (p.kind, p.local_id)
        if key in seen_here:
            out.duplicates.append((p, f"the same id was read earlier, at {seen_here[key]}"))
            continue
        seen_here[key] = p.locator
        old = existing.get(key)
        if old is None:
            out.added += 1
            rows.append((dataset, p.kind, p.local_id, p.data, p.hash, run_id, run_id))
        elif old[2] == run_id:
            out.duplicates.append((p, "the same id was read earlier in this run"))
        elif old[2] in earlier and p.kind == "object":  # a person named in two files is one person
            out.duplicates.append((p, f"the same id was read earlier from another file, {earlier[old[2]]}"))
        elif old[1] == p.hash:
            out.unchanged += 1
            touches.append((run_id, old[0]))
        else:
            out.changed += 1
            rows.append((dataset, p.kind, p.local_id, p.data, p.hash, run_id, run_id))
            fields = _changed_fields(store, old[0], p.data)
            store.execute(
                "INSERT INTO record_changes(run_id, uid, change, fields) VALUES (?, ?, 'changed', ?)",
                (run_id, old[0], msgspec.json.encode(fields).decode()),
            )
            for name in fields:
                out.changed_fields[name] = out.changed_fields.get(name, 0) + 1
    if rows:
        store.executemany(_UPSERT, rows)
    if touches:
        store.executemany(_TOUCH, touches)
    return out


def _existing(store: Store, dataset: str, batch: Sequence[Pending]) -> dict[tuple[str, str], tuple[int, bytes, int]]:
    found: dict[tuple[str, str], tuple[int, bytes, int]] = {}
    ids = list({p.local_id for p in batch})
    for start in range(0, len(ids), _PARAM_LIMIT):
        chunk = ids[start : start + _PARAM_LIMIT]
        marks = ",".join("?" * len(chunk))
        for row in store.query(
            f"SELECT uid, kind, local_id, hash, last_run FROM records WHERE dataset = ? AND local_id IN ({marks})",
            (dataset, *chunk),
        ):
            found[(row["kind"], row["local_id"])] = (row["uid"], row["hash"], row["last_run"])
    return found


def _changed_fields(store: Store, uid: int, new: bytes) -> list[str]:
    old_data = store.scalar("SELECT data FROM records WHERE uid = ?", (uid,))
    before = msgspec.json.decode(old_data)
    after = msgspec.json.decode(new)
    ignore = {"source"}  # where it was read is not a change of the record
    names = (set(before) | set(after)) - ignore
    return sorted(n for n in names if before.get(n) != after.get(n))


# -- reading -----------------------------------------------------------------------------------
def count(store: Store, kind: str | None = None, dataset: str | None = None) -> int:
    sql, params = _where(kind, dataset)
    return int(store.scalar(f"SELECT COUNT(*) FROM records{sql}", params))


def iter_records(store: Store, kind: str | None = None, dataset: str | None = None) -> Iterator[tuple[str, Record]]:
    """(dataset, record) for every matching record, in insertion order, in constant memory."""
    sql, params = _where(kind, dataset)
    for row in store.stream(f"SELECT dataset, data FROM records{sql} ORDER BY uid", params):
        yield row["dataset"], decode(row["data"])


def get_record(
    store: Store, local_id: str, kind: str | None = None, dataset: str | None = None
) -> list[tuple[str, Record]]:
    """Every record with this local id (one per dataset/kind that has it)."""
    sql, params = _where(kind, dataset)
    sql = (sql + " AND" if sql else " WHERE") + " local_id = ?"
    rows = store.query(f"SELECT dataset, data FROM records{sql} ORDER BY uid", (*params, local_id))
    return [(r["dataset"], decode(r["data"])) for r in rows]


def get_with_run(store: Store, local_id: str, kind: str | None = None) -> list[tuple[str, int, Record]]:
    """(dataset, last run id, record) for every record with this local id."""
    sql, params = _where(kind, None)
    sql = (sql + " AND" if sql else " WHERE") + " local_id = ?"
    rows = store.query(f"SELECT dataset, last_run, data FROM records{sql} ORDER BY uid", (*params, local_id))
    return [(r["dataset"], r["last_run"], decode(r["data"])) for r in rows]


def qualified_id(dataset: str | None, local_id: str) -> str:
    """The one printed form of a record id: ``dataset:id`` ("tate:N05737"); ``resolve_id`` reads it back."""
    return f"{dataset}:{local_id}" if dataset else local_id


def resolve_id(store: Store, text: str, kind: str | None = None, dataset: str | None = None) -> tuple[str | None, str]:
    """(dataset, local id) for an id as a user gives it: "N05737" or "tate:N05737".

    An id that exists as given wins (CMoA's own ids contain a colon: "cmoa:things/…"); else a
    known dataset name before the first colon is the dataset. The one place ids are resolved:
    every command that takes a record or person id goes through it."""
    text = text.strip()
    sql, params = _where(kind, dataset)
    sql = (sql + " AND" if sql else " WHERE") + " local_id = ?"
    if store.scalar(f"SELECT COUNT(*) FROM records{sql}", (*params, text)) or ":" not in text:
        return dataset, text
    prefix, rest = text.split(":", 1)
    if dataset in (None, prefix) and _known_dataset(store, prefix):
        return prefix, rest
    return dataset, text


def _known_dataset(store: Store, name: str) -> bool:
    """A dataset of the records, or of the people in the linking tables (people read from object rows
    included): one indexed look-up each, not a count over every record."""
    return any(
        store.query_one(f"SELECT 1 FROM {table} WHERE dataset = ? LIMIT 1", (name,)) is not None
        for table in ("records", "link_matches")
    )


def datasets(store: Store) -> list[tuple[str, str, int]]:
    rows = store.query("SELECT dataset, kind, COUNT(*) AS n FROM records GROUP BY dataset, kind ORDER BY dataset, kind")
    return [(r["dataset"], r["kind"], r["n"]) for r in rows]


def _where(kind: str | None, dataset: str | None) -> tuple[str, tuple[str, ...]]:
    clauses, params = [], []
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    if dataset:
        clauses.append("dataset = ?")
        params.append(dataset)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", tuple(params)
