"""Linking inside a project: answers stored with evidence, the review queue, and people's
decisions that no rerun overwrites (one at a time or from a decided CSV)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.demo import sample_folder
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.linking.project_flow import ProjectLink, decide, export_queue, import_decisions, link_project
from glamwiki.status import project_status
from glamwiki.store import Store
from glamwiki.store import linking as db

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


@pytest.fixture(scope="module")
def nga_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """NGA constituents sharing a name token with the Tate sample, plus every 20th other (speed)."""
    from tests.conftest import require_shared

    data = require_shared()

    words = set()
    with open(sample_folder() / "artist_data.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            words |= {w.strip(",.").lower() for w in row["name"].split()}
    folder = tmp_path_factory.mktemp("nga")
    with open(data / "nga" / "constituents.csv", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = [r for i, r in enumerate(reader) if i % 20 == 0 or (r["lastname"] or "").lower() in words]
    with open(folder / "constituents.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return folder


def _tate_linked(store: Store, nga: Path) -> dict:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    return link_project(store, ProjectLink(str(nga), "nga"))


def test_run_stores_answers_and_status(store: Store, nga_slice: Path) -> None:
    info = _tate_linked(store, nga_slice)
    assert info["match"] > 30 and info["datasets"] == ["tate"]
    rows = list(db.match_rows(store))
    assert len(rows) == 144
    turner = next(r for r in rows if r["evidence"]["source"]["name"] == "Joseph Mallord William Turner")
    assert turner["decision"] == "match" and turner["qid"].startswith("Q")
    assert turner["evidence"]["features"]["name"] in ("exact", "compatible")
    status = {s.stage: s for s in project_status(store)}["linking"]
    assert status.state in ("ok", "attention") and "linked" in status.summary


def test_decisions_survive_a_rerun(store: Store, nga_slice: Path) -> None:
    _tate_linked(store, nga_slice)
    queue = db.review_queue(store)
    assert queue, "the Tate sample has doubtful links"
    first, matched = queue[0], next(db.match_rows(store, "match"))
    decide(store, first["person_id"], "reject", note="different person")
    decide(store, matched["person_id"], "accept", qid="Q999999999")
    link_project(store, ProjectLink(str(nga_slice), "nga"))  # rerun
    links = db.links(store)
    assert ("tate", first["person_id"]) not in links
    assert links[("tate", matched["person_id"])] == "Q999999999"
    assert first["person_id"] not in {r["person_id"] for r in db.review_queue(store)}
    assert len(db.decisions(store)) == 2


def test_decided_csv_round_trip(store: Store, nga_slice: Path, tmp_path: Path) -> None:
    _tate_linked(store, nga_slice)
    path = tmp_path / "queue.csv"
    n = export_queue(store, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == n > 0
    for r in rows:
        r["verdict"] = "accept"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    assert import_decisions(store, path).applied == n
    assert db.review_queue(store) == []


def test_review_cli(cli: CliRunner, store: Store, nga_slice: Path) -> None:
    _tate_linked(store, nga_slice)
    result = cli.invoke(cli_app(), ["link", "review", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "collection" in result.output and "to review" in result.output
    pid = db.review_queue(store)[0]["person_id"]
    assert cli.invoke(cli_app(), ["link", "reject", pid]).exit_code == 0
    assert cli.invoke(cli_app(), ["link", "accept", "no-such-person"]).exit_code != 0


def cli_app():  # type: ignore[no-untyped-def]
    return cli


def test_the_next_candidates_are_kept_beside_the_best(store: Store, nga_slice: Path) -> None:
    """The link queue may offer another candidate: the run keeps up to four, best first, with evidence."""
    from glamwiki.linking.matcher import OTHERS

    _tate_linked(store, nga_slice)
    rows = [r for r in db.match_rows(store) if r["evidence"].get("others")]
    assert rows, "some Tate people have more than one NGA candidate"
    for r in rows:
        others = r["evidence"]["others"]
        assert 1 <= len(others) <= OTHERS and r["authority_id"] not in {o["authority_id"] for o in others}
        chances = [o["probability"] for o in others]
        assert chances == sorted(chances, reverse=True) and chances[0] <= r["probability"]
        assert all(o["candidate"]["name"] and "name" in o["features"] for o in others)


def test_proposing_a_new_item_rejects_the_link_and_records_the_proposal(store: Store, nga_slice: Path) -> None:
    from glamwiki.errors import StaleDecision
    from glamwiki.linking.project_flow import NEW_ITEM, propose_new_item
    from glamwiki.store.decisions import latest_of_field

    _tate_linked(store, nga_slice)
    first, second = db.review_queue(store)[:2]
    propose_new_item(store, first["person_id"], "tate", "nga", "alice", "another painter", expected=0)
    [proposal] = latest_of_field(store, "link", NEW_ITEM)
    assert (proposal.subject, proposal.value, proposal.actor) == (first["person_id"], "proposed", "alice")
    assert db.links(store).get(("tate", first["person_id"])) is None
    decide(store, second["person_id"], "accept", by="bob")  # meanwhile: bob takes the candidate
    with pytest.raises(StaleDecision):
        propose_new_item(store, second["person_id"], "tate", "nga", "alice", expected=0)
    assert [p.subject for p in latest_of_field(store, "link", NEW_ITEM)] == [first["person_id"]]
