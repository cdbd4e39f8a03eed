"""A decided link sheet whose row someone decided meanwhile: that row is a conflict (file, row, field),
the rest is applied (docs/adr/0008)."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.linking.project_flow import export_queue, import_decisions
from glamwiki.store import Store
from glamwiki.store import decisions as ev
from glamwiki.store import linking as db


def _review_row(store: Store, person_id: str) -> None:
    evidence = {"source": {"name": person_id, "dates": ""}, "candidate": {"name": person_id, "dates": ""}}
    with store.transaction():
        run = db.start_run(store, "m", "wikidata", {}, {})
        db.save_matches(store, run, "m", "wikidata", [{"person_id": person_id, "authority_id": "Q296", "qid": "Q296",
                        "probability": 0.5, "decision": "review", "evidence": evidence}])  # fmt: skip


def _decide_all(path: Path, verdict: str) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for r in rows:
        r["verdict"] = verdict
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_a_row_decided_meanwhile_is_a_conflict_and_the_rest_is_applied(store: Store, tmp_path: Path) -> None:
    for pid in ("P1", "P2", "P3"):
        _review_row(store, pid)
    path = tmp_path / "queue.csv"
    assert export_queue(store, path) == 3
    assert {r["version"] for r in csv.DictReader(path.open(encoding="utf-8"))} == {"0"}
    db.save_decision(store, "m", "P2", "wikidata", "reject", decided_by="bob", note="another painter")
    _decide_all(path, "accept")
    result = import_decisions(store, path, by="alice")
    assert result.applied == 2
    [conflict] = result.conflicts
    assert (conflict.file, conflict.row, conflict.field) == ("queue.csv", 3, "verdict")
    assert "reject by bob" in conflict.message and "m/P2" in conflict.message
    verdicts = {d["person_id"]: (d["verdict"], d["decided_by"]) for d in db.decisions(store)}
    assert verdicts == {"P1": ("accept", "alice"), "P2": ("reject", "bob"), "P3": ("accept", "alice")}
    assert [e.actor for e in ev.history(store, "link", "m", "P2")] == ["bob"]


def test_the_sheet_carries_each_rows_version(store: Store, tmp_path: Path) -> None:
    _review_row(store, "P1")
    first = db.save_decision(store, "m", "P1", "wikidata", "accept")
    store.execute("DELETE FROM link_decisions")  # back in the queue, with its history kept
    path = tmp_path / "queue.csv"
    export_queue(store, path)
    assert [r["version"] for r in csv.DictReader(path.open(encoding="utf-8"))] == [str(first)]
    _decide_all(path, "reject")
    assert import_decisions(store, path).conflicts == []  # nobody decided since that version


def test_the_cli_reports_the_conflict(cli: CliRunner, store: Store, tmp_path: Path) -> None:
    _review_row(store, "P1")
    path = tmp_path / "queue.csv"
    export_queue(store, path)
    db.save_decision(store, "m", "P1", "wikidata", "reject", decided_by="bob")
    _decide_all(path, "accept")
    result = cli.invoke(cli_app, ["link", "review", "--import", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "0 decisions recorded" in text and "queue.csv, row 2, verdict" in text and "bob" in text
