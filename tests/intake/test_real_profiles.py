"""The built-in profiles on the real exports in ../shared/data."""

from __future__ import annotations

import csv
from pathlib import Path

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.store import Store
from glamwiki.store.records import count, get_record


def one(store: Store, local_id: str, kind: str) -> ObjectRecord | Person:
    found = get_record(store, local_id, kind=kind)
    assert len(found) == 1, found
    return found[0][1]


def test_the_whole_tate_export(store: Store, shared_data: Path) -> None:
    summary = ingest(store, str(shared_data / "tate"), dataset="tate", profile=load_named_profile("tate"))
    assert (summary.objects, summary.people, summary.errors) == (69202, 3532, 0)
    assert count(store, "object") == 69202
    assert count(store, "person") == 3532
    art = one(store, "A00001", "object")
    assert isinstance(art, ObjectRecord)
    assert art.title.startswith("A Figure Bowing before a Seated Old Man")
    assert art.creators[0].name == "Robert Blake" and art.creators[0].person_id == "38"
    assert (art.creators[0].birth.earliest_year, art.creators[0].death.latest_year) == (1762, 1787)
    # "support: 394 x 419 mm" is height x width; Tate's JSON height (419) is the width (issue 9)
    assert art.form == "2D" and art.dimensions and (art.dimensions.height, art.dimensions.width) == (394.0, 419.0)
    assert "kneeling" in [s.text for s in art.subjects]
    assert art.date.text == "date not known" and not art.date.is_known
    assert art.source and art.source.locator == "line 1"
    blake = one(store, "38", "person")
    assert isinstance(blake, Person)
    assert (blake.name, blake.sort_name, blake.gender) == ("Robert Blake", "Blake, Robert", "Male")
    assert blake.birth_place == "London, United Kingdom"
    abakanowicz = one(store, "10093", "person")
    assert abakanowicz.gender == "Female" and abakanowicz.birth.earliest_year == 1930
    assert not abakanowicz.death.is_known
    bettes = one(store, "34", "person")  # "active 1531–1570": floruit, not birth and death
    assert not bettes.death.is_known and (bettes.active.earliest_year, bettes.active.latest_year) == (1531, 1570)
    assert one(store, "D36666", "object").creators[0].attribution == "formerly attributed to"


def test_tate_reingest_changes_nothing(store: Store, shared_data: Path) -> None:
    profile = load_named_profile("tate")
    ingest(store, str(shared_data / "tate" / "artist_data.csv"), dataset="tate", profile=profile)
    again = ingest(store, str(shared_data / "tate" / "artist_data.csv"), dataset="tate", profile=profile)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3532)
    assert count(store, "person") == 3532


def test_moma_artists(store: Store, shared_data: Path) -> None:
    path = shared_data / "moma" / "Artists-dev.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    summary = ingest(store, str(path), dataset="moma", profile=load_named_profile("moma"))
    assert summary.people == len(rows) == 7436
    assert summary.errors == 0
    arneson = one(store, "1", "person")
    assert arneson.name == "Robert Arneson" and arneson.nationality == "American"
    assert (arneson.birth.earliest_year, arneson.death.latest_year) == (1930, 1992)
    with_qid = next(r for r in rows if r["Wiki QID"])
    linked = one(store, with_qid["ConstituentID"], "person")
    assert linked.identifiers["wikidata"] == with_qid["Wiki QID"]


def test_nga_constituents_with_alternative_names(store: Store, shared_data: Path) -> None:
    summary = ingest(store, str(shared_data / "nga"), dataset="nga", profile=load_named_profile("nga"))
    assert summary.people == 27438 and summary.errors == 0
    nga = one(store, "12", "person")
    assert nga.kind == "organisation"
    assert nga.identifiers == {"ulan": "500115983", "wikidata": "Q214867"}
    anonymous = one(store, "13", "person")
    assert anonymous.kind == "unknown"
    with (shared_data / "nga" / "constituents_altnames.csv").open(encoding="utf-8") as f:
        alt = [r for r in csv.DictReader(f) if r["nametype"] != "Preferred Name"]
    sample = alt[0]
    person = one(store, sample["constituentid"], "person")
    assert sample["displayname"] in person.alt_names or sample["displayname"] in (person.name, person.sort_name)


def test_carnegie_objects_and_their_creators(store: Store, shared_data: Path) -> None:
    summary = ingest(store, str(shared_data / "cmoa" / "objects.jsonl.gz"), dataset="cmoa",
                     profile=load_named_profile("cmoa"))  # fmt: skip
    assert summary.objects == 28258 and summary.errors == 0
    assert summary.people > 1000
    trees = one(store, "06.16.2", "object")
    assert trees.title == "Old Trees" and trees.date.earliest_year == 1883
    gifford = trees.creators[0]
    assert (gifford.name, gifford.nationality) == ("Robert Swain Gifford", "American")
    assert (gifford.birth.earliest_year, gifford.death.latest_year) == (1840, 1905)
    assert trees.images and trees.images[0].location.startswith("http://collection.cmoa.org/")
    person = one(store, gifford.person_id or "", "person")
    assert person.name == "Robert Swain Gifford"
    textile = one(store, "79.66.115", "object")
    assert (textile.date.earliest_year, textile.date.latest_year) == (1855, 1865)
    assert textile.creators[0].kind == "unknown"  # "unknown Austrian"
