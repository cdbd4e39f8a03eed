"""The collection audit, the funnel and worklists on a small hand-made project: values kept as
given, small cells suppressed, missing counted, disagreements with Wikidata flagged."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.gaps.audit import COLLECTION, WIKIDATA, audit, gender_disagreements
from glamwiki.gaps.funnel import funnel
from glamwiki.gaps.outputs import wikitext, write_csv
from glamwiki.gaps.people import collect_creators
from glamwiki.gaps.worklist import NO_ITEM, worklist
from glamwiki.linking.wikidata.entities import EntityFacts
from glamwiki.model.codec import encode
from glamwiki.model.records import CreatorRef, ObjectRecord, Person
from glamwiki.store import Store
from glamwiki.store import linking as db


def _put(store: Store, rec: Person | ObjectRecord) -> None:
    kind = "person" if isinstance(rec, Person) else "object"
    store.execute("INSERT OR IGNORE INTO ingest_runs(id, source, reader, dataset) VALUES (1, 'x', 'x', 'm')")
    store.execute(
        "INSERT INTO records(dataset, kind, local_id, data, hash, first_run, last_run)"
        " VALUES ('m', ?, ?, ?, x'00', 1, 1)",
        (kind, rec.id, encode(rec)),
    )


def build(store: Store) -> None:
    genders = ["Female"] * 6 + ["Male"] * 8 + ["Non-binary"] * 2 + [None] * 3
    for i, g in enumerate(genders):
        _put(store, Person(id=f"p{i}", name=f"Artist {i}", gender=g, nationality="British" if i % 2 else None))
        for j in range(i % 3 + 1):
            _put(store, ObjectRecord(id=f"o{i}-{j}", creators=[CreatorRef(name=f"Artist {i}", person_id=f"p{i}")]))
    facts = [
        EntityFacts(
            "Q1",
            human=True,
            citizenship=["Q145"],
            gender=["Q6581072"],
            sitelinks=["enwiki"],
            has_image=True,
            properties=["P18", "P21"],
        ),
        EntityFacts("Q2", human=True, gender=["Q6581072"], sitelinks=["dewiki"], properties=["P21"]),
        EntityFacts(
            "Q3", human=True, gender=["Q6581097"], sitelinks=["enwiki", "cywiki"], properties=["P21"]
        ),  # p2 is female
        EntityFacts("Q4", human=True, gender=["Q48270"], sitelinks=[], properties=["P21"]),
        EntityFacts("Q145", label="United Kingdom"),
    ]
    db.save_entity_facts(store, facts, "test")
    for pid, qid in (("p0", "Q1"), ("p1", "Q2"), ("p2", "Q3"), ("p14", "Q4")):
        db.save_decision(store, "m", pid, "wikidata", "accept", qid=qid)


def test_audit_keeps_values_suppresses_small_cells_and_counts_missing(store: Store) -> None:
    build(store)
    creators = collect_creators(store)
    tables = {(t.dimension, t.source): t for t in audit(creators)}
    coll = {c.value: c for c in tables[("gender", COLLECTION)].cells}
    assert coll["female"].creators == 6 and coll["male"].creators == 8
    assert coll["non-binary"].creators == 2  # kept as itself, not folded into "other"
    assert coll["not recorded"].creators == 3  # missing counted, not dropped
    rows = {r[0]: r for r in tables[("gender", COLLECTION)].rows()}
    assert rows["non-binary"][1] == "<5" and rows["female"][1] == "6"
    wd = {c.value: c.creators for c in tables[("gender", WIKIDATA)].cells}
    assert wd["female"] == 2 and wd["male"] == 1 and wd["non-binary"] == 1 and wd["no item"] == 15
    citizenship = {c.value: c.creators for c in tables[("citizenship (P27)", WIKIDATA)].cells}
    assert "United Kingdom" in citizenship and "Q145" not in citizenship  # a country by name, never a raw QID
    flagged = gender_disagreements(creators)
    assert [(d.creator.id, d.collection, d.wikidata) for d in flagged] == [("p2", "female", "male")]


def test_funnel_and_worklists(store: Store, tmp_path: Path) -> None:
    build(store)
    creators = collect_creators(store)
    steps = {s.label: s for s in funnel(creators, ["en", "cy"])}
    assert steps["in the collection"].people == 19
    assert steps["with a Wikidata item"].people == 4
    assert steps["with a Wikipedia article (en)"].people == 2
    assert steps["with a Wikipedia article (en)"].share_women == 1.0  # p0 and p2: the collection says women
    assert steps["with a Wikipedia article (cy)"].people == 1
    assert steps["with an image (P18)"].people == 1
    work = worklist(creators, language="en")
    assert [e.creator.id for e in work] == ["p1"]  # a woman with an item, no English article
    red = worklist(creators, NO_ITEM)
    assert {e.creator.id for e in red} == {"p3", "p4", "p5"}
    assert [e.creator.works for e in red] == sorted((e.creator.works for e in red), reverse=True)
    path = tmp_path / "w.csv"
    assert write_csv(red, path) == 3
    assert next(iter(csv.DictReader(path.open())))["missing"] == "no Wikidata item"
    text = wikitext(work, "Women without an English article")
    assert text.startswith("== Women") and "{{Q|Q2}}" in text and text.rstrip().endswith("|}")


def test_gaps_cli(cli: CliRunner, store: Store, tmp_path: Path) -> None:
    build(store)
    result = cli.invoke(cli_app(), ["gaps", "--languages", "en,cy,gd", "--worklist", str(tmp_path / "w.csv"),
                                    "--wikitext", str(tmp_path / "w.txt")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Coverage on Wikimedia" in result.output and "(gd)" in result.output
    assert (tmp_path / "w.txt").read_text().count("{{Q|") == 1
    as_json = cli.invoke(cli_app(), ["gaps", "--json"])
    assert '"share_women"' in as_json.output
    assert "United Kingdom" in as_json.output  # P27 shown by the recorded country item's label


def cli_app():  # type: ignore[no-untyped-def]
    return cli
