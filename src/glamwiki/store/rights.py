"""Rights decisions and curator-supplied facts in the store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from glamwiki.model.rights import RightsDecision
from glamwiki.store.db import Store
from glamwiki.store.decisions import LOCAL_ACTOR, Decision, record

_decoder = msgspec.json.Decoder(RightsDecision)
_encoder = msgspec.json.Encoder()


def save_decisions(store: Store, decisions: Iterable[RightsDecision]) -> int:
    rows = [
        (d.dataset, d.record_id, d.as_of, d.decision, d.uk_status, d.us_status, d.recheck_on, _encoder.encode(d))
        for d in decisions
    ]
    store.executemany(
        "INSERT INTO rights_decisions(dataset, record_id, as_of, decision, uk_status, us_status, recheck_on, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset, record_id) DO UPDATE SET"
        " as_of = excluded.as_of, decision = excluded.decision, uk_status = excluded.uk_status,"
        " us_status = excluded.us_status, recheck_on = excluded.recheck_on, data = excluded.data,"
        " assessed_at = CURRENT_TIMESTAMP",
        rows,
    )
    return len(rows)


def iter_decisions(store: Store, dataset: str | None = None, decision: str | None = None) -> Iterator[RightsDecision]:
    clauses, params = [], []
    if dataset:
        clauses.append("dataset = ?")
        params.append(dataset)
    if decision:
        clauses.append("decision = ?")
        params.append(decision)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    for row in store.stream(f"SELECT data FROM rights_decisions{where} ORDER BY dataset, record_id", params):
        yield _decoder.decode(row["data"])


def get_decision(store: Store, record_id: str, dataset: str | None = None) -> RightsDecision | None:
    sql = "SELECT data FROM rights_decisions WHERE record_id = ?"
    params: list[str] = [record_id]
    if dataset:
        sql += " AND dataset = ?"
        params.append(dataset)
    row = store.query_one(sql + " LIMIT 1", params)
    return None if row is None else _decoder.decode(row["data"])


def decision_counts(store: Store) -> dict[str, int]:
    return {
        r["decision"]: r["n"]
        for r in store.query("SELECT decision, COUNT(*) AS n FROM rights_decisions GROUP BY decision")
    }


def save_fact(
    store: Store, dataset: str, record_id: str, fact: str, value: str, source: str = "",
    *, actor: str = LOCAL_ACTOR, reason: str = "", expected: int | None = None,
) -> int:  # fmt: skip
    """Record a curator's fact as a decision event and as the current fact; returns the event id.

    ``expected``: the version the caller loaded (StaleDecision if someone decided this fact since)."""
    with store.transaction():
        event = record(store, Decision("rights_fact", dataset, record_id, fact, value, actor=actor, reason=reason,
                                       source=source), expected)  # fmt: skip
        store.execute(
            "INSERT INTO rights_facts(dataset, record_id, fact, value, source) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(dataset, record_id, fact) DO UPDATE SET value = excluded.value, source = excluded.source,"
            " entered_at = CURRENT_TIMESTAMP",
            (dataset, record_id, fact, value, source),
        )
    return event.id


def facts_for(store: Store, dataset: str, record_id: str) -> dict[str, str]:
    rows = store.query("SELECT fact, value FROM rights_facts WHERE dataset = ? AND record_id = ?", (dataset, record_id))
    return {r["fact"]: r["value"] for r in rows}


def save_presumption(
    store: Store,
    name: str,
    status: str,
    approved_by: str,
    approved_on: str,
    datasets: Sequence[str] = (),
    match: Sequence[tuple[str, str]] = (),
    note: str = "",
    expected: int | None = None,
) -> int:
    """Record a new version of a presumption's approval (or withdrawal); returns its version number.

    ``expected``: the decision event id the caller loaded (StaleDecision if someone decided since)."""
    with store.transaction():
        version = (store.scalar("SELECT MAX(version) FROM rights_presumptions WHERE name = ?", (name,)) or 0) + 1
        detail = {"version": version, "approved_on": approved_on, "datasets": list(datasets),
                  "match": [list(m) for m in match]}  # fmt: skip
        record(store, Decision("presumption", "", name, "", status, detail, approved_by, note), expected)
        store.execute(
            "INSERT INTO rights_presumptions(name, version, status, approved_by, approved_on, datasets, match, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, version, status, approved_by, approved_on, json.dumps(list(datasets)),
             json.dumps([list(m) for m in match]), note),
        )  # fmt: skip
    return version


def presumption_history(store: Store, name: str | None = None) -> list[dict[str, Any]]:
    """Every version, oldest first (of one presumption, or of all)."""
    sql = "SELECT * FROM rights_presumptions" + (" WHERE name = ?" if name else "") + " ORDER BY name, version"
    return [_presumption_row(r) for r in store.query(sql, (name,) if name else ())]


def current_presumptions(store: Store) -> dict[str, dict[str, Any]]:
    """The latest version of each presumption (approved or withdrawn)."""
    return {r["name"]: r for r in presumption_history(store)}  # later versions replace earlier ones


def _presumption_row(r: Any) -> dict[str, Any]:
    row = dict(r)
    row["datasets"] = json.loads(row["datasets"])
    row["match"] = [tuple(m) for m in json.loads(row["match"])]
    return row


def latest_assessment(store: Store) -> str | None:
    """The ``as_of`` date of the newest stored decision, or None when rights were never run."""
    value = store.scalar("SELECT MAX(as_of) FROM rights_decisions")
    return None if value is None else str(value)


def fact_count(store: Store) -> int:
    return int(store.scalar("SELECT COUNT(*) FROM rights_facts"))


def all_facts(store: Store) -> dict[tuple[str, str], dict[str, str]]:
    """Every curator-supplied fact, by (dataset, record id)."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for r in store.stream("SELECT dataset, record_id, fact, value FROM rights_facts"):
        out.setdefault((r["dataset"], r["record_id"]), {})[r["fact"]] = r["value"]
    return out


@dataclass(frozen=True)
class RightsRun:
    """The settings a `glamwiki rights` run stored its decisions with."""

    as_of: str
    max_lifespan: int
    presumptions: tuple[str, ...]
    records: int
    run_at: str


def record_rights_run(store: Store, run: RightsRun) -> None:
    store.execute(
        "INSERT INTO rights_runs(as_of, max_lifespan, presumptions, records, run_at) VALUES (?, ?, ?, ?, ?)",
        (run.as_of, run.max_lifespan, json.dumps(list(run.presumptions)), run.records, run.run_at),
    )


def last_rights_run(store: Store) -> RightsRun | None:
    row = store.query_one(
        "SELECT as_of, max_lifespan, presumptions, records, run_at FROM rights_runs ORDER BY id DESC LIMIT 1"
    )
    if row is None:
        return None
    return RightsRun(str(row[0]), int(row[1]), tuple(json.loads(row[2])), int(row[3]), str(row[4]))


def fact_rows(store: Store, dataset: str, record_id: str) -> list[tuple[str, str, str, str]]:
    """(fact, value, source, entered at) of each curator fact of one record, by fact name."""
    rows = store.query(
        "SELECT fact, value, source, entered_at FROM rights_facts WHERE dataset = ? AND record_id = ? ORDER BY fact",
        (dataset, record_id),
    )
    return [(r["fact"], r["value"], r["source"], str(r["entered_at"])) for r in rows]
