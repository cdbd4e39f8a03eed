"""Linking inside a project: link the stored people, keep the answers and their evidence, take
people's decisions (one at a time or as a decided CSV), and keep Wikidata facts for the gaps."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.cells import restore
from glamwiki.conflicts import Conflict, SheetImport, parse_version
from glamwiki.errors import ConfigError, RecordNotFound, StaleDecision
from glamwiki.intake.exporting import safe_row
from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.matcher import Candidate, LinkResult, Thresholds, link
from glamwiki.linking.people import store_people
from glamwiki.linking.run import LIVE, authority_entities, require_live
from glamwiki.linking.wikidata.authority import search_candidates
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.model.linking import Verdict
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.decisions import versions
from glamwiki.store.records import qualified_id, resolve_id


@dataclass
class ProjectLink:
    authority: str  # path of the authority file
    authority_profile: str | None = None
    authority_mapping: str | None = None
    dataset: str | None = None
    use_identifiers: bool = True
    thresholds: Thresholds = field(default_factory=Thresholds)
    wikidata: WikidataClient | None = None  # the live service, when authority is "wikidata"

    @property
    def authority_name(self) -> str:
        if self.authority_profile:
            return self.authority_profile
        return "wikidata" if "entities" in Path(self.authority).name else Path(self.authority).stem


def link_project(store: Store, job: ProjectLink, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    by_dataset: dict[str, list[Entity]] = {}
    for ds, person in store_people(store, job.dataset):
        by_dataset.setdefault(ds, []).append(from_person(person))
    if not by_dataset:
        raise RecordNotFound("No people in the project to link: ingest a collection with artists first.")
    everyone = [e for people in by_dataset.values() for e in people]
    if job.authority == LIVE:
        people, facts = search_candidates(require_live(job.wikidata), everyone)
        authority = [from_person(p) for p in people]
        with store.transaction():
            db.save_entity_facts(store, facts, "api")
    else:
        authority = authority_entities(
            job.authority, job.authority_profile, job.authority_mapping, everyone, job.wikidata
        )
        if job.authority_name == "wikidata":
            load_facts(store, job.authority)
    totals: Counter[str] = Counter()
    for ds, entities in by_dataset.items():
        run = link(entities, authority, use_identifiers=job.use_identifiers, thresholds=job.thresholds,
                   progress=progress)  # fmt: skip
        counts: Counter[str] = Counter(r.decision for r in run.results)
        options = {"identifiers": job.use_identifiers, "match": job.thresholds.match, "review": job.thresholds.review}
        with store.transaction():
            run_id = db.start_run(store, ds, job.authority_name, options, run.model.as_dict())
            db.save_matches(store, run_id, ds, job.authority_name, (stored_row(r) for r in run.results))
            db.finish_run(store, run_id, dict(counts))
        totals.update(counts)
    return {"datasets": sorted(by_dataset), "authority": job.authority_name, **dict(totals)}


def stored_row(r: LinkResult) -> dict[str, Any]:
    best = r.best
    return {
        "person_id": r.source.id,
        "authority_id": best.entity.id if best else "",
        "qid": best.entity.qid if best else "",
        "probability": round(r.probability, 6),
        "decision": r.decision,
        "evidence": {
            "source": side(r.source),
            "candidate": side(best.entity) if best else None,
            "features": best.features() if best else {},
            "match_weight": round(best.weight, 3) if best else None,
            "identifiers": str(best.ids) if best else "",
            "runner_up": round(r.runner_up, 4),
            "candidates": r.n_candidates,
            "note": r.why,
            "others": [other(c) for c in r.others],
        },
    }


def other(c: Candidate) -> dict[str, Any]:
    """Another candidate, kept with its evidence so that a person may choose it instead of the best."""
    return {"authority_id": c.entity.id, "qid": c.entity.qid, "probability": round(c.probability, 6),
            "candidate": side(c.entity), "features": c.features(), "match_weight": round(c.weight, 3)}  # fmt: skip


def side(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "dates": e.dates_text(), "nationality": e.nationality or "",
            "gender": e.gender or "", "kind": e.kind, "identifiers": e.identifiers}  # fmt: skip


def load_facts(store: Store, path: str) -> int:
    from glamwiki.linking.wikidata.entities import entity_facts, iter_entities

    facts = [entity_facts(e) for e in iter_entities(path) if e.get("type", "item") == "item"]
    with store.transaction():
        return db.save_entity_facts(store, facts, Path(path).name)


def decide(
    store: Store, person_id: str, verdict: str, authority_id: str = "", qid: str = "",
    dataset: str | None = None, authority: str | None = None, by: str = "", note: str = "",
    expected: int | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Record a person's verdict on a link; accept without an id takes the machine's candidate.

    ``expected``: the version the caller loaded (StaleDecision if someone decided since)."""
    if verdict not in db.VERDICTS:
        raise ConfigError(f"A verdict is accept or reject, not {verdict!r}.")
    given = person_id
    dataset, person_id = resolve_id(store, person_id, "person", dataset)
    rows = [r for r in db.match_rows(store, None, dataset) if r["person_id"] == person_id
            and (authority is None or r["authority"] == authority)]  # fmt: skip
    if not rows:
        raise RecordNotFound(f"No link answer for person {given!r}: run `glamwiki link run` first.")
    row = rows[0]
    if verdict == db.ACCEPT and not (authority_id or qid):
        authority_id, qid = row["authority_id"], row["qid"]
        if not authority_id:
            raise ConfigError(f"No candidate to accept for {given!r}: give --qid or --authority-id.")
    db.save_decision(
        store,
        row["dataset"],
        person_id,
        row["authority"],
        Verdict(verdict),
        authority_id,
        qid,
        by,
        note,
        expected=expected,
    )
    if verdict == db.ACCEPT:  # a link accepted: no new item for this person, at once
        db.withdraw_new_item(store, row["dataset"], person_id, qid)
    return {"dataset": row["dataset"], "person_id": person_id, "id": qualified_id(row["dataset"], person_id),
            "verdict": verdict, "qid": qid}  # fmt: skip


