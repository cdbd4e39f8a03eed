"""Publishing in the store: the plan, the state of each file per target wiki, and the journal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from glamwiki.model.publishing import TERMINAL_STATES, FileStatus, JournalPhase, PlanStatus
from glamwiki.store.db import Store

PLANNED = "planned"
BLOCKED = "blocked"
UNPLANNABLE = "unplannable"
HELD = "held"  # planned page, but held back: a small image, a date that cannot be right, rights to review


@dataclass
class PlanItem:
    item_id: int
    dataset: str
    record_id: str
    image_index: int
    status: PlanStatus
    source_kind: str
    source: str
    title: str
    wikitext: str
    sdc: str
    rights: str
    notes: str = ""

    def __post_init__(self) -> None:
        self.status = PlanStatus(self.status)  # the store holds the value as text

    @property
    def sdc_data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.sdc or "{}")
        return data

    @property
    def note_list(self) -> list[str]:
        return json.loads(self.notes) if self.notes else []


@dataclass
class FileState:
    target: str
    item_id: int
    state: FileStatus
    sha1: str | None = None
    size: int | None = None
    mime: str | None = None
    local_path: str | None = None
    title: str | None = None
    filekey: str | None = None
    offset: int = 0
    page_id: int | None = None
    revision: int | None = None
    duplicate_of: str | None = None
    message: str | None = None
    batch: str | None = None
    attempts: int = 0

    def __post_init__(self) -> None:
        self.state = FileStatus(self.state)  # the store holds the value as text


_STATE_COLUMNS = [f.name for f in fields(FileState)]
# FileState.offset is stored as chunk_offset (OFFSET is reserved in PostgreSQL; migration 0013)
_STATE_SQL = ["chunk_offset" if c == "offset" else c for c in _STATE_COLUMNS]
_PLAN_COLUMNS = [f.name for f in fields(PlanItem)]


_PLAN_DEFAULTS: dict[str, Any] = {"image_index": 0, "source_kind": "", "source": "", "title": "", "wikitext": "",
                                   "sdc": "{}", "rights": "", "notes": ""}  # fmt: skip
_PLAN_UPSERT = (
    f"INSERT INTO publish_plan({', '.join(_PLAN_COLUMNS[1:])}) VALUES ({', '.join('?' * len(_PLAN_COLUMNS[1:]))})"
    " ON CONFLICT(dataset, record_id, image_index) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _PLAN_COLUMNS[1:] if c not in ("dataset", "record_id", "image_index"))
    + ", planned_at = CURRENT_TIMESTAMP"
)
_PARAM_LIMIT = 900  # ids per IN (...) list: under SQLite's host-parameter limit


def save_plan(store: Store, items: Iterable[dict[str, Any]]) -> int:
    """Insert or replace plan rows, except rows a target has already started on (their title is fixed).

    Set-based: one query for the started rows among the items' records, one ``executemany`` for the
    rest, whatever the number of items. A replaced row gets every column (absent ones their defaults)."""
    items = list(items)
    with store.transaction():
        started = _started_keys(store, items)
        rows = [
            [item.get(c, _PLAN_DEFAULTS.get(c)) for c in _PLAN_COLUMNS[1:]]
            for item in items
            if (item["dataset"], item["record_id"], item.get("image_index", 0)) not in started
        ]
        if rows:
            store.executemany(_PLAN_UPSERT, rows)
    return len(rows)


def _started_keys(store: Store, items: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    """(dataset, record id, image index) of the items' plan rows some target has started on."""
    if store.query_one("SELECT 1 FROM publish_state WHERE state <> 'pending' LIMIT 1") is None:
        return set()  # nothing started anywhere (a first plan): no need to look item by item
    by_dataset: dict[str, set[str]] = {}
    for item in items:
        by_dataset.setdefault(item["dataset"], set()).add(item["record_id"])
    found: set[tuple[str, str, int]] = set()
    for dataset, record_ids in sorted(by_dataset.items()):
        ids = sorted(record_ids)
        for start in range(0, len(ids), _PARAM_LIMIT):
            chunk = ids[start : start + _PARAM_LIMIT]
            rows = store.query(
                "SELECT p.dataset, p.record_id, p.image_index FROM publish_plan p"
                " WHERE p.dataset = ? AND p.record_id IN (" + ", ".join("?" * len(chunk)) + ")"
                " AND EXISTS (SELECT 1 FROM publish_state s WHERE s.item_id = p.item_id AND s.state != 'pending')",
                (dataset, *chunk),
            )
            found.update((r[0], r[1], int(r[2])) for r in rows)
    return found


def forget_unstarted(store: Store, dataset: str | None = None) -> set[tuple[str, str, int]]:
    """Drop plan rows no wiki has started on (they are planned again); return the keys of the others."""
    started_sql = "SELECT item_id FROM publish_state WHERE state != 'pending'"
    params: tuple[str, ...] = (dataset,) if dataset else ()
    extra = " AND dataset = ?" if dataset else ""
    with store.transaction():
        store.execute(f"DELETE FROM publish_plan WHERE item_id NOT IN ({started_sql}){extra}", params)
    rows = store.query("SELECT dataset, record_id, image_index FROM publish_plan")
    return {(r[0], r[1], r[2]) for r in rows}


