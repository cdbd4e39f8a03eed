"""Linking in the store: machine answers (replaced per run), human decisions (kept), Wikidata facts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from typing import Any

import msgspec

from glamwiki.model.linking import Verdict
from glamwiki.store.db import Store
from glamwiki.store.decisions import LOCAL_ACTOR, Decision, record

ACCEPT, REJECT = Verdict.ACCEPT, Verdict.REJECT
VERDICTS = tuple(Verdict)


def start_run(store: Store, dataset: str, authority: str, options: dict[str, Any], model: dict[str, Any]) -> int:
    cur = store.execute(
        "INSERT INTO link_runs(dataset, authority, options, model, counts) VALUES (?, ?, ?, ?, '{}') RETURNING id",
        (dataset, authority, json.dumps(options), json.dumps(model)),
    )
    return int(cur.fetchone()[0])


def finish_run(store: Store, run_id: int, counts: dict[str, int]) -> None:
    store.execute("UPDATE link_runs SET counts = ? WHERE id = ?", (json.dumps(counts), run_id))


def save_matches(store: Store, run_id: int, dataset: str, authority: str, rows: Iterable[dict[str, Any]]) -> int:
    """Replace the machine answers for these people; decisions in link_decisions are not touched."""
    data = [
        (dataset, r["person_id"], authority, run_id, r["authority_id"], r["qid"], r["probability"], r["decision"],
         json.dumps(r["evidence"], ensure_ascii=False))
        for r in rows
    ]  # fmt: skip
    store.executemany(
        "INSERT INTO link_matches(dataset, person_id, authority, run_id, authority_id, qid, probability, decision,"
        " evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset, person_id, authority) DO UPDATE SET"
        " run_id = excluded.run_id, authority_id = excluded.authority_id, qid = excluded.qid,"
        " probability = excluded.probability, decision = excluded.decision, evidence = excluded.evidence",
        data,
    )
    return len(data)


def save_decision(
    store: Store, dataset: str, person_id: str, authority: str, verdict: Verdict,
    authority_id: str = "", qid: str = "", decided_by: str = "", note: str = "",
    *, expected: int | None = None, source: str = "",
) -> int:  # fmt: skip
    """Record a person's verdict as a decision event and as the current decision; returns the event id.

    ``expected``: the version the caller loaded (StaleDecision if someone decided this link since)."""
    detail = {"authority_id": authority_id, "qid": qid}
    with store.transaction():
        event = record(store, Decision("link", dataset, person_id, authority, verdict, detail,
                                       decided_by or LOCAL_ACTOR, note, source), expected)  # fmt: skip
        store.execute(
            "INSERT INTO link_decisions(dataset, person_id, authority, verdict, authority_id, qid, decided_by, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset, person_id, authority) DO UPDATE SET"
            " verdict = excluded.verdict, authority_id = excluded.authority_id, qid = excluded.qid,"
            " decided_by = excluded.decided_by, note = excluded.note, decided_at = CURRENT_TIMESTAMP",
            (dataset, person_id, authority, verdict, authority_id, qid, decided_by, note),
        )
    return event.id


def decisions(store: Store, dataset: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE dataset = ?", (dataset,)) if dataset else ("", ())
    return [dict(r) for r in store.query(f"SELECT * FROM link_decisions {where} ORDER BY decided_at", params)]


def match_rows(store: Store, decision: str | None = None, dataset: str | None = None) -> Iterator[dict[str, Any]]:
    """Machine answers joined with any human decision (``verdict``), by descending probability."""
    clauses, params = [], []
    if decision:
        clauses.append("m.decision = ?")
        params.append(decision)
    if dataset:
        clauses.append("m.dataset = ?")
        params.append(dataset)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT m.*, d.verdict, d.authority_id AS decided_id, d.qid AS decided_qid FROM link_matches m"
        " LEFT JOIN link_decisions d USING (dataset, person_id, authority)"
        f" {where} ORDER BY m.probability DESC, m.person_id"
    )
    for row in store.stream(sql, params):
        out = dict(row)
        out["evidence"] = json.loads(out["evidence"])
        yield out


def review_queue(store: Store, dataset: str | None = None) -> list[dict[str, Any]]:
    return [r for r in match_rows(store, "review", dataset) if not r["verdict"]]


def standing_qid(row: Any) -> str:
    """The QID a match row stands for: a person's accept (their QID), a person's reject (none), else
    the machine's `match` (a `review` or `no match` stands for none)."""
    if row["verdict"] == ACCEPT:
        return str(row["decided_qid"] or "")
    if row["verdict"] == REJECT:
        return ""
    return str(row["qid"] or "") if row["decision"] == "match" else ""


