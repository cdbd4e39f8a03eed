"""LIDO and TEI readers on the real files in the shared data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glamwiki.intake.base import Issue, Read
from glamwiki.intake.stream import read_source
from glamwiki.model.records import FORM_2D, FORM_TEXT, ObjectRecord, Person


def read(path: Path, reader: str) -> tuple[list[ObjectRecord], list[Person], list[Issue]]:
    items = list(read_source(str(path), reader=reader))
    reads = [i.record for i in items if isinstance(i, Read)]
    return (
        [r for r in reads if isinstance(r, ObjectRecord)],
        [r for r in reads if isinstance(r, Person)],
        [i for i in items if isinstance(i, Issue)],
    )


def lido_files(data: Path) -> list[Path]:
    return sorted([*(data / "lido").glob("*.xml"), *(data / "lido" / "ddb").glob("*.xml")])


def test_every_real_lido_file_reads_every_record(shared_data: Path) -> None:
    files = lido_files(shared_data)
    assert len(files) >= 25
    for path in files:
        objects, _, issues = read(path, "lido")
        expected = len(re.findall(rb"<(?:lido:)?lido[\s>]", path.read_bytes()))
        assert len(objects) == expected, path.name
        assert not [i for i in issues if i.severity == "error"], path.name
        assert all(o.id and o.source and o.source.file == str(path) for o in objects)


def test_lido_minimal_record_fields(shared_data: Path) -> None:
    (obj,), people, _ = read(shared_data / "lido" / "minimaldatensatz.xml", "lido")
    assert obj.id == "DE-MUS-059918/dc00018494"
    assert obj.accession_number == "1977.20"
    assert obj.institution == "Museum für Kunst und Gewerbe Hamburg"
    assert [c.name for c in obj.creators] == ["Giacomo Fiammingo", "Giovanni Battista de Curtis", "Januarius Picicaro"]
    assert obj.creators[0].identifiers == {"gnd": "1229708928"}
    assert obj.creators[2].identifiers == {"viaf": "89840489"}
    assert (obj.date.text, obj.date.earliest, obj.date.latest) == ("um 1600", "1596-01-01", "1605-12-31")
    assert obj.dimensions is not None and (obj.dimensions.height, obj.dimensions.width) == (106.0, 101.1)
    assert obj.images[0].rights == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert obj.rights_statement is None  # the record's own CC0 is about the metadata, not the work
    assert {p.id for p in people} == {"gnd:1229708928", "gnd:161108342", "viaf:89840489"}


def test_lido_1_1_skos_terms_and_life_dates(shared_data: Path) -> None:
    (obj,), people, _ = read(shared_data / "lido" / "LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml", "lido")
    assert obj.title == "La Primavera"
    assert {t.lang for t in obj.titles} >= {"it", "en", "de"}
    (botticelli,) = [c for c in obj.creators if "Botticelli" in c.name]
    assert botticelli.identifiers["ulan"] == "500015254"
    assert botticelli.gender == "Male"
    assert botticelli.birth.earliest_year == 1445 and botticelli.death.latest == "1510-05-17"
    assert obj.rights_statement == "http://rightsstatements.org/vocab/NoC-OKLR/1.0/"
    assert obj.form == FORM_2D
    assert any(p.identifiers.get("ulan") == "500015254" for p in people)


def test_lido_1_0_and_1_1_of_the_same_object_agree(shared_data: Path) -> None:
    (old,), _, _ = read(shared_data / "lido" / "LIDO-Example_FMobj00154983-LaPrimavera.xml", "lido")
    (new,), _, _ = read(shared_data / "lido" / "LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml", "lido")
    assert old.id == new.id
    assert old.accession_number == new.accession_number
    assert [c.name for c in old.creators][:1] == [c.name for c in new.creators][:1] == ["Sandro Botticelli"]


def test_every_real_tei_description_reads(shared_data: Path) -> None:
    files = sorted((shared_data / "tei-wellcome").glob("*.xml"))
    assert len(files) == 60
    ids = set()
    for path in files:
        (obj,), _, issues = read(path, "tei")
        assert not [i for i in issues if i.severity == "error"], path.name
        assert obj.form == FORM_TEXT and obj.published is False
        assert obj.title
        ids.add(obj.id)
    assert len(ids) == 60


def test_tei_takes_the_gregorian_date_not_the_other_calendar(shared_data: Path) -> None:
    (obj,), _, _ = read(shared_data / "tei-wellcome" / "E.11.l.xml", "tei")
    assert (obj.date.earliest, obj.date.latest) == ("1867-10-25", "1867-10-25")  # not Vikram Samvat 1924


def test_tei_fields_and_metadata_licence_kept_apart(shared_data: Path) -> None:
    (obj,), _, _ = read(shared_data / "tei-wellcome" / "Egyptian_MS_8.xml", "tei")
    assert obj.accession_number == "Egyptian MS 8"
    assert obj.identifiers["sierra"] == "b32714956"
    assert obj.institution == "Wellcome Collection"
    assert obj.medium == "paper" and obj.languages == ["cop"]
    # two parts: one dated 1863, one "mid nineteenth century" (read since issue 18): the span of both
    assert (obj.date.earliest_year, obj.date.latest_year) == (1830, 1870) and obj.date.contains_year(1863)
    assert obj.rights_statement is None
    (ethiopian,), _, _ = read(shared_data / "tei-wellcome" / "Ethiopian_24.xml", "tei")
    assert (ethiopian.date.earliest_year, ethiopian.date.latest_year) == (1700, 1900)
    assert "St. Cyriacus of Behnesa" in [c.name for c in ethiopian.creators]
    assert [c.kind for c in ethiopian.creators if c.name == "Anonymous"] == ["unknown"]


@pytest.mark.parametrize("reader", ["lido", "tei"])
def test_sniffing_picks_the_reader(shared_data: Path, reader: str) -> None:
    from glamwiki.intake.registry import sniff_reader

    path = (
        shared_data / "lido" / "minimaldatensatz.xml"
        if reader == "lido"
        else shared_data / "tei-wellcome" / "E.11.l.xml"
    )
    assert sniff_reader(str(path)) == reader


def test_a_hijri_only_origin_date_counts_in_common_era_years(shared_data: Path, tmp_path: Path) -> None:
    """Wellcome's MS Arabic 189 gives "1146 A.H." and "1733 A.D.": without the Gregorian one, the
    Hijri year alone gives the Common Era years it falls in (issue 18)."""
    real = (shared_data / "tei-wellcome" / "MS_Arabic_189.xml").read_text(encoding="utf-8")
    (both,), _, _ = read(shared_data / "tei-wellcome" / "MS_Arabic_189.xml", "tei")
    assert (both.date.earliest_year, both.date.latest_year) == (1733, 1733)
    hijri_only = tmp_path / "MS_Arabic_189.xml"
    hijri_only.write_text(re.sub(r"\s*<origDate calendar=\"Gregorian\">[^<]*</origDate>", "", real), encoding="utf-8")
    (obj,), _, _ = read(hijri_only, "tei")
    assert (obj.date.earliest_year, obj.date.latest_year) == (1733, 1734) and obj.date.text == "1146 A.H."
