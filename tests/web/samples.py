"""Deterministic work for the web pages on top of the demo project: people in the link queue, a
batch of planned files, jobs. Used by the tests and by scripts/screenshots.py."""

from __future__ import annotations

from typing import Any

from glamwiki.project import Project
from glamwiki.store import jobs
from glamwiki.store import linking as db
from glamwiki.store.publishing import save_plan

PEOPLE = [("L1", "Joseph Mallord William Turner", "1775–1851", "J. M. W. Turner", "1775–1851", "Q159758"),
          ("L2", "John Smith", "1800–", "John Smith", "1795–1860", "Q1000"),
          ("L3", "Mary Beale", "1633–1699", "Mary Beale", "1633–1699", "Q455445")]  # fmt: skip


def evidence(name: str, dates: str, cand: str, cand_dates: str) -> dict[str, Any]:
    """Evidence as `glamwiki link run` stores it (linking.project_flow.stored_row)."""
    return {"source": {"id": name, "name": name, "dates": dates, "identifiers": {}},
            "candidate": {"id": "Q1", "name": cand, "dates": cand_dates, "identifiers": {"ulan": "500012345"}},
            "features": {"name": "exact", "birth": "same year", "death": "missing"}, "match_weight": 7.5,
            "runner_up": 0.1, "candidates": 3, "note": "name and birth year agree",
            "others": [other(f"Q{20 + i}{len(name)}", cand, d, p) for i, (d, p) in enumerate((("1801–1870", 0.1),
                                                                                       ("1790–", 0.05)))]}  # fmt: skip


def other(qid: str, name: str, dates: str, probability: float) -> dict[str, Any]:
    """Another candidate as stored beside the best (linking.project_flow.other)."""
    return {"authority_id": qid, "qid": qid, "probability": probability,
            "candidate": {"id": qid, "name": name, "dates": dates, "identifiers": {}},
            "features": {"name": "exact", "birth": "within 5 years"}, "match_weight": 2.5}  # fmt: skip


def queue_links(project: Project) -> None:
    """Three people of dataset ``lk`` whose best Wikidata candidate awaits a person."""
    with project.open_store() as store, store.transaction():
        run = db.start_run(store, "lk", "wikidata", {}, {})
        db.save_matches(store, run, "lk", "wikidata", [
            {"person_id": pid, "authority_id": qid, "qid": qid, "probability": 0.6 - i / 10, "decision": "review",
             "evidence": evidence(name, dates, cand, cdates)}
            for i, (pid, name, dates, cand, cdates, qid) in enumerate(PEOPLE)])  # fmt: skip


def plan_files(project: Project, dataset: str, count: int) -> None:
    """``count`` planned files of batch ``dataset``, each with an upload decision and licence tag."""
    rights = '{"decision": "upload", "templates": ["{{PD-old-100}}"], "reasons": []}'
    items = [{"dataset": dataset, "record_id": f"{dataset.upper()}{i:02d}", "status": "planned",
              "title": f"{dataset.title()} print {i}.jpg", "source_kind": "url",
              "source": f"http://127.0.0.1/{dataset}/{i}.jpg", "rights": rights} for i in range(count)]  # fmt: skip
    with project.open_store() as store:
        save_plan(store, items)


def some_jobs(project: Project) -> tuple[int, int]:
    """An ingest that finished and a rights assessment running (750 of 2,000): their ids."""
    with project.open_store() as store:
        done = jobs.start(store, "ingest", {"dataset": "tate"}, total=100, worker="example-host:4242")
        jobs.progress(store, done, 100)
        jobs.finish(store, done, jobs.DONE, "100 records")
        running = jobs.start(store, "rights", {"dataset": "tate"}, total=2_000, worker="example-host:4243")
        jobs.progress(store, running, 750, message="assessing")
    return done, running