def links(store: Store, dataset: str | None = None) -> dict[tuple[str, str], str]:
    """(dataset, person_id) -> QID as it stands: a person's decision first, else a machine `match`."""
    out: dict[tuple[str, str], str] = {}
    for r in match_rows(store, None, dataset):
        key, qid = (r["dataset"], r["person_id"]), standing_qid(r)
        if qid and key not in out:
            out[key] = qid
    for d in decisions(store, dataset):  # decisions about people no run has answered (imported)
        if d["verdict"] == ACCEPT and d["qid"]:
            out.setdefault((d["dataset"], d["person_id"]), d["qid"])
    return out


def counts(store: Store) -> dict[str, int]:
    rows = store.query("SELECT decision, COUNT(*) AS n FROM link_matches GROUP BY decision")
    out = {r["decision"]: r["n"] for r in rows}
    out["decided"] = int(store.scalar("SELECT COUNT(*) FROM link_decisions"))
    out["queue"] = int(
        store.scalar(
            "SELECT COUNT(*) FROM link_matches m LEFT JOIN link_decisions d USING (dataset, person_id, authority)"
            " WHERE m.decision = 'review' AND d.verdict IS NULL"
        )
    )
    return out


# -- Wikidata facts ---------------------------------------------------------------------------------
def save_entity_facts(store: Store, facts: Iterable[Any], source: str) -> int:
    rows = [(f.qid, json.dumps(asdict(f)), source) for f in facts]
    store.executemany(
        "INSERT INTO wikidata_entities(qid, facts, source) VALUES (?, ?, ?) ON CONFLICT(qid) DO UPDATE SET"
        " facts = excluded.facts, source = excluded.source, fetched_at = CURRENT_TIMESTAMP",
        rows,
    )
    return len(rows)


def entity_facts(store: Store, qids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    if qids is None:
        return {r["qid"]: json.loads(r["facts"]) for r in store.query("SELECT qid, facts FROM wikidata_entities")}
    wanted = list(set(qids))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 900):
        chunk = wanted[i : i + 900]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT qid, facts FROM wikidata_entities WHERE qid IN ({marks})", chunk):
            out[r["qid"]] = json.loads(r["facts"])
    return out


def encode(value: Any) -> str:
    return msgspec.json.encode(value).decode()


# -- new items journal ------------------------------------------------------------------------------
def journal_new_item(
    store: Store, dataset: str, person_id: str, label: str, entity: str, qs: str, search: str = "", problems: str = ""
) -> bool:
    """Journal a prepared item; False when this person already has one (prepared, sent or created)."""
    cur = store.execute(
        "INSERT INTO wikidata_new_items(dataset, person_id, label, entity, quickstatements, search, problems)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset, person_id) DO NOTHING",
        (dataset, person_id, label, entity, qs, search, problems),
    )
    return bool(cur.rowcount == 1)


def drop_unsearched_items(store: Store) -> int:
    """Forget prepared items no search stands behind (journaled before search-first): they were never sent."""
    return int(store.execute("DELETE FROM wikidata_new_items WHERE status = 'prepared' AND search = ''").rowcount)


def withdraw_new_item(store: Store, dataset: str, person_id: str, qid: str = "") -> bool:
    """A prepared item no longer wanted: the person was linked (or is queued for review)."""
    cur = store.execute(
        "UPDATE wikidata_new_items SET status = 'withdrawn', qid = ?, updated_at = CURRENT_TIMESTAMP"
        " WHERE dataset = ? AND person_id = ? AND status = 'prepared'",
        (qid, dataset, person_id),
    )
    return bool(cur.rowcount == 1)


