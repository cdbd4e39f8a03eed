"""Wikidata items for works (Sum of All Paintings style), from the bundled Tate sample (real Tate
records, CC0): properties, attribution qualifiers, search first (inventory number in the
collection links; a title in the collection holds), both written forms valid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.linking.qs_v1 import check_quickstatements
from tests.linking.wikibase_schema import schema_errors
from tests.localserver import serve

from glamwiki.demo import sample_folder
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.linking.new_items import Refusal
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.search_first import Searcher, SearchFailed
from glamwiki.linking.wikidata.settings import profile_settings
from glamwiki.linking.wikidata.statements import Item, quickstatements, wbeditentity
from glamwiki.linking.work_items import creator_claim, work_item
from glamwiki.linking.works_flow import prepare_work_items
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import CreatorRef, Dimensions, ObjectRecord, Title
from glamwiki.model.rights import RightsDecision
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.records import iter_records

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL

TATE = profile_settings("tate")
FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
NO_STATEMENT = (FIXTURES / "mediawiki-api-search_haswbstatement-none.json").read_text()


def _painting() -> ObjectRecord:
    return ObjectRecord(
        id="T13869", accession_number="T13869", titles=[Title("Dancing Scene in the West Indies")],
        creators=[CreatorRef("Agostino Brunias", person_id="3824", role="artist")],
        date=DateInterval("c.1764–96", "1764-01-01", "1796-12-31"), object_type="painting",
        medium="Oil paint on canvas", dimensions=Dimensions("508 x 660 mm", 660.0, 508.0, None, "mm"),
        url="http://www.tate.org.uk/art/artworks/brunias-dancing-scene-in-the-west-indies-t13869", institution="Tate",
    )  # fmt: skip


def test_a_painting_as_sum_of_all_paintings_models_it() -> None:
    rights = RightsDecision(dataset="tate", record_id="T13869", as_of="2014-01-01", decision="upload",
                            copyright_status="Q19652", determination_method="Q29940705")  # fmt: skip
    item = work_item("tate", _painting(), TATE, {"3824": "Q2826588"}, rights, "Brunias - Dancing Scene.jpg")
    assert isinstance(item, Item)
    claims = {c.prop: c for c in item.claims}
    assert claims["P31"].value == "Q3305213" and claims["P170"].value == "Q2826588"
    assert claims["P195"].value == "Q430682"
    assert claims["P217"].value == "T13869" and [(q.prop, q.value) for q in claims["P217"].qualifiers] == [
        ("P195", "Q430682")]  # fmt: skip
    assert claims["P571"].kind == "somevalue"  # 1764-96: between, not a made-up year
    assert [c.value for c in item.claims if c.prop == "P186"] == ["Q296955", "Q12321255"]  # oil paint, canvas
    assert claims["P2048"].value == (660.0, "Q174789") and claims["P2049"].value == (508.0, "Q174789")
    assert claims["P973"].kind == "url" and claims["P6216"].value == "Q19652"
    assert claims["P18"].value == "Brunias - Dancing Scene.jpg"
    assert item.description == "painting by Agostino Brunias"
    qs = quickstatements(item)
    assert check_quickstatements(qs) == []
    assert "\tP2048\t660U174789\t" in qs and '\tP1476\ten:"Dancing Scene in the West Indies"' in qs
    assert schema_errors(wbeditentity(item)) == []


def test_attributions_are_qualifiers_of_an_unknown_creator() -> None:
    attributed = creator_claim(CreatorRef("Thomas Gainsborough", person_id="1", role="attributed to"), {"1": "Q1"})
    assert attributed.kind == "somevalue" and (attributed.qualifiers[0].prop, attributed.qualifiers[0].value) == (
        "P1773", "Q1")  # fmt: skip
    after = creator_claim(CreatorRef("Rubens", attribution="after"), {})
    assert after.qualifiers[0].prop == "P1877" and after.qualifiers[0].kind == "somevalue"
    workshop = creator_claim(CreatorRef("Rubens", attribution="workshop of", identifiers={"wikidata": "Q5599"}), {})
    assert (workshop.qualifiers[0].prop, workshop.qualifiers[0].value) == ("P1774", "Q5599")
    formerly = creator_claim(CreatorRef("Rubens", person_id="2", role="formerly attributed to"), {"2": "Q5599"})
    assert formerly.kind == "somevalue" and "Q5599" not in [q.value for q in formerly.qualifiers]  # not his work
    unknown = creator_claim(CreatorRef("A. Nobody"), {})
    assert unknown.kind == "somevalue" and (unknown.qualifiers[0].prop, unknown.qualifiers[0].value) == (
        "P1932", "A. Nobody")  # fmt: skip


def test_no_type_mapping_no_item() -> None:
    record = ObjectRecord(id="X1", titles=[Title("Block")], object_type="block for printing")
    refusal = work_item("tate", record, TATE, {})
    assert isinstance(refusal, Refusal) and "object_types" in refusal.why


def test_every_sample_work_is_valid_in_both_forms(store: Store) -> None:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    made = 0
    for ds, record in iter_records(store, kind="object", dataset="tate"):
        item = work_item(ds, record, TATE, {})  # type: ignore[arg-type]
        if isinstance(item, Item):
            made += 1
            assert check_quickstatements(quickstatements(item)) == [], record.id
            if made % 5 == 1:  # the schema check is slow: every fifth work (all of them: benchmarks figures)
                assert schema_errors(wbeditentity(item)) == [], record.id
    assert made > 50


def _found(qid: str) -> bytes:
    return json.dumps({"batchcomplete": "", "query": {"searchinfo": {"totalhits": 1},
                       "search": [{"ns": 0, "title": qid, "pageid": 1}]}}).encode()  # fmt: skip


def _work_entity(qid: str, inventory: str | None) -> dict:  # type: ignore[type-arg]
    """A painting's item as wbgetentities gives it, reduced to what the title check reads (P217)."""
    claims = {"P217": [{"mainsnak": {"snaktype": "value", "property": "P217", "datatype": "string",
                                     "datavalue": {"value": inventory, "type": "string"}},
                        "type": "statement", "rank": "normal"}]} if inventory else {}  # fmt: skip
    return {"type": "item", "id": qid, "labels": {}, "claims": claims}


