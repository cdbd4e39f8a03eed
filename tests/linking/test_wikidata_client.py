"""The Wikidata client against recorded responses only (fixtures/wikidata, see its README):
formats, cache, maxlag and rate limits, errors, and Wikidata as the matcher's authority."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glamwiki.linking.entity import from_person
from glamwiki.linking.matcher import MATCH, link
from glamwiki.linking.wikidata.authority import search_candidates
from glamwiki.linking.wikidata.client import MAXLAG, Response, WikidataClient, WikidataError
from glamwiki.linking.wikidata.entities import entity_facts, entity_person, time_interval
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"


class Recorded:
    """A transport that answers from fixture files and remembers what was asked."""

    def __init__(self, answers: dict[tuple[str, str], list[tuple[str, dict[str, str]]]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, dict[str, str], dict[str, str]]] = []

    def __call__(self, method: str, url: str, params: dict[str, str], headers: dict[str, str]) -> Response:
        self.calls.append((url, params, headers))
        key = (params.get("action", "sparql"), params.get("search") or params.get("ids") or "")
        queue = self.answers[key]
        name, extra_headers = queue.pop(0) if len(queue) > 1 else queue[0]
        return Response(200, extra_headers, (FIXTURES / name).read_text(encoding="utf-8"))


def client(tmp_path: Path, answers, sleeps: list[float] | None = None) -> tuple[WikidataClient, Recorded]:  # type: ignore[no-untyped-def]
    rec = Recorded(answers)
    slept = sleeps if sleeps is not None else []
    return WikidataClient(tmp_path / "cache", transport=rec, min_interval=0.0, sleep=slept.append,
                          contact="test@example.org"), rec  # fmt: skip


SEARCH = {("wbsearchentities", "Ger van Elk"): [("wikibase-api-wbsearchentities_ger-van-elk.json", {})],
          ("wbgetentities", "Q827998"): [("wikibase-api-wbgetentities_Q827998.json", {})]}  # fmt: skip


def test_search_and_entities_with_polite_parameters(tmp_path: Path) -> None:
    wd, rec = client(tmp_path, SEARCH)
    hits = wd.search("Ger van Elk")
    assert [h["id"] for h in hits] == ["Q827998"] and hits[0]["match"]["type"] == "label"
    entities = wd.get_entities(["Q827998"])
    assert entities["Q827998"]["labels"]["en"]["value"] == "Ger van Elk"
    for _, params, headers in rec.calls:
        assert params["maxlag"] == str(MAXLAG) and params["format"] == "json"
        assert headers["User-Agent"].startswith("glamwiki/") and "test@example.org" in headers["User-Agent"]


def test_cache_is_persistent(tmp_path: Path) -> None:
    wd, rec = client(tmp_path, SEARCH)
    wd.search("Ger van Elk")
    again, rec2 = client(tmp_path, SEARCH)  # a new client, same cache folder
    assert again.search("Ger van Elk")[0]["id"] == "Q827998"
    assert len(rec.calls) == 1 and rec2.calls == []


def test_maxlag_waits_as_told_then_retries(tmp_path: Path) -> None:
    answers = {("wbsearchentities", "Steve Clark"): [
        ("mediawiki-manual-maxlag-parameter_error.json", {"Retry-After": "7"}),
        ("wikibase-api-wbsearchentities_steve-clark.json", {}),
    ]}  # fmt: skip
    sleeps: list[float] = []
    wd, rec = client(tmp_path, answers, sleeps)
    assert len(wd.search("Steve Clark")) == 2
    assert 7.0 in sleeps and len(rec.calls) == 2


def test_api_errors_become_one_exception(tmp_path: Path) -> None:
    answers = {("wbgetentities", "Q0"): [("mediawiki-api-errors-and-warnings_no-such-entity.json", {})]}
    wd, _ = client(tmp_path, answers)
    with pytest.raises(WikidataError, match="no-such-entity"):
        wd.get_entities(["Q0"])


def test_busy_forever_gives_up(tmp_path: Path) -> None:
    answers = {("wbsearchentities", "x"): [("mediawiki-manual-maxlag-parameter_error.json", {"Retry-After": "1"})]}
    wd, rec = client(tmp_path, answers)
    with pytest.raises(WikidataError, match="busy"):
        wd.search("x")
    assert len(rec.calls) == wd.max_retries + 1


def test_sparql_json_results(tmp_path: Path) -> None:
    answers = {("sparql", ""): [("w3c-sparql11-results-json_select.json", {})]}
    wd, rec = client(tmp_path, answers)
    rows = wd.sparql("SELECT ?item ?itemLabel ?born WHERE { ... }")
    assert rows[0] == {"item": "http://www.wikidata.org/entity/Q827998", "itemLabel": "Ger van Elk",
                       "born": "1941-03-09T00:00:00Z"}  # fmt: skip
    assert "born" not in rows[1]  # unbound variables are left out, as the format says
    assert "maxlag" not in rec.calls[0][1]


def test_min_interval_between_requests(tmp_path: Path) -> None:
    rec = Recorded(SEARCH)
    sleeps: list[float] = []
    wd = WikidataClient(tmp_path / "c", transport=rec, min_interval=30.0, sleep=sleeps.append)
    wd.search("Ger van Elk")
    wd.get_entities(["Q827998"])
    assert sleeps and sleeps[0] > 25


def test_entity_reading_keeps_precision_and_best_rank() -> None:
    entity = json.loads((FIXTURES / "wikibase-api-wbgetentities_Q827998.json").read_text())["entities"]["Q827998"]
    person = entity_person(entity)
    assert person.name == "Ger van Elk" and person.gender == "male" and person.identifiers["wikidata"] == "Q827998"
    assert person.birth.earliest == "1941-03-09" and "ulan" in person.identifiers
    facts = entity_facts(entity)
    assert facts.human and facts.birth_year == 1941 and "enwiki" in facts.sitelinks and facts.has_image
    year = time_interval({"time": "+1450-00-00T00:00:00Z", "precision": 9})
    assert (year.earliest, year.latest) == ("1450-01-01", "1450-12-31")
    century = time_interval({"time": "+1500-00-00T00:00:00Z", "precision": 7})
    assert (century.earliest_year, century.latest_year) == (1401, 1500)


def test_live_wikidata_as_authority_from_recordings(tmp_path: Path) -> None:
    wd, _ = client(
        tmp_path, {**SEARCH, ("wbsearchentities", "ger elk"): [("wikibase-api-wbsearchentities_ger-van-elk.json", {})]}
    )
    born = DateInterval("1941", "1941-01-01", "1941-12-31")
    source = from_person(Person(id="6079", name="Ger van Elk", birth=born, nationality="Dutch"))
    people, facts = search_candidates(wd, [source])
    assert [p.id for p in people] == ["Q827998"] and facts[0].qid == "Q827998"
    result = link([source], [from_person(p) for p in people]).results[0]
    assert result.decision == MATCH and result.best.entity.qid == "Q827998"


def test_fetch_facts_for_linked_items(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.linking.project_flow import fetch_facts
    from glamwiki.store import linking as db

    db.save_decision(store, "m", "6079", "nga", "accept", "", "Q827998")
    wd, rec = client(tmp_path, SEARCH)
    assert fetch_facts(store, wd) == 1
    assert db.entity_facts(store)["Q827998"]["sitelinks"]
    assert fetch_facts(store, wd) == 0 and len(rec.calls) == 1  # recorded ones are not asked again


def test_identifiers_find_items_whatever_the_name(tmp_path: Path) -> None:
    """A ULAN id the catalogue gives finds the item by SPARQL even under a name search misses."""
    answers = {
        ("sparql", ""): [("w3c-sparql11-results-json_ulan.json", {})],
        ("wbsearchentities", "G. van Elk"): [("wikibase-api-wbsearchentities_steve-clark.json", {})],
        ("wbsearchentities", "g elk"): [("wikibase-api-wbsearchentities_steve-clark.json", {})],
        ("wbgetentities", "Q1370741|Q3431192|Q827998"): [("wikibase-api-wbgetentities_Q827998.json", {})],
    }
    wd, rec = client(tmp_path, answers)
    source = from_person(Person(id="1", name="G. van Elk", identifiers={"ulan": "500094334"}))
    people, _ = search_candidates(wd, [source])
    query = next(params["query"] for url, params, _ in rec.calls if "query" in params)
    assert 'VALUES ?value { "500094334" }' in query and "wdt:P245" in query
    result = link([source], [from_person(p) for p in people]).results[0]
    assert result.decision == MATCH and result.best.entity.id == "Q827998" and "agree:ulan" in result.why