# -- work items journal -----------------------------------------------------------------------------
def journal_work_item(store: Store, row: dict[str, str]) -> bool:
    """Journal a work's item (prepared or held); False when the work already has one."""
    cur = store.execute(
        "INSERT INTO wikidata_work_items(dataset, record_id, label, entity, quickstatements, search, problems,"
        " status, qid) VALUES (:dataset, :record_id, :label, :entity, :quickstatements, :search, :problems,"
        " :status, :qid) ON CONFLICT(dataset, record_id) DO NOTHING",
        row,
    )
    return bool(cur.rowcount == 1)


def work_items(store: Store, status: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE status = ?", (status,)) if status else ("", ())
    sql = f"SELECT * FROM wikidata_work_items {where} ORDER BY dataset, record_id"
    return [dict(r) for r in store.query(sql, params)]


def mark_work_item(store: Store, dataset: str, record_id: str, status: str, qid: str = "") -> bool:
    cur = store.execute(
        "UPDATE wikidata_work_items SET status = ?, qid = ?, updated_at = CURRENT_TIMESTAMP"
        " WHERE dataset = ? AND record_id = ?",
        (status, qid, dataset, record_id),
    )
    return bool(cur.rowcount == 1)


def new_items(store: Store, status: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE status = ?", (status,)) if status else ("", ())
    return [
        dict(r) for r in store.query(f"SELECT * FROM wikidata_new_items {where} ORDER BY dataset, person_id", params)
    ]


def mark_new_item(store: Store, dataset: str, person_id: str, status: str, qid: str = "") -> bool:
    cur = store.execute(
        "UPDATE wikidata_new_items SET status = ?, qid = ?, updated_at = CURRENT_TIMESTAMP"
        " WHERE dataset = ? AND person_id = ?",
        (status, qid, dataset, person_id),
    )
    return bool(cur.rowcount == 1)


def linked_qids(store: Store) -> set[str]:
    """Wikidata items of the collection's people, as the matcher decided or people accepted them."""
    # The same reading as links(): a person's decision overrides the matcher (a rejected match is not a link).
    rows = store.query(
        "SELECT m.qid FROM link_matches m LEFT JOIN link_decisions d USING (dataset, person_id, authority)"
        " WHERE m.decision = 'match' AND m.qid <> '' AND d.verdict IS NULL"
        " UNION SELECT qid FROM link_decisions WHERE verdict = 'accept' AND qid <> ''"
    )
    return {r[0] for r in rows}


def item_counts(store: Store) -> dict[str, int]:
    """New Wikidata items by kind and status: {"person prepared": 12, "work created": 3, ...}."""
    rows = store.query(
        "SELECT 'person ' || status AS k, COUNT(*) AS n FROM wikidata_new_items GROUP BY status"
        " UNION ALL SELECT 'work ' || status, COUNT(*) FROM wikidata_work_items GROUP BY status"
    )
    return {r["k"]: r["n"] for r in rows}


def last_run_model(store: Store) -> dict[str, Any] | None:
    """The matching model stored by the project's last link run, if any."""
    row = store.query_one("SELECT model FROM link_runs ORDER BY id DESC LIMIT 1")
    return None if row is None else dict(json.loads(row["model"]))


def links_of(store: Store, dataset: str, person_ids: Sequence[str]) -> dict[tuple[str, str], str]:
    """``links`` for these people of ``dataset`` only (a record page's creators): the same answer,
    read by key instead of over every person of the dataset."""
    ids = sorted({p for p in person_ids if p})
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    sql = (
        "SELECT m.dataset, m.person_id, m.qid, m.decision, d.verdict, d.qid AS decided_qid FROM link_matches m"
        " LEFT JOIN link_decisions d USING (dataset, person_id, authority)"
        f" WHERE m.dataset = ? AND m.person_id IN ({marks}) ORDER BY m.probability DESC, m.person_id"
    )
    out: dict[tuple[str, str], str] = {}
    for r in store.query(sql, (dataset, *ids)):
        key, qid = (r["dataset"], r["person_id"]), standing_qid(r)
        if qid and key not in out:
            out[key] = qid
    decided = (
        "SELECT dataset, person_id, verdict, qid FROM link_decisions"
        f" WHERE dataset = ? AND person_id IN ({marks}) ORDER BY decided_at"
    )
    for d in store.query(decided, (dataset, *ids)):
        if d["verdict"] == ACCEPT and d["qid"]:
            out.setdefault((d["dataset"], d["person_id"]), d["qid"])
    return out
