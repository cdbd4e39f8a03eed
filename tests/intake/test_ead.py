"""EAD finding aids: components as records, inheritance from the collection, both versions."""

from __future__ import annotations

from pathlib import Path

from glamwiki.intake.base import Issue, Read
from glamwiki.intake.registry import sniff_reader
from glamwiki.intake.stream import read_source
from glamwiki.model.records import FORM_PHOTOGRAPH, ORGANISATION, ObjectRecord

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> tuple[dict[str, ObjectRecord], list[Issue]]:
    items = list(read_source(str(FIXTURES / name)))
    objs = {i.record.id: i.record for i in items if isinstance(i, Read) and isinstance(i.record, ObjectRecord)}
    warnings = [w for i in items if isinstance(i, Read) for w in i.warnings]
    return objs, [i for i in items if isinstance(i, Issue)] + warnings


def test_ead_2002_components_inherit_creator_and_rights() -> None:
    assert sniff_reader(str(FIXTURES / "ead2002-taglibrary-shape_finding-aid.xml")) == "ead"
    objs, issues = read("ead2002-taglibrary-shape_finding-aid.xml")
    assert set(objs) == {"GB 186 GB", "GB/1", "GB/1/1", "GB/1/1/1", "GB/2", "GB/2/1"}
    letter = objs["GB/1/1/1"]
    assert letter.title == "Letter to Sir Hugh Bell from Gertrude Bell"
    assert (letter.date.earliest, letter.date.latest) == ("1880-03-12", "1880-03-12")
    (bell,) = letter.creators
    assert (bell.name, bell.identifiers, bell.death.latest_year) == ("Gertrude Margaret Lowthian Bell",
                                                                      {"viaf": "34483868"}, 1926)  # fmt: skip
    assert letter.rights_statement == "No known copyright restrictions."
    assert letter.institution == "Newcastle University Special Collections"
    assert letter.extra["parent"] == "GB/1/1" and letter.extra["level"] == "item"
    assert letter.images[0].location == "https://gertrudebell.example.org/images/1.jpg"
    photo = objs["GB/2/1"]
    assert photo.creators[0].kind == ORGANISATION and photo.rights_statement.startswith("Copyright: the Royal")
    assert objs["GB/2"].form == FORM_PHOTOGRAPH
    assert objs["GB 186 GB"].date.earliest_year == 1868 and objs["GB 186 GB"].languages == ["eng"]
    assert [(i.locator, i.field) for i in issues] == [("component 4 (GB/2/1)", "unitdate")]


def test_ead3() -> None:
    objs, issues = read("ead3-taglibrary-shape_small.xml")
    assert not issues
    diary = objs["MS-1/1"]
    assert diary.date.earliest == "1923-05-01" and diary.creators[0].name == "Ada Example"
    assert objs["MS-1"].date.latest_year == 1950
    assert diary.images[0].location == "https://example.org/iiif/ms-1-1.jpg"