def plan_titles(store: Store) -> set[str]:
    return {r[0] for r in store.query("SELECT title FROM publish_plan WHERE title != ''")}


def _plan_filter(status: str | None, dataset: str | None) -> tuple[str, list[str]]:
    """The WHERE clause (and its parameters) of plan items with a status and/or in a dataset."""
    clauses, params = [], []
    if status:
        clauses.append("status = ?")
        params.append(status)
    if dataset:
        clauses.append("dataset = ?")
        params.append(dataset)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_plan(store: Store, status: str | None = None, dataset: str | None = None) -> Iterator[PlanItem]:
    where, params = _plan_filter(status, dataset)
    cols = ", ".join(_PLAN_COLUMNS)
    for row in store.stream(f"SELECT {cols} FROM publish_plan{where} ORDER BY item_id", params):
        yield PlanItem(*row)


def plan_counts(store: Store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.query("SELECT status, COUNT(*) FROM publish_plan GROUP BY status")}


def get_state(store: Store, target: str, item_id: int) -> FileState | None:
    row = store.query_one(
        f"SELECT {', '.join(_STATE_SQL)} FROM publish_state WHERE target = ? AND item_id = ?", (target, item_id)
    )
    return FileState(*row) if row else None


def put_state(store: Store, state: FileState) -> None:
    values = [getattr(state, c) for c in _STATE_COLUMNS]
    store.execute(
        f"INSERT INTO publish_state({', '.join(_STATE_SQL)}) VALUES ({', '.join('?' * len(values))})"
        " ON CONFLICT(target, item_id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in _STATE_SQL[2:])
        + ", updated_at = CURRENT_TIMESTAMP",
        values,
    )


def journal(store: Store, state: FileState, step: str, phase: JournalPhase, data: dict[str, Any] | None = None) -> None:
    store.execute(
        "INSERT INTO publish_journal(target, item_id, batch, step, phase, data) VALUES (?, ?, ?, ?, ?, ?)",
        (state.target, state.item_id, state.batch or "", step, phase, json.dumps(data or {}, ensure_ascii=False)),
    )


def record_step(store: Store, state: FileState, step: str, data: dict[str, Any] | None = None) -> None:
    """The 'after' entry of a step and the new state, in one transaction."""
    with store.transaction():
        journal(store, state, step, JournalPhase.AFTER, data)
        put_state(store, state)


def journal_for(store: Store, target: str, item_id: int) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT seq, batch, step, phase, data, at FROM publish_journal WHERE target = ? AND item_id = ? ORDER BY seq",
        (target, item_id),
    )
    return [{**dict(r), "data": json.loads(r["data"])} for r in rows]


def state_counts(store: Store, target: str | None = None) -> dict[str, int]:
    sql = "SELECT state, COUNT(*) FROM publish_state"
    params: tuple[str, ...] = ()
    if target:
        sql += " WHERE target = ?"
        params = (target,)
    return {r[0]: r[1] for r in store.query(sql + " GROUP BY state", params)}


def targets(store: Store) -> list[str]:
    """Every wiki API this project has sent files to."""
    return [r[0] for r in store.query("SELECT DISTINCT target FROM publish_state ORDER BY target")]


def failure_messages(store: Store, target: str) -> list[tuple[str, int]]:
    """Why files failed on ``target``: each whole message and how many files it stopped."""
    rows = store.query(
        "SELECT message, COUNT(*) AS n FROM publish_state WHERE target = ? AND state = 'failed' GROUP BY message",
        (target,),
    )
    return [(str(r["message"] or ""), int(r["n"])) for r in rows]


def sha1_owner(store: Store, target: str, sha1: str, item_id: int) -> str | None:
    """The title of another item in this batch with the same bytes (the first one wins), or of the
    file that one duplicates."""
    row = store.query_one(
        "SELECT s.title, s.duplicate_of FROM publish_state s WHERE s.target = ? AND s.sha1 = ? AND s.item_id < ?"
        " AND s.state NOT IN ('failed', 'pending') ORDER BY s.item_id LIMIT 1",
        (target, sha1, item_id),
    )
    return (row["duplicate_of"] or row["title"]) if row else None


def results(store: Store, target: str) -> Iterator[dict[str, Any]]:
    """One row per planned or blocked item with its outcome on ``target``."""
    for row in store.stream(
        "SELECT p.item_id, p.dataset, p.record_id, p.image_index, p.status AS plan_status, p.title AS planned_title,"
        " s.state, s.title, s.sha1, s.page_id, s.revision, s.duplicate_of, s.message, s.batch"
        " FROM publish_plan p LEFT JOIN publish_state s ON s.item_id = p.item_id AND s.target = ?"
        " ORDER BY p.item_id",
        (target,),
    ):
        yield dict(row)