def import_decisions(store: Store, path: str | Path, by: str = "") -> SheetImport:
    """Decisions from a CSV (e.g. `link review --export` with the `verdict` column filled in).

    A row someone decided otherwise since the sheet was exported (its version) is reported as a
    conflict (file, row, field) and not applied; the rest is."""
    result = SheetImport()
    skipped: list[str] = []
    name = Path(path).name
    with open(path, encoding="utf-8-sig", newline="") as f, store.transaction():
        for line, raw in enumerate(csv.DictReader(f), 2):
            row = {k: restore(v) for k, v in raw.items() if k}
            verdict = row.get("verdict", "").strip().lower()
            given = row.get("person_id") or row.get("source_id") or ""
            if not verdict:
                continue  # not decided yet
            if verdict not in db.VERDICTS or not given:
                why = f"verdict {verdict!r} is not accept or reject" if given else "no person_id"
                skipped.append(f"row {line}: {why}")
                continue
            ds, pid = resolve_id(store, given, "person", row.get("dataset") or None)
            try:
                db.save_decision(store, ds or "", pid, row.get("authority", ""), Verdict(verdict),
                                 row.get("authority_id", ""), row.get("qid", ""), by, row.get("note", ""),
                                 expected=parse_version(row.get("version")), source=f"review sheet {name}")  # fmt: skip
            except StaleDecision as exc:
                result.conflicts.append(Conflict(name, line, "verdict", str(exc)))
                continue
            if verdict == db.ACCEPT:
                db.withdraw_new_item(store, ds or "", pid, row.get("qid", ""))
            result.applied += 1
        if skipped:  # raised inside the transaction: all of the file or none of it
            raise ConfigError(
                f"{path}: {len(skipped)} decided row(s) could not be read, so nothing was recorded: "
                + "; ".join(skipped[:10])
                + ". Correct them and import the file again."
            )
    return result


REVIEW_COLUMNS = ("dataset", "person_id", "authority", "authority_id", "qid", "probability", "source_name",
                  "source_dates", "candidate_name", "candidate_dates", "features", "note",
                  "version", "verdict")  # fmt: skip


def export_queue(store: Store, path: str | Path) -> int:
    rows = db.review_queue(store)
    seen = versions(store, "link")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=REVIEW_COLUMNS)
        w.writeheader()
        for r in rows:
            ev = r["evidence"]
            cand = ev.get("candidate") or {}
            feats = "; ".join(f"{k}: {v}" for k, v in ev.get("features", {}).items() if v != "missing")
            w.writerow(safe_row({"dataset": r["dataset"], "person_id": r["person_id"], "authority": r["authority"],
                        "authority_id": r["authority_id"], "qid": r["qid"], "probability": r["probability"],
                        "source_name": ev["source"]["name"], "source_dates": ev["source"]["dates"],
                        "candidate_name": cand.get("name", ""), "candidate_dates": cand.get("dates", ""),
                        "features": feats, "note": ev.get("note", ""),
                        "version": seen.get((r["dataset"], r["person_id"]), 0), "verdict": ""}))  # fmt: skip
    return len(rows)


def fetch_facts(store: Store, client: WikidataClient) -> int:
    """Fetch (through the client's cache) the facts of every linked item not yet recorded."""
    from glamwiki.linking.wikidata.entities import entity_facts

    linked = set(db.links(store).values())
    missing = sorted(linked - set(db.entity_facts(store, linked)))
    if not missing:
        return 0
    facts = [entity_facts(e) for e in client.get_entities(missing).values()]
    with store.transaction():
        return db.save_entity_facts(store, facts, "api")


NEW_ITEM = "new_item"  # the decision field of a person marked for a new Wikidata item
PROPOSED = "proposed"


def propose_new_item(
    store: Store, person_id: str, dataset: str, authority: str, by: str, note: str = "", expected: int | None = None
) -> dict[str, Any]:
    """None of the candidates fits: reject the link and mark the person for a new Wikidata item,
    in one transaction (StaleDecision, nothing written, if someone decided the link since ``expected``)."""
    from glamwiki.store.decisions import LOCAL_ACTOR, Decision, record

    why = note or "none of the candidates fits: propose a new item"
    with store.transaction():
        done = decide(store, person_id, db.REJECT, dataset=dataset, authority=authority, by=by, note=why,
                      expected=expected)  # fmt: skip
        record(
            store, Decision("link", done["dataset"], done["person_id"], NEW_ITEM, PROPOSED, {}, by or LOCAL_ACTOR, note)
        )
    return {**done, "verdict": PROPOSED}
