"""The review queue of Wikidata writes: prepared items shown as they would be written (statements
with their references), approved or rejected as decision events (a review made meanwhile refused),
and a ``create-items`` job run by the worker against the stand-in Wikibase of test_create_items on
127.0.0.1 that writes ONLY the approved items, once (a second job writes nothing)."""

from __future__ import annotations

import json

import pytest
from tests.linking.test_create_items import StandIn, _prepared
from tests.localserver import serve
from tests.publishing.conftest import fast_etiquette

from glamwiki.errors import ConfigError, StaleDecision
from glamwiki.linking.item_review import (
    APPROVED,
    REJECTED,
    item_queue,
    queue_write,
    review_item,
    review_items,
    waiting_to_write,
)
from glamwiki.linking.new_items import as_json, new_item, quickstatements
from glamwiki.linking.project_flow import NEW_ITEM, PROPOSED
from glamwiki.linking.wikidata.settings import profile_settings
from glamwiki.linking.wikidata.statements import Item
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person
from glamwiki.project import Project, find_project
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.store import Store, jobs
from glamwiki.store import linking as db
from glamwiki.store.decisions import Decision, record
from glamwiki.worker.loop import Worker
from glamwiki.worker.setup import Setup

pytestmark = pytest.mark.both_backends


def _abakanowicz(store: Store) -> None:
    """A new item as `link new-items` journals it (new_item of a Tate person, with references)."""
    year = DateInterval("1930", "1930-01-01", "1930-12-31")
    woman = Person(id="10093", name="Magdalena Abakanowicz", sort_name="Abakanowicz, Magdalena", gender="Female",
                   birth=year, nationality="Polish", identifiers={"ulan": "500012345"},
                   url="http://www.tate.org.uk/art/artists/magdalena-abakanowicz-10093")  # fmt: skip
    item = new_item("tate", woman, profile_settings("tate"))
    assert isinstance(item, Item)
    with store.transaction():
        db.journal_new_item(store, "tate", "10093", "Magdalena Abakanowicz", as_json(item), quickstatements(item),
                            json.dumps({"queries": []}))  # fmt: skip


def test_items_shown_as_written_and_reviews_refused_when_stale(store: Store) -> None:
    _abakanowicz(store)
    record(store, Decision("link", "tate", "10093", NEW_ITEM, PROPOSED, {}, "carol"))
    record(store, Decision("link", "tate", "77", NEW_ITEM, PROPOSED, {}, "carol"))  # not prepared yet
    q = item_queue(store)
    [card] = q.cards
    assert (card.label, card.description, card.aliases) == ("Magdalena Abakanowicz", "Polish artist, born 1930",
                                                            ["Abakanowicz, Magdalena"])  # fmt: skip
    rows = {s.prop: s for s in card.statements}
    assert rows["P31"].value.startswith("Q5") and rows["P569"].value == "1930" and rows["P245"].value == "500012345"
    refs = dict(rows["P31"].references)
    assert refs["P248 (stated in)"].startswith("Q430682") and refs["P854 (reference url)"].startswith("http://www.tate")
    assert card.state == "waiting" and card.proposed_by == "carol"
    assert [e.subject for e in q.proposed] == ["77"]
    seen = card.version
    review_item(store, "tate", "10093", APPROVED, "alice", seen)
    with pytest.raises(StaleDecision, match="alice"):
        review_item(store, "tate", "10093", REJECTED, "bob", seen)  # bob saw it before alice approved
    with pytest.raises(ConfigError, match="No prepared item"):
        review_item(store, "tate", "77", APPROVED, "alice", 0)
    [card] = item_queue(store).cards
    assert card.state == APPROVED and card.review is not None and card.review.actor == "alice"
    assert card.proposed_by == "carol"


def test_the_job_writes_only_approved_items_once(project: Project) -> None:
    with project.open_store() as store:
        for pid, label in (("138", "William Daniell"), ("140", "John Scarlett Davis"), ("141", "Ann Smith")):
            _prepared(store, pid, label)
        versions = {(c.dataset, c.person_id): c.version for c in item_queue(store).cards}
        review_items(store, {("tate", "138"): versions[("tate", "138")]}, APPROVED, "rita")
        review_item(store, "tate", "140", REJECTED, "rita", versions[("tate", "140")])
        assert waiting_to_write(store) == 1
    stand_in = StandIn()
    bot = Credentials(BOTPASSWORD, "Bot@glamwiki", "s3cret")
    with serve(stand_in) as (base, _):
        with (project.root / "glamwiki.toml").open("a", encoding="utf-8") as fh:
            fh.write(f'\n[linking]\nwikidata_api = "{base}/w/api.php"\n')
        project = find_project(project.root)
        with project.open_store() as store:
            first = queue_write(store, "rita")
        worker = Worker(Setup(project, fallback=lambda job, target: bot, etiquette=fast_etiquette()), name="t:1")
        assert worker.run_queued() == 1
        with project.open_store() as store:
            job = jobs.get(store, first)
            assert job.status == jobs.DONE, job.message
            assert job.message == "1 created" and "s3cret" not in json.dumps(job.params)
            created = {r["person_id"]: r["qid"] for r in db.new_items(store, "created")}
            assert created == {"138": "Q9000"} and db.links(store)[("tate", "138")] == "Q9000"
            assert {r["person_id"] for r in db.new_items(store, "prepared")} == {"140", "141"}
            again = queue_write(store, "rita")
        assert worker.run_queued() == 1
    assert [w["summary"].split(" (")[0] for w in stand_in.writes] == ["glamwiki: new item for tate/138"]
    with project.open_store() as store:
        assert jobs.get(store, again).message == "no approved item to write"


def test_cli_creates_only_approved_items(cli, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.cli import cli as app

    _prepared(store, "138", "William Daniell")
    _prepared(store, "140", "John Scarlett Davis")
    [daniell, _] = item_queue(store).cards
    review_item(store, "tate", "138", APPROVED, "rita", daniell.version)
    monkeypatch.setenv("GLAMWIKI_BOT_USER", "Bot@glamwiki")
    monkeypatch.setenv("GLAMWIKI_BOT_PASSWORD", "s3cret")
    monkeypatch.setenv("GLAMWIKI_CACHE", str(tmp_path))
    stand_in = StandIn()
    with serve(stand_in) as (base, _):
        args = ["link", "create-items", "people", "--api", f"{base}/w/api.php", "--edits-per-minute", "0"]
        result = cli.invoke(app, [*args, "--approved-only"])
        assert result.exit_code == 0, result.output
        assert "1 created" in result.output and len(stand_in.items) == 1
        assert [r["person_id"] for r in db.new_items(store, "prepared")] == ["140"]
        refused = cli.invoke(app, ["link", "create-items", "works", "--approved-only", "--api", f"{base}/w/api.php"])
        assert refused.exit_code != 0 and "for people" in refused.output
