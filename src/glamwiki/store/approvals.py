"""Upload approvals: a person approves (or rejects) planned files as decision events (docs/adr/0008).

The subject of an approval is a record's image (dataset, record id, image index) with the title it
was planned under: a file re-planned under another title needs approving again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from glamwiki.store.db import Store
from glamwiki.store.decisions import LOCAL_ACTOR, Decision, record

Verdict = Literal["approved", "rejected"]
APPROVED: Verdict = "approved"
REJECTED: Verdict = "rejected"


@dataclass(frozen=True)
class PlannedFile:
    item_id: int
    dataset: str
    record_id: str
    image_index: int
    title: str


def planned_files(
    store: Store, *, dataset: str | None = None, records: Sequence[str] = (), title_contains: str | None = None
) -> list[PlannedFile]:
    """Planned files (status planned), narrowed to a dataset, some record ids and/or a title fragment."""
    clauses, params = ["status = 'planned'"], []
    if dataset:
        clauses.append("dataset = ?")
        params.append(dataset)
    if records:
        clauses.append(f"record_id IN ({', '.join('?' * len(records))})")
        params.extend(records)
    if title_contains:
        clauses.append("LOWER(title) LIKE ? ESCAPE '!'")
        escaped = title_contains.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
        params.append(f"%{escaped}%")
    rows = store.query(
        "SELECT item_id, dataset, record_id, image_index, title FROM publish_plan WHERE "
        + " AND ".join(clauses)
        + " ORDER BY item_id",
        params,
    )
    return [PlannedFile(int(r[0]), r[1], r[2], int(r[3]), r[4]) for r in rows]


def decide_uploads(
    store: Store, files: Iterable[PlannedFile], verdict: Verdict, actor: str = LOCAL_ACTOR, reason: str = "",
    source: str = "", expected: int | None = None,
) -> int:  # fmt: skip
    """Approve or reject these files, one event each (unchanged ones write nothing); returns how many changed."""
    changed = 0
    with store.transaction():
        for f in files:
            before = store.scalar(
                "SELECT event_id FROM upload_approvals WHERE dataset = ? AND record_id = ? AND image_index = ?",
                (f.dataset, f.record_id, f.image_index),
            )
            decision = Decision("upload", f.dataset, f.record_id, str(f.image_index), verdict, {"title": f.title},
                                actor, reason, source)  # fmt: skip
            event = record(store, decision, expected)
            if event.id == before:
                continue
            store.execute(
                "INSERT INTO upload_approvals(dataset, record_id, image_index, verdict, title, event_id)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dataset, record_id, image_index) DO UPDATE SET"
                " verdict = excluded.verdict, title = excluded.title, event_id = excluded.event_id",
                (f.dataset, f.record_id, f.image_index, verdict, f.title, event.id),
            )
            changed += 1
    return changed


def approved_item_ids(store: Store) -> set[int]:
    """Planned files approved under the title they are planned with now."""
    rows = store.query(
        "SELECT p.item_id FROM publish_plan p JOIN upload_approvals a ON a.dataset = p.dataset"
        " AND a.record_id = p.record_id AND a.image_index = p.image_index"
        " WHERE p.status = 'planned' AND a.verdict = 'approved' AND a.title = p.title"
    )
    return {int(r[0]) for r in rows}


def approval_counts(store: Store) -> dict[str, int]:
    """Planned files by approval: approved, rejected, waiting (never decided, or re-planned since)."""
    rows = store.query(
        "SELECT CASE WHEN a.title = p.title THEN a.verdict ELSE 'waiting' END AS v, COUNT(*) FROM publish_plan p"
        " LEFT JOIN upload_approvals a ON a.dataset = p.dataset AND a.record_id = p.record_id"
        " AND a.image_index = p.image_index WHERE p.status = 'planned' GROUP BY v"
    )
    out = {APPROVED: 0, REJECTED: 0, "waiting": 0}
    out.update({r[0]: int(r[1]) for r in rows})
    return out


@dataclass(frozen=True)
class ApprovalRow:
    """A planned file as the web's approval queue shows it."""

    item_id: int
    dataset: str
    record_id: str
    image_index: int
    title: str
    source: str
    rights: str  # the plan's rights JSON (decision, templates, reasons)
    verdict: str  # approved | rejected | waiting (never decided, or re-planned under another title since)
    version: int  # id of the file's latest upload event, 0 when none

    @property
    def file(self) -> PlannedFile:
        return PlannedFile(self.item_id, self.dataset, self.record_id, self.image_index, self.title)


_VERDICT = "CASE WHEN a.title = p.title THEN a.verdict ELSE 'waiting' END"


def approval_rows(
    store: Store, *, dataset: str | None = None, verdict: str | None = None, item_ids: Sequence[int] = (),
    offset: int = 0, limit: int | None = None,
) -> tuple[int, list[ApprovalRow]]:  # fmt: skip
    """Planned files with their approval (narrowed to a dataset, a verdict, some item ids), in plan
    order: how many match, and the ``limit`` of them from ``offset`` (all when no limit)."""
    clauses: list[str] = ["p.status = 'planned'"]
    params: list[object] = []
    if dataset:
        clauses.append("p.dataset = ?")
        params.append(dataset)
    if verdict:
        clauses.append(f"{_VERDICT} = ?")
        params.append(verdict)
    if item_ids:
        clauses.append(f"p.item_id IN ({', '.join('?' * len(item_ids))})")
        params.extend(int(i) for i in item_ids)
    joined = (
        " FROM publish_plan p LEFT JOIN upload_approvals a ON a.dataset = p.dataset"
        " AND a.record_id = p.record_id AND a.image_index = p.image_index WHERE " + " AND ".join(clauses)
    )
    total = int(store.scalar("SELECT COUNT(*)" + joined, params) or 0)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = store.query(
        "SELECT p.item_id, p.dataset, p.record_id, p.image_index, p.title, p.source, p.rights, "
        f"{_VERDICT}, COALESCE(a.event_id, 0)" + joined + " ORDER BY p.item_id" + page,
        params,
    )
    return total, [ApprovalRow(int(r[0]), r[1], r[2], int(r[3]), r[4], r[5], r[6], r[7], int(r[8])) for r in rows]


def planned_datasets(store: Store) -> list[str]:
    """The datasets (batches) that have planned files."""
    return [r[0] for r in store.query("SELECT DISTINCT dataset FROM publish_plan WHERE status = 'planned' ORDER BY 1")]


def upload_watermark(store: Store) -> int:
    """The latest upload decision's event id (0: none yet): a page drawn now saw every decision up to it."""
    return int(store.scalar("SELECT COALESCE(MAX(id), 0) FROM decision_events WHERE kind = 'upload'") or 0)
