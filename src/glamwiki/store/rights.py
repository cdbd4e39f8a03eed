"""Rights decisions and curator-supplied facts in the store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import msgspec

from glamwiki.model.rights import RightsDecision
from glamwiki.store.db import Store

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


def save_fact(store: Store, dataset: str, record_id: str, fact: str, value: str, source: str = "") -> None:
    store.execute(
        "INSERT INTO rights_facts(dataset, record_id, fact, value, source) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(dataset, record_id, fact) DO UPDATE SET value = excluded.value, source = excluded.source,"
        " entered_at = CURRENT_TIMESTAMP",
        (dataset, record_id, fact, value, source),
    )


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
) -> int:
    """Record a new version of a presumption's approval (or withdrawal); returns its version number."""
    version = (store.scalar("SELECT MAX(version) FROM rights_presumptions WHERE name = ?", (name,)) or 0) + 1
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


def fact_rows(store: Store, dataset: str, record_id: str) -> list[tuple[str, str, str, str]]:
    """(fact, value, source, entered at) of each curator fact of one record, by fact name."""
    rows = store.query(
        "SELECT fact, value, source, entered_at FROM rights_facts WHERE dataset = ? AND record_id = ? ORDER BY fact",
        (dataset, record_id),
    )
    return [(r["fact"], r["value"], r["source"], str(r["entered_at"])) for r in rows]
