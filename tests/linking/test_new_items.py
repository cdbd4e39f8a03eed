"""New Wikidata items for unmatched people: statements, precision, references, journal."""

from __future__ import annotations

import json
from pathlib import Path

from glamwiki.demo import sample_folder
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.linking.new_items import as_json, new_item, quickstatements, wbeditentity, wikidata_time
from glamwiki.linking.project_flow import ProjectLink, link_project, prepare_new_items, record_created
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person
from glamwiki.store import Store
from glamwiki.store import linking as db


def test_time_precision() -> None:
    assert wikidata_time(DateInterval("12 May 1850", "1850-05-12", "1850-05-12")) == ("+1850-05-12T00:00:00Z", 11)
    assert wikidata_time(DateInterval("1850", "1850-01-01", "1850-12-31")) == ("+1850-00-00T00:00:00Z", 9)
    assert wikidata_time(DateInterval("1850s", "1850-01-01", "1859-12-31")) == ("+1850-00-00T00:00:00Z", 8)
    assert wikidata_time(DateInterval("19th c.", "1801-01-01", "1900-12-31")) == ("+1900-00-00T00:00:00Z", 7)
    assert wikidata_time(DateInterval("c. 1850", "1845-01-01", "1855-12-31", ("circa",))) == (
        "+1850-00-00T00:00:00Z", 9)  # fmt: skip
    assert wikidata_time(DateInterval("1700-1900", "1700-01-01", "1900-12-31")) is None
    assert wikidata_time(DateInterval()) is None


def test_statements_and_references() -> None:
    year = DateInterval("1930", "1930-01-01", "1930-12-31")
    url = "http://www.tate.org.uk/art/artists/magdalena-abakanowicz-10093"
    woman = Person(id="10093", name="Magdalena Abakanowicz", gender="Female", birth=year, nationality="Polish",
                   identifiers={"ulan": "500012345"}, url=url)  # fmt: skip
    item = new_item("tate", woman, retrieved="2026-01-01")
    props = [c.prop for c in item.claims]
    assert props == ["P31", "P21", "P569", "P106", "P245", "P1795"]
    assert item.description == "Polish artist, born 1930"
    unknown = new_item("moma", Person(id="7", name="Someone", gender=None))
    assert "P21" not in [c.prop for c in unknown.claims]  # only when the catalogue states it
    assert ("P2174", "external-id", "7") in [(c.prop, c.kind, c.value) for c in unknown.claims]
    qs = quickstatements(item)
    assert qs.startswith('CREATE\nLAST\tLen\t"Magdalena Abakanowicz"')
    assert 'LAST\tP569\t+1930-00-00T00:00:00Z/9\tS854\t"http://www.tate.org.uk/' in qs
    assert "\tS248\tQ430682\tS813\t+2026-01-01T00:00:00Z/11" in qs
    entity = wbeditentity(item)
    assert entity["labels"]["en"]["value"] == "Magdalena Abakanowicz"
    p21 = next(c for c in entity["claims"] if c["mainsnak"]["property"] == "P21")
    assert p21["mainsnak"]["datavalue"]["value"]["id"] == "Q6581072"
    assert set(p21["references"][0]["snaks"]) == {"P854", "P248", "P813"}
    assert json.loads(as_json(item)) == entity


def test_journal_prepares_nobody_twice_and_records_created(store: Store, shared_data: Path) -> None:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    link_project(store, ProjectLink(str(shared_data / "wikidata" / "entities.jsonl.gz"), "wikidata"))
    added, total = prepare_new_items(store)
    assert added == total > 50
    assert prepare_new_items(store) == (0, total)  # rerun: nothing twice
    first = db.new_items(store, "prepared")[0]
    record_created(store, first["dataset"], first["person_id"], "Q123456789")
    assert db.links(store)[(first["dataset"], first["person_id"])] == "Q123456789"
    assert len(db.new_items(store, "prepared")) == total - 1
    assert prepare_new_items(store) == (0, total - 1)


def test_other_authorities_do_not_make_items(store: Store, tmp_path: Path) -> None:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    (tmp_path / "constituents.csv").write_text("constituentid,forwarddisplayname,preferreddisplayname\n1,X,X\n")
    link_project(store, ProjectLink(str(tmp_path), "nga"))
    assert prepare_new_items(store) == (0, 0)
