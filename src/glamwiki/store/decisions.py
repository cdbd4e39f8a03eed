"""Decisions with history: one append-only table of decision events (docs/adr/0008).

Every rights fact, presumption, link decision and upload approval is written here first, then the
current-state table of its kind is updated in the same transaction. A write may carry ``expected``:
the id of the latest event the caller saw when it loaded the record (0 when it saw none). If a newer
event exists for the same subject and field, :class:`StaleDecision` is raised and nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as default
from datetime import UTC, datetime
from typing import Any, Literal

from glamwiki.errors import StaleDecision
from glamwiki.store.db import Store

Kind = Literal["rights_fact", "presumption", "link", "upload"]
KINDS: tuple[Kind, ...] = ("rights_fact", "presumption", "link", "upload")
LOCAL_ACTOR = "cli"

_COLUMNS = "id, kind, dataset, subject, field, value, previous, detail, actor, decided_at, reason, source"


@dataclass(frozen=True)
class DecisionEvent:
    id: int
    kind: str
    dataset: str
    subject: str
    field: str
    value: str
    previous: str | None
    detail: dict[str, Any]
    actor: str
    decided_at: str
    reason: str = ""
    source: str = ""

    def describe(self) -> str:
        """ "accept (qid Q42) by alice at 2026-11-30T19:00:00Z": who decided what and when."""
        extra = ", ".join(f"{k} {v}" for k, v in self.detail.items() if v and k in ("qid", "authority_id"))
        what = f"{self.value} ({extra})" if extra else self.value
        return f"{what!s} by {self.actor or 'someone'} at {self.decided_at}"


@dataclass(frozen=True)
class Decision:
    """What a caller asks to record (the subject is named by kind, dataset, subject and field)."""

    kind: Kind
    dataset: str
    subject: str
    field: str
    value: str
    detail: dict[str, Any] = default(default_factory=dict)
    actor: str = LOCAL_ACTOR
    reason: str = ""
    source: str = ""


def now() -> str:
    """The current time as ISO-8601 UTC text, the form every decided_at takes."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _event(row: Any) -> DecisionEvent:
    values = dict(zip(_COLUMNS.split(", "), tuple(row), strict=True))
    values["detail"] = json.loads(values["detail"] or "{}")
    return DecisionEvent(**values)


def latest(store: Store, kind: str, dataset: str, subject: str, field_: str = "") -> DecisionEvent | None:
    """The latest event about one subject's field, or None when nobody decided it."""
    row = store.query_one(
        f"SELECT {_COLUMNS} FROM decision_events WHERE kind = ? AND dataset = ? AND subject = ? AND field = ?"
        " ORDER BY id DESC LIMIT 1",
        (kind, dataset, subject, field_),
    )
    return None if row is None else _event(row)


def record(store: Store, decision: Decision, expected: int | None = None) -> DecisionEvent:
    """Append one event (inside the caller's transaction, if any) and return it.

    With ``expected`` set, refuse (StaleDecision, nothing written) when a newer event than
    ``expected`` exists for this subject and field and it says something else. An unchanged value
    writes nothing and returns the latest event, so importing the same sheet twice records each
    decision once."""
    d = decision
    with store.transaction():
        last = latest(store, d.kind, d.dataset, d.subject, d.field)
        if last is not None and last.value == d.value and last.detail == d.detail:
            return last  # nothing would change, so nothing is overwritten either
        if last is not None and expected is not None and last.id > expected:
            raise StaleDecision(stale_message(last, expected))
        at = now()
        detail = json.dumps(d.detail, ensure_ascii=False, sort_keys=True)
        previous = last.value if last else None
        new_id = store.scalar(
            "INSERT INTO decision_events(kind, dataset, subject, field, value, previous, detail, actor, decided_at,"
            " reason, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (d.kind, d.dataset, d.subject, d.field, d.value, previous, detail, d.actor, at, d.reason, d.source),
        )
    return DecisionEvent(int(new_id), d.kind, d.dataset, d.subject, d.field, d.value, previous,
                         json.loads(detail), d.actor, at, d.reason, d.source)  # fmt: skip


def stale_message(last: DecisionEvent, expected: int) -> str:
    where = f"{last.dataset}/{last.subject}" if last.dataset else last.subject
    about = f"{last.kind.replace('_', ' ')} {where}" + (f" ({last.field})" if last.field else "")
    seen = f"you loaded it at version {expected}" if expected else "you loaded it before anyone had decided it"
    return (
        f"{about} was decided meanwhile: {last.describe()} (version {last.id}); {seen}. "
        "Nothing was written: reload it and decide again."
    )


def history(store: Store, kind: str, dataset: str, subject: str) -> list[DecisionEvent]:
    """Every event about one subject (all its fields), oldest first."""
    rows = store.query(
        f"SELECT {_COLUMNS} FROM decision_events WHERE kind = ? AND dataset = ? AND subject = ? ORDER BY id",
        (kind, dataset, subject),
    )
    return [_event(r) for r in rows]


def versions(store: Store, kind: str, dataset: str | None = None) -> dict[tuple[str, str], int]:
    """(dataset, subject) -> id of its latest event of this kind: the version an exported sheet carries."""
    sql = "SELECT dataset, subject, MAX(id) FROM decision_events WHERE kind = ?"
    params: list[str] = [kind]
    if dataset is not None:
        sql += " AND dataset = ?"
        params.append(dataset)
    return {(r[0], r[1]): int(r[2]) for r in store.query(sql + " GROUP BY dataset, subject", params)}


def field_versions(store: Store, kind: str, dataset: str, subject: str) -> dict[str, int]:
    """field -> id of its latest event, for one subject."""
    rows = store.query(
        "SELECT field, MAX(id) FROM decision_events WHERE kind = ? AND dataset = ? AND subject = ? GROUP BY field",
        (kind, dataset, subject),
    )
    return {r[0]: int(r[1]) for r in rows}


def event_count(store: Store, kind: str | None = None) -> int:
    if kind is None:
        return int(store.scalar("SELECT COUNT(*) FROM decision_events") or 0)
    return int(store.scalar("SELECT COUNT(*) FROM decision_events WHERE kind = ?", (kind,)) or 0)


def latest_of_field(store: Store, kind: str, field_: str) -> list[DecisionEvent]:
    """The latest event of every subject that has one for this kind and field (e.g. link "new_item")."""
    rows = store.query(
        f"SELECT {_COLUMNS} FROM decision_events WHERE id IN (SELECT MAX(id) FROM decision_events"
        " WHERE kind = ? AND field = ? GROUP BY dataset, subject) ORDER BY dataset, subject",
        (kind, field_),
    )
    return [_event(r) for r in rows]


def proposals_of_field(store: Store, kind: str, field_: str, value: str) -> list[DecisionEvent]:
    """Every event of this kind and field that said ``value`` (e.g. who proposed a new item), oldest first."""
    rows = store.query(
        f"SELECT {_COLUMNS} FROM decision_events WHERE kind = ? AND field = ? AND value = ? ORDER BY id",
        (kind, field_, value),
    )
    return [_event(r) for r in rows]
