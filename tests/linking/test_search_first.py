"""Search before create, through the real Wikidata client against a server on 127.0.0.1 answering
in the documented shapes (fixtures/wikidata, see its README): nobody unsearched is ever proposed,
whoever Wikidata already has is held back, the review queue and accepted links are respected."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.localserver import serve

from glamwiki.demo import sample_folder
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.linking.project_flow import decide
from glamwiki.linking.propose import prepare_new_items
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.recorded import RecordedAnswers
from glamwiki.linking.wikidata.search_first import Searcher, SearchFailed
from glamwiki.model.dates import DateInterval
from glamwiki.store import Store
from glamwiki.store import linking as db

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
NOTHING = (FIXTURES / "wikibase-api-wbsearchentities_none.json").read_bytes()
NO_STATEMENT = (FIXTURES / "mediawiki-api-search_haswbstatement-none.json").read_bytes()
HAS_TATE_ID = (FIXTURES / "mediawiki-api-search_haswbstatement-P2741-1052.json").read_bytes()
CONSTABLE = json.dumps({"searchinfo": {"search": "John Constable"}, "search": [
    {"id": "Q159758", "title": "Q159758", "pageid": 0, "concepturi": "http://www.wikidata.org/entity/Q159758",
     "repository": "wikidata", "url": "//www.wikidata.org/wiki/Q159758", "label": "John Constable",
     "description": "English landscape painter", "match": {"type": "label", "language": "en", "text": "John Constable"}}
], "success": 1}).encode()  # fmt: skip
# P2741 as wbgetentities gives a property: shaped like the real P2427 (fixtures/wikidata), the format
# being the digits-only form of the real Tate artist ids in ../shared/data/wikidata ("1052", "18368").
TATE_ID_PROPERTY = json.dumps({"entities": {"P2741": {"type": "property", "datatype": "external-id", "id": "P2741",
    "labels": {"en": {"language": "en", "value": "Tate artist ID"}}, "claims": {"P2302": [{"mainsnak": {
        "snaktype": "value", "property": "P2302", "datatype": "wikibase-item", "datavalue": {"value": {
            "entity-type": "item", "numeric-id": 21502404, "id": "Q21502404"}, "type": "wikibase-entityid"}},
        "type": "statement", "rank": "normal", "qualifiers": {"P1793": [{"snaktype": "value", "property": "P1793",
            "datatype": "string", "datavalue": {"value": "[1-9]\\d*", "type": "string"}}]}}]}}},
    "success": 1}).encode()  # fmt: skip
# John Constable's item as wbgetentities gives it, reduced to what the search-first check reads.
CONSTABLE_ITEM = json.dumps({"entities": {"Q159758": {"type": "item", "id": "Q159758",
    "labels": {"en": {"language": "en", "value": "John Constable"}}, "claims": {
        "P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datatype": "wikibase-item", "datavalue": {
            "value": {"entity-type": "item", "numeric-id": 5, "id": "Q5"}, "type": "wikibase-entityid"}},
            "type": "statement", "rank": "normal"}],
        "P569": [{"mainsnak": {"snaktype": "value", "property": "P569", "datatype": "time", "datavalue": {"value": {
            "time": "+1776-06-11T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11,
            "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}},
            "type": "statement", "rank": "normal"}]}}}, "success": 1}).encode()  # fmt: skip
PEOPLE = {"108": "John Constable", "138": "William Daniell", "140": "John Scarlett Davis", "186": "John Flaxman"}


def route(path: str, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if q.get("action") == "query" and q.get("list") == "search":
        return 200, headers, HAS_TATE_ID if "P2741=186" in q["srsearch"] else NO_STATEMENT
    if q.get("action") == "wbgetentities" and q.get("ids") == "P2741":
        return 200, headers, TATE_ID_PROPERTY
    if q.get("action") == "wbgetentities" and q.get("ids") == "Q159758":
        return 200, headers, CONSTABLE_ITEM
    if q.get("action") == "wbsearchentities":
        if "Davis" in q["search"]:
            return 500, headers, b"internal error"
        return 200, headers, CONSTABLE if "Constable" in q["search"] else NOTHING
    return 400, headers, b"{}"


@pytest.fixture
def wikidata(tmp_path: Path) -> Iterator[tuple[Searcher, list]]:
    with serve(route) as (base, requests):
        client = WikidataClient(tmp_path / "cache", api_url=f"{base}/w/api.php", min_interval=0.0, max_retries=0)
        yield Searcher(client), requests


def _unmatched(store: Store, people: dict[str, str], decision: str = "none", qid: str = "") -> None:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    with store.transaction():
        run = db.start_run(store, "tate", "wikidata", {}, {})
        rows = [{"person_id": pid, "authority_id": qid, "qid": qid, "probability": 0.6 if qid else 0.0,
                 "decision": decision, "evidence": {"source": {"name": name}}}
                for pid, name in people.items()]  # fmt: skip
        db.save_matches(store, run, "tate", "wikidata", rows)


def test_offline_refuses_and_proposes_nobody(store: Store) -> None:
    _unmatched(store, {"138": PEOPLE["138"]})
    with pytest.raises(SearchFailed, match="not searched"):
        prepare_new_items(store, Searcher(None))
    assert db.new_items(store) == []


def test_found_people_are_held_and_the_rest_searched_on_every_form(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    searcher, requests = wikidata
    _unmatched(store, {k: v for k, v in PEOPLE.items() if k != "140"})
    result = prepare_new_items(store, searcher)
    assert result.added == 1 and result.waiting == 1
    assert {h["person_id"]: h["by_id"] for h in result.held} == {"108": False, "186": True}
    daniell = db.new_items(store, "prepared")[0]
    assert daniell["person_id"] == "138"
    asked = json.loads(daniell["search"])["queries"]
    assert 'list=search haswbstatement:"P2741=138"' in asked
    assert {"wbsearchentities William Daniell", "wbsearchentities Daniell, William"} <= set(asked)
    sent = [q for _, q, _ in requests]
    assert all(q["maxlag"] == "5" for q in sent)
    assert any(q.get("srsearch") == 'haswbstatement:"P2741=138"' for q in sent)
    assert '"P2741"' in daniell["entity"] and "P1795" not in daniell["entity"]


def test_a_failed_search_refuses(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    searcher, _ = wikidata
    _unmatched(store, {"140": PEOPLE["140"]})
    with pytest.raises(SearchFailed, match="John Scarlett Davis"):
        prepare_new_items(store, searcher)
    assert db.new_items(store) == []


def test_review_queue_and_accept(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    searcher, _ = wikidata
    _unmatched(store, {"108": PEOPLE["108"]}, decision="review", qid="Q159758")
    assert prepare_new_items(store, searcher).added == 0  # a candidate with a QID waits for a person
    decide(store, "108", "reject", note="another John Constable")
    result = prepare_new_items(store, searcher)  # a person looked: name hits no longer hold him back
    assert result.added == 1 and not result.held
    decide(store, "108", "accept", qid="Q159758")  # accepted after all: the item goes at once
    assert db.new_items(store, "prepared") == []
    assert db.new_items(store, "withdrawn")[0]["qid"] == "Q159758"


def test_recorded_answers_file(store: Store, tmp_path: Path) -> None:
    _unmatched(store, {"138": PEOPLE["138"]})
    nothing = json.loads(NOTHING)
    lines = [{"request": {"action": "wbgetentities", "ids": "P2741"}, "answer": json.loads(TATE_ID_PROPERTY)},
             {"request": {"action": "query", "srsearch": 'haswbstatement:"P2741=138"'},
              "answer": json.loads(NO_STATEMENT)},
             {"request": {"action": "wbsearchentities", "search": "William Daniell"}, "answer": nothing}]  # fmt: skip
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    client = WikidataClient(tmp_path / "c", transport=RecordedAnswers(path), min_interval=0.0)
    with pytest.raises(SearchFailed, match="Daniell, William"):  # one name form was not recorded
        prepare_new_items(store, Searcher(client))
    lines.append({"request": {"action": "wbsearchentities", "search": "Daniell, William"}, "answer": nothing})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    client = WikidataClient(tmp_path / "c2", transport=RecordedAnswers(path), min_interval=0.0)
    assert prepare_new_items(store, Searcher(client)).added == 1


def test_rerun_prepares_nobody_twice_and_created_items_link(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.linking.propose import record_created

    searcher, requests = wikidata
    _unmatched(store, {"138": PEOPLE["138"]})
    assert prepare_new_items(store, searcher).added == 1
    asked = len(requests)
    again = prepare_new_items(store, searcher)
    assert (again.added, again.waiting) == (0, 1) and len(requests) == asked  # journaled: not searched again
    record_created(store, "tate", "138", "Q123456789")
    assert db.links(store)[("tate", "138")] == "Q123456789"
    assert prepare_new_items(store, searcher).waiting == 0


def test_cli_refuses_offline(cli, store: Store) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.cli import cli as app

    _unmatched(store, {"138": PEOPLE["138"]})
    result = cli.invoke(app, ["link", "new-items", "--offline", "--quickstatements", "qs.txt"])
    assert result.exit_code != 0 and "not searched" in result.output
    assert not Path("qs.txt").exists()


def test_a_weak_matcher_candidate_holds_until_rejected(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    searcher, _ = wikidata
    _unmatched(store, {"138": PEOPLE["138"]}, decision="none", qid="Q7000000")
    result = prepare_new_items(store, searcher)
    assert result.added == 0 and result.held[0]["found"] == ["Q7000000"]
    decide(store, "138", "reject")
    assert prepare_new_items(store, searcher).added == 1


def test_the_id_property_is_checked_on_wikidata(tmp_path: Path) -> None:
    """Its format constraint read from the real property entity P2427 (GRID ID), as wbgetentities gives it."""
    from glamwiki.errors import ConfigError
    from glamwiki.linking.wikidata.properties import format_patterns, verified
    from glamwiki.linking.wikidata.settings import IdProperty

    answer = json.loads((FIXTURES / "wikibase-api-wbgetentities_P2427.json").read_text())
    assert format_patterns(answer["entities"]["P2427"]) == [r"grid\.\d{4,6}\.[0-9a-f]{1,2}"]
    lines = [{"request": {"action": "wbgetentities", "ids": "P2427"}, "answer": answer},
             {"request": {"action": "wbgetentities", "ids": "P571"}, "answer": {"entities": {"P571": {
                 "type": "property", "datatype": "time", "id": "P571"}}}}]  # fmt: skip
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    client = WikidataClient(tmp_path / "c", transport=RecordedAnswers(path), min_interval=0.0)
    spec, label = verified(client, IdProperty("P2427", "id", r"\d+"), "mapping.toml")
    assert label == "GRID ID" and spec.problem("grid.1234.5") is None and spec.problem("1234")
    with pytest.raises(ConfigError, match="not an external identifier"):
        verified(client, IdProperty("P571"), "mapping.toml")


@pytest.mark.parametrize(("born", "held"), [("1850", False), ("1943", True), ("", True)])
def test_namesakes_whose_dates_conflict_do_not_hold(tmp_path: Path, born: str, held: bool) -> None:
    """The real "Steve Clark" items (born 1943 and 1986): neither can be a Steve Clark born in 1850."""
    from glamwiki.model.records import Person

    found = json.loads((FIXTURES / "wikibase-api-wbsearchentities_steve-clark.json").read_text())
    items = json.loads((FIXTURES / "wikibase-api-wbgetentities_steve-clark.json").read_text())
    lines = [
        {"request": {"action": "wbsearchentities", "search": "Steve Clark"}, "answer": found},
        {"request": {"action": "wbgetentities", "ids": "Q1370741|Q3431192"}, "answer": items},
    ]
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    searcher = Searcher(WikidataClient(tmp_path / "c", transport=RecordedAnswers(path), min_interval=0.0))
    searched = searcher.person(["Steve Clark"], None)
    assert searched.by_name == ["Q1370741", "Q3431192"]
    birth = DateInterval(born, f"{born}-01-01", f"{born}-12-31") if born else DateInterval()
    searcher.rule_out(searched, Person(id="1", name="Steve Clark", birth=birth))
    assert bool(searched.by_name) is held
    if not held:
        assert set(searched.ruled_out) == {"Q1370741", "Q3431192"} and "birth 1943" in searched.ruled_out["Q1370741"]


def test_an_accept_imported_from_the_review_sheet_withdraws_at_once(store: Store, wikidata, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.linking.project_flow import import_decisions

    searcher, _ = wikidata
    _unmatched(store, {"138": PEOPLE["138"]})
    assert prepare_new_items(store, searcher).added == 1
    sheet = tmp_path / "decided.csv"
    sheet.write_text("dataset,person_id,authority,qid,verdict\ntate,138,wikidata,Q7766554,accept\n", encoding="utf-8")
    assert import_decisions(store, sheet).applied == 1
    assert db.new_items(store, "prepared") == [] and db.new_items(store, "withdrawn")[0]["qid"] == "Q7766554"


def test_status_counts_the_new_items(store: Store, wikidata) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.status import project_status

    searcher, _ = wikidata
    _unmatched(store, {"138": PEOPLE["138"]})
    prepare_new_items(store, searcher)
    status = {s.stage: s for s in project_status(store)}["linking"]
    assert "new Wikidata items: 1 person prepared" in status.summary