def _route(path: str, q: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    query = q.get("srsearch", "")
    if q.get("action") == "wbgetentities":
        items = {"Q20000001": _work_entity("Q20000001", None), "Q20000002": _work_entity("Q20000002", "N09999")}
        return 200, {}, json.dumps({"entities": {i: items[i] for i in q["ids"].split("|")}, "success": 1}).encode()
    if 'haswbstatement:"P217=N01254"' in query or (query.startswith('"') and "A Man in a Black Cap" in query):
        return 200, {}, _found("Q20000001")
    if query.startswith('"') and "His First Offence" in query:  # same title, another work (N09999)
        return 200, {}, _found("Q20000002")
    return 200, {}, NO_STATEMENT.encode()


@pytest.fixture
def searcher(tmp_path: Path) -> Iterator[Searcher]:
    with serve(_route) as (base, _):
        yield Searcher(WikidataClient(tmp_path / "cache", api_url=f"{base}/w/api.php", min_interval=0.0))


def test_search_first_links_holds_and_prepares(store: Store, searcher: Searcher) -> None:
    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    with pytest.raises(SearchFailed):
        prepare_work_items(store, Searcher(None), limit=3)
    assert db.work_items(store) == []
    result = prepare_work_items(store, searcher)
    rows = {r["record_id"]: r for r in db.work_items(store)}
    assert result.added == len(db.work_items(store, "prepared")) > 50
    searched = json.loads(next(iter(rows.values()))["search"])["queries"]
    assert any("haswbstatement" in q and "P217=" in q and "P195=Q430682" in q for q in searched)
    assert "N01254" in rows
    assert rows["N01254"]["status"] == "linked" and rows["N01254"]["qid"] == "Q20000001"
    held = [r for r in rows.values() if r["status"] == "held"]
    assert [r["record_id"] for r in held] == ["N01496"]  # a title hit with no inventory number holds
    offence = json.loads(rows["N01567"]["search"])
    assert rows["N01567"]["status"] == "prepared" and "N09999" in offence["ruled_out"]["Q20000002"]
    again = prepare_work_items(store, searcher)
    assert again.added == 0  # journaled: nothing twice


def test_cli_offline_refuses_and_created_is_recorded(cli, store: Store, searcher: Searcher) -> None:  # type: ignore[no-untyped-def]
    from glamwiki.cli import cli as app

    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    result = cli.invoke(app, ["link", "work-items", "--offline", "--limit", "2"])
    assert result.exit_code != 0 and "not searched" in result.output
    prepare_work_items(store, searcher, limit=2)
    first = db.work_items(store, "prepared")[0]
    ok = cli.invoke(app, ["link", "work-items", "--created", "tate", first["record_id"], "Q123"])
    assert ok.exit_code == 0, ok.output
    assert db.work_items(store, "created")[0]["qid"] == "Q123"
    assert cli.invoke(app, ["link", "work-items", "--created", "tate", "nope", "Q1"]).exit_code != 0


def test_a_long_title_is_shortened_for_the_label_only() -> None:
    record = ObjectRecord(id="X2", titles=[Title("word " * 80)], object_type="painting")
    item = work_item("tate", record, TATE, {})
    assert isinstance(item, Item) and len(item.label) <= 250 and item.label.endswith("…")
    assert next(c for c in item.claims if c.prop == "P1476").value[1] == record.title.strip()


def test_image_and_commons_backlink_once_the_file_is_on_commons(store: Store, searcher: Searcher) -> None:
    from tests.linking.qs_v1 import check_quickstatements

    from glamwiki.linking.works_flow import commons_backlinks, published_images
    from glamwiki.publishing.connect import COMMONS_API
    from glamwiki.store import publishing as pub

    ingest(store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"))
    record = next(r for _, r in iter_records(store, kind="object", dataset="tate") if r.id == "N01567")
    pub.save_plan(store, [{"dataset": "tate", "record_id": record.id, "image_index": 0, "status": "planned",
                           "source_kind": "url", "source": "http://example.org/x.jpg", "title": "His First Offence.jpg",
                           "wikitext": "", "sdc": "{}", "rights": "{}"}])  # fmt: skip
    item_id = next(pub.iter_plan(store)).item_id
    with store.transaction():
        pub.put_state(store, pub.FileState(COMMONS_API, item_id, "done", title="His First Offence.jpg", page_id=4242))
    assert published_images(store) == {("tate", "N01567"): "His First Offence.jpg"}
    prepare_work_items(store, searcher, images=published_images(store))
    entity = json.loads(next(r for r in db.work_items(store) if r["record_id"] == "N01567")["entity"])
    p18 = next(c for c in entity["claims"] if c["mainsnak"]["property"] == "P18")
    assert p18["mainsnak"]["datavalue"]["value"] == "His First Offence.jpg"
    assert p18["mainsnak"]["datatype"] == "commonsMedia"
    assert commons_backlinks(store) == []  # no item yet
    db.mark_work_item(store, "tate", "N01567", "created", "Q424242")
    lines = commons_backlinks(store)
    assert lines == ["M4242\tP6243\tQ424242\n"] and check_quickstatements("".join(lines)) == []
