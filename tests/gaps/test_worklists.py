"""The five worklists, their order and filters, and their three outputs (CSV, wikitext, Dashboard
titles). Worklist 1 reads the rights stage's stored decisions and the publishing stage's state;
worklists 3 to 5 read real Wikidata entities (../shared/data/wikidata/entities.jsonl.gz)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.gaps.outputs import dashboard_titles, wikitext, write_csv
from glamwiki.gaps.summary import gap_report
from glamwiki.gaps.worklist import MISSING_PROPERTIES, NO_ARTICLE, NO_ITEM, PORTRAIT, UPLOAD, Filters
from glamwiki.linking.project_flow import load_facts
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import CreatorRef, ObjectRecord, Person, Subject, Title
from glamwiki.store import Store
from glamwiki.store import linking as links_db

from .helpers import BLOCK, decide, images, on_commons, put

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


def upload_project(store: Store) -> None:
    born = DateInterval("1725", "1725-01-01", "1725-12-31")
    put(store, Person(id="w1", name="Susanna Duncombe", gender="Female", birth_place="London, United Kingdom",
                      url="https://tate.example/artists/w1", birth=born))  # fmt: skip
    put(store, Person(id="w2", name="Gwen John", gender="Female", birth_place="Haverfordwest, Pembrokeshire"))
    put(store, Person(id="w3", name='=HYPERLINK("http://x")', gender="Female", birth_place="Cardiff, United Kingdom"))
    put(store, Person(id="m1", name="J.M.W. Turner", gender="Male"))
    for i in range(4):  # four watercolours, one already on Commons
        put(store, ObjectRecord(id=f"d{i}", creators=[CreatorRef(name="Susanna Duncombe", person_id="w1")],
                                images=images(1), medium="Watercolour on paper"))  # fmt: skip
    put(store, ObjectRecord(id="g1", creators=[CreatorRef(name="Gwen John", person_id="w2")], images=images(4),
                            medium="Oil paint on canvas"))  # fmt: skip
    put(store, ObjectRecord(id="g2", creators=[CreatorRef(name="Gwen John", person_id="w2")], images=images(1)))
    put(store, ObjectRecord(id="x1", creators=[CreatorRef(name="x", person_id="w3")], images=images(1)))
    put(store, ObjectRecord(id="t1", creators=[CreatorRef(name="J.M.W. Turner", person_id="m1")], images=images(1)))
    decide(store, ["d0", "d1", "d2", "d3", "g1", "x1", "t1"])
    decide(store, ["g2"], BLOCK)
    on_commons(store, "d0")


def test_upload_worklist_counts_cleared_files_not_on_commons(store: Store, tmp_path: Path) -> None:
    upload_project(store)
    entries = gap_report(store).worklists[UPLOAD]
    assert [(e.creator.id, e.creator.files_to_upload) for e in entries] == [("w2", 4), ("w1", 3), ("w3", 1)]
    assert entries[1].works == ["d1", "d2", "d3"]  # d0 is on Commons, so not listed
    assert all(e.creator.is_woman for e in entries)  # Turner's cleared file is not on a women's list
    rows = list(csv.DictReader(_csv(entries, tmp_path).open(encoding="utf-8")))
    assert rows[2]["name"].startswith("'=")  # no spreadsheet formula from catalogue text
    assert rows[1]["nation"] == "England" and rows[1]["record_url"] == "https://tate.example/artists/w1"
    text = wikitext(entries, "Upload first")
    assert "[[Gwen John]]" in text and "=HYPERLINK" not in text.replace("&#61;", "=").split("[[")[0]
    assert "[[=" not in text and "{{Q|" not in text
    assert dashboard_titles(entries, UPLOAD).splitlines()[:2] == ["Gwen John", "Susanna Duncombe"]


def _csv(entries: list, tmp_path: Path) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "w.csv"
    write_csv(entries, path)
    return path


def test_filters_by_nation_period_and_medium(store: Store) -> None:
    upload_project(store)
    by = {
        "nation": Filters(nation="Wales"), "country": Filters(nation="GB"), "medium": Filters(medium="watercolour"),
        "period": Filters(period="1700-1799"),
    }  # fmt: skip
    got = {k: [e.creator.id for e in gap_report(store, filters=f).worklists[UPLOAD]] for k, f in by.items()}
    assert got["nation"] == ["w2", "w3"]  # Pembrokeshire and Cardiff are Welsh ISO 3166-2 subdivisions
    assert got["country"] == ["w2", "w1", "w3"]
    assert got["medium"] == ["w1"]
    assert got["period"] == ["w1"]  # born 1725; the others' birth years are not recorded


def test_no_item_worklist_cites_the_record(store: Store) -> None:
    upload_project(store)
    links_db.save_decision(store, "m", "w2", "wikidata", "accept", qid="Q1")
    entries = gap_report(store).worklists[NO_ITEM]
    assert [e.creator.id for e in entries] == ["w1", "w3"]
    says = entries[0].creator.record_says
    assert says.startswith("female") and "born in London, United Kingdom" in says and "4 works" in says
    text = wikitext(entries, "No item")
    assert "[https://tate.example/artists/w1 record] female" in text


WOMEN = {  # real items in the recorded entities: QID -> name
    "Q20683842": "Anca Ramsden", "Q21535906": "Barbara Ramsden", "Q2240672": "Denise Ramsden",
    "Q42417135": "Julie T. Oxford", "Q5257746": "Denise Ramsden", "Q7137312": "Paris Jackson",
    "Q75398578": "Cluny Amelia Macpherson", "Q974910": "Geneviève Cluny",
}  # fmt: skip


def wikidata_project(store: Store, shared: Path) -> None:
    for i, (qid, name) in enumerate(WOMEN.items()):
        put(store, Person(id=f"p{i}", name=name, gender="female"))
        links_db.save_decision(store, "m", f"p{i}", "wikidata", "accept", qid=qid)
    put(store, Person(id="m1", name="A. Painter", gender="male"))
    portraits = [
        ObjectRecord(id="s1", titles=[], creators=[CreatorRef(name="Barbara Ramsden", person_id="p1")],
                     subjects=[Subject("self-portraits")], images=images(1)),
        ObjectRecord(id="s2", creators=[CreatorRef(name="A. Painter", person_id="m1")], images=images(1),
                     subjects=[Subject("portraits")], titles=[Title("Portrait of Geneviève Cluny")]),
        ObjectRecord(id="s3", creators=[CreatorRef(name="Denise Ramsden", person_id="p2")], images=images(1),
                     subjects=[Subject("self-portraits")]),  # she has an image on Wikidata already
    ]  # fmt: skip
    for p in portraits:
        put(store, p)
    decide(store, ["s1", "s2", "s3"])
    load_facts(store, str(shared / "wikidata" / "entities.jsonl.gz"))


def test_wikidata_worklists(store: Store, shared_data: Path) -> None:
    wikidata_project(store, shared_data)
    report = gap_report(store, ["en", "cy", "gd"])
    names = {k: sorted(e.creator.name for e in v) for k, v in report.worklists.items()}
    assert names[NO_ARTICLE] == ["Cluny Amelia Macpherson", "Julie T. Oxford"]  # the two without enwiki
    assert len(names[f"{NO_ARTICLE}:cy"]) == 8 and len(names[f"{NO_ARTICLE}:gd"]) == 8  # none has cy or gd
    jackson = next(e for e in report.worklists[f"{NO_ARTICLE}:cy"] if e.creator.name == "Paris Jackson")
    assert jackson.sitelinks == 23
    missing = {e.creator.qid: e.missing_properties for e in report.worklists[MISSING_PROPERTIES]}
    assert "P18" in missing["Q21535906"] and "P569" not in missing["Q21535906"]
    assert "P106" in missing["Q75398578"]  # no occupation at all
    portrait = {e.creator.name: e.works for e in report.worklists[PORTRAIT]}
    assert portrait == {"Barbara Ramsden": ["s1"], "Geneviève Cluny": ["s2"]}
    assert dashboard_titles(report.worklists[PORTRAIT], PORTRAIT).split() == sorted(
        ["Q21535906", "Q974910"], key=[e.creator.qid for e in report.worklists[PORTRAIT]].index
    )


def test_cli_writes_every_worklist_three_ways(cli: CliRunner, store: Store, tmp_path: Path) -> None:
    upload_project(store)
    out = tmp_path / "lists"
    result = cli.invoke(cli_app(), ["gaps", "--languages", "en,cy", "--out", str(out), "--nation", "England"])
    assert result.exit_code == 0, result.output
    assert (out / "upload.dashboard.txt").read_text() == "Susanna Duncombe\n"
    assert (out / "no-article-cy.wikitext").read_text().startswith("== Women with a Wikidata item but no cy")
    assert "Filtered: nation England." in (out / "upload.wikitext").read_text()  # inert text, left readable
    bad = cli.invoke(cli_app(), ["gaps", "--period", "eighteenth"])
    assert bad.exit_code == 2 and "1800-1899" in bad.output


def cli_app():  # type: ignore[no-untyped-def]
    return cli


def test_catalogue_text_cannot_inject_wikitext(store: Store) -> None:
    for i, name in enumerate(["Ann ~~~~", "{{Delete}} Jane", "Mary [[Evil]]", "Anna ''Bold''", "Zoë O’Neill-Smith"]):
        put(store, Person(id=f"p{i}", name=name, gender="female", biography="x"))
    text = wikitext(gap_report(store).worklists[NO_ITEM], "No item")
    assert "~~~~" not in text and "{{Delete}}" not in text and "[[Evil]]" not in text and "''Bold''" not in text
    assert "[[Zoë O’Neill-Smith]]" in text  # a plain name is a link to the article she could have
    titles = dashboard_titles(gap_report(store).worklists[NO_ITEM], NO_ITEM).splitlines()
    assert titles == ["Zoë O’Neill-Smith"]  # only what is plainly a name becomes a title


def test_the_no_item_sheet_comes_back_as_link_decisions(cli: CliRunner, store: Store, tmp_path: Path) -> None:
    """After the event, the organiser writes the new item's QID and "accept" into the sheet and
    imports it with `glamwiki link review --import`; the next run counts her as linked, even a
    woman known only from an object row."""
    put(store, ObjectRecord(id="ms1", creators=[CreatorRef(name="Bell, Gertrude", gender="female")]))
    out = tmp_path / "lists"
    assert cli.invoke(cli_app(), ["gaps", "--out", str(out)]).exit_code == 0
    rows = list(csv.DictReader((out / "no-item.csv").open(encoding="utf-8")))
    assert [(r["name"], r["source"]) for r in rows] == [("Gertrude Bell", "object records")]
    rows[0].update(qid="Q233365", verdict="accept")
    with (tmp_path / "done.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    imported = cli.invoke(cli_app(), ["link", "review", "--import", str(tmp_path / "done.csv")])
    assert imported.exit_code == 0, imported.output
    report = gap_report(store)
    assert report.worklists[NO_ITEM] == [] and report.steps[1].people == 1  # with a Wikidata item
