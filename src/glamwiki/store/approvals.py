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
