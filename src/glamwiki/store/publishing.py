"""Publishing in the store: the plan, the state of each file per target wiki, and the journal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from glamwiki.store.db import Store

PLANNED = "planned"
BLOCKED = "blocked"
UNPLANNABLE = "unplannable"
HELD = "held"  # planned page, but held back: only a small image, or a date that cannot be right


@dataclass
class PlanItem:
    item_id: int
    dataset: str
    record_id: str
    image_index: int
    status: str
    source_kind: str
    source: str
    title: str
    wikitext: str
    sdc: str
    rights: str
    notes: str = ""

    @property
    def sdc_data(self) -> dict[str, Any]:
        return json.loads(self.sdc or "{}")

    @property
    def note_list(self) -> list[str]:
        return json.loads(self.notes) if self.notes else []


@dataclass
class FileState:
    target: str
    item_id: int
    state: str
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


_STATE_COLUMNS = [f.name for f in fields(FileState)]
_PLAN_COLUMNS = [f.name for f in fields(PlanItem)]


def save_plan(store: Store, items: Iterable[dict[str, Any]]) -> int:
    """Insert or replace plan rows, except rows a target has already started on (their title is fixed)."""
    n = 0
    with store.transaction():
        for item in items:
            started = store.scalar(
                "SELECT 1 FROM publish_state s JOIN publish_plan p USING(item_id) WHERE p.dataset = ?"
                " AND p.record_id = ? AND p.image_index = ? AND s.state != 'pending' LIMIT 1",
                (item["dataset"], item["record_id"], item.get("image_index", 0)),
            )
            if started:
                continue
            cols = [c for c in _PLAN_COLUMNS if c != "item_id" and c in item]
            store.execute(
                f"INSERT INTO publish_plan({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                " ON CONFLICT(dataset, record_id, image_index) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in cols if c not in ("dataset", "record_id", "image_index"))
                + ", planned_at = CURRENT_TIMESTAMP",
                [item[c] for c in cols],
            )
            n += 1
    return n


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
        f"SELECT {', '.join(_STATE_COLUMNS)} FROM publish_state WHERE target = ? AND item_id = ?", (target, item_id)
    )
    return FileState(*row) if row else None


def put_state(store: Store, state: FileState) -> None:
    values = [getattr(state, c) for c in _STATE_COLUMNS]
    store.execute(
        f"INSERT INTO publish_state({', '.join(_STATE_COLUMNS)}) VALUES ({', '.join('?' * len(values))})"
        " ON CONFLICT(target, item_id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in _STATE_COLUMNS[2:])
        + ", updated_at = CURRENT_TIMESTAMP",
        values,
    )


def journal(store: Store, state: FileState, step: str, phase: str, data: dict[str, Any] | None = None) -> None:
    store.execute(
        "INSERT INTO publish_journal(target, item_id, batch, step, phase, data) VALUES (?, ?, ?, ?, ?, ?)",
        (state.target, state.item_id, state.batch or "", step, phase, json.dumps(data or {}, ensure_ascii=False)),
    )


def record_step(store: Store, state: FileState, step: str, data: dict[str, Any] | None = None) -> None:
    """The 'after' entry of a step and the new state, in one transaction."""
    with store.transaction():
        journal(store, state, step, "after", data)
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
        cur = store.execute(
            "INSERT INTO publish_plans(batch, dataset, total) VALUES (?, ?, ?)", (batch, dataset or "", total)
        )
    return int(cur.lastrowid or 0)


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


def plan_for_record(store: Store, dataset: str, record_id: str) -> list[PlanItem]:
    """The planned Commons files of one record (one per image), in image order."""
    cols = ", ".join(_PLAN_COLUMNS)
    sql = f"SELECT {cols} FROM publish_plan WHERE dataset = ? AND record_id = ? ORDER BY image_index, item_id"
    return [PlanItem(*row) for row in store.query(sql, (dataset, record_id))]