def published_titles(store: Store, target: str) -> list[str]:
    """Titles (without "File:") of the files this project put on ``target``, in upload order."""
    rows = store.query(
        "SELECT title FROM publish_state WHERE target = ? AND state IN ('uploaded', 'done') AND title IS NOT NULL"
        " ORDER BY updated_at, item_id",
        (target,),
    )
    return [str(r["title"]).removeprefix("File:") for r in rows]


@dataclass
class PlanRun:
    plan_id: int
    batch: str
    dataset: str
    total: int
    done: int
    started_at: str
    finished_at: str | None

    @property
    def partial(self) -> bool:
        return self.finished_at is None


def start_plan_run(store: Store, batch: str, dataset: str | None, total: int) -> int:
    with store.transaction():
        row = store.query_one(
            "INSERT INTO publish_plans(batch, dataset, total) VALUES (?, ?, ?) RETURNING plan_id",
            (batch, dataset or "", total),
        )
    return int(row[0])


def advance_plan_run(store: Store, plan_id: int, done: int, *, finished: bool = False) -> None:
    with store.transaction():
        store.execute(
            "UPDATE publish_plans SET done = ?, finished_at = CASE WHEN ? THEN CURRENT_TIMESTAMP END WHERE plan_id = ?",
            (done, finished, plan_id),
        )


def last_plan_run(store: Store) -> PlanRun | None:
    row = store.query_one(
        "SELECT plan_id, batch, dataset, total, done, started_at, finished_at FROM publish_plans"
        " ORDER BY plan_id DESC LIMIT 1"
    )
    return PlanRun(*row) if row else None


def plan_batch(store: Store) -> str | None:
    """The batch id of the latest plan (every edit of that plan's run carries it)."""
    run = last_plan_run(store)
    return run.batch if run else None


def count_plan(store: Store, status: str | None = None, dataset: str | None = None) -> int:
    where, params = _plan_filter(status, dataset)
    return int(store.scalar(f"SELECT COUNT(*) FROM publish_plan{where}", params) or 0)


def record_titles(store: Store, target: str, dataset: str, record_id: str) -> set[str]:
    """Titles of the files this project has put on ``target`` for one record (its other images: a file
    of the same object that is ours is not a duplicate of it)."""
    rows = store.query(
        "SELECT s.title FROM publish_state s JOIN publish_plan p ON p.item_id = s.item_id"
        " WHERE s.target = ? AND p.dataset = ? AND p.record_id = ? AND s.state IN ('uploaded', 'done')"
        " AND s.title IS NOT NULL",
        (target, dataset, record_id),
    )
    return {str(r["title"]) for r in rows}


def unfinished_batch(store: Store, target: str) -> str | None:
    """The batch of the most recently touched file on ``target`` that is not finished, if any."""
    ended = ", ".join(f"'{state}'" for state in sorted(TERMINAL_STATES))
    row = store.query_one(
        f"SELECT batch FROM publish_state WHERE target = ? AND state NOT IN ({ended})"
        " AND batch IS NOT NULL ORDER BY updated_at DESC LIMIT 1",
        (target,),
    )
    return None if row is None else str(row[0])


def planned_item_ids(store: Store) -> list[int]:
    rows = store.query("SELECT item_id FROM publish_plan WHERE status = ? ORDER BY item_id", (PLANNED,))
    return [int(r[0]) for r in rows]


def get_plan_item(store: Store, item_id: int) -> PlanItem | None:
    row = store.query_one("SELECT * FROM publish_plan WHERE item_id = ?", (item_id,))
    return None if row is None else PlanItem(**{k: row[k] for k in PlanItem.__dataclass_fields__})


def plan_item_id(store: Store, dataset: str, record_id: str, image_index: int = 0) -> int | None:
    value = store.scalar(
        "SELECT item_id FROM publish_plan WHERE dataset = ? AND record_id = ? AND image_index = ?",
        (dataset, record_id, image_index),
    )
    return None if value is None else int(value)


def last_journal_phase(store: Store, target: str, item_id: int, step: str) -> str | None:
    """The phase (``before`` / ``after``) of the newest journal entry of ``step`` for this file."""
    row = store.query_one(
        "SELECT phase FROM publish_journal WHERE target = ? AND item_id = ? AND step = ? ORDER BY seq DESC LIMIT 1",
        (target, item_id, step),
    )
    return None if row is None else str(row["phase"])


def plan_for_record(store: Store, dataset: str, record_id: str) -> list[PlanItem]:
    """The planned Commons files of one record (one per image), in image order."""
    cols = ", ".join(_PLAN_COLUMNS)
    sql = f"SELECT {cols} FROM publish_plan WHERE dataset = ? AND record_id = ? ORDER BY image_index, item_id"
    return [PlanItem(*row) for row in store.query(sql, (dataset, record_id))]
