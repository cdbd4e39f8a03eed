"""MARC 21 records (binary), built with pymarc as a library system would export them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pymarc import Field, Record, Subfield

from glamwiki.cli import cli
from glamwiki.intake.ingest import ingest
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.store import Store
from glamwiki.store.records import get_record, iter_records
from glamwiki.store.runs import iter_issues


def record(leader_type: str, fields: list[Field]) -> Record:
    r = Record()
    r.leader = r.leader[:6] + leader_type + r.leader[7:]
    for f in fields:
        r.add_field(f)
    return r


def book() -> Record:
    return record("a", [
        Field(tag="001", data="ocm00012345"),
        Field(tag="008", data="850101s1813    enk           000 1 eng d"),
        Field(tag="020", indicators=[" ", " "], subfields=[Subfield("a", "9780141439518 (pbk.)")]),
        Field(tag="035", indicators=[" ", " "], subfields=[Subfield("a", "(OCoLC)12345")]),
        Field(tag="100", indicators=["1", " "], subfields=[
            Subfield("a", "Austen, Jane,"), Subfield("d", "1775-1817,"), Subfield("e", "author."),
            Subfield("1", "http://www.wikidata.org/entity/Q36322")]),
        Field(tag="245", indicators=["1", "0"], subfields=[Subfield("a", "Pride and prejudice :"),
                                                         Subfield("b", "a novel /"), Subfield("c", "by Jane Austen.")]),
        Field(tag="264", indicators=[" ", "1"], subfields=[Subfield("a", "London :"), Subfield("b", "T. Egerton,"),
                                                         Subfield("c", "1813.")]),
        Field(tag="300", indicators=[" ", " "], subfields=[Subfield("a", "3 volumes ;"), Subfield("c", "18 cm")]),
        Field(tag="540", indicators=[" ", " "], subfields=[Subfield("a", "No known copyright restrictions.")]),
        Field(tag="650", indicators=[" ", "0"], subfields=[Subfield("a", "Courtship"), Subfield("x", "Fiction.")]),
        Field(tag="651", indicators=[" ", "0"], subfields=[Subfield("a", "England")]),
        Field(tag="852", indicators=[" ", " "], subfields=[Subfield("a", "Test Library"), Subfield("h", "PR4034"),
                                                         Subfield("i", ".P7 1813")]),
        Field(tag="856", indicators=["4", "1"], subfields=[Subfield("u", "https://iiif.example.org/iiif/2/p1/info.json")]),
        Field(tag="856", indicators=["4", "2"], subfields=[Subfield("u", "https://catalogue.example.org/record/12345")]),
    ])  # fmt: skip


def letter() -> Record:
    return record("t", [
        Field(tag="001", data="MS-77"),
        Field(tag="008", data="850101i18801882xx            000 0 eng d"),
        Field(tag="100", indicators=["1", " "], subfields=[Subfield("a", "Bell, Gertrude,"),
                                                         Subfield("d", "1868-1926")]),
        Field(tag="245", indicators=["1", "0"], subfields=[Subfield("a", "Letters to her father,"),
                                                         Subfield("f", "1880-1882.")]),
    ])  # fmt: skip


def write(path: Path, records: list[Record], garbage: bytes = b"") -> Path:
    path.write_bytes(b"".join(r.as_marc() for r in records) + garbage)
    return path


def test_marc_records(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "export.mrc", [book(), letter()])
    summary = ingest(store, str(path), dataset="lib", reader="marc")
    assert (summary.objects, summary.people, summary.errors) == (2, 1, 0)
    pride = get_record(store, "ocm00012345", kind="object")[0][1]
    assert isinstance(pride, ObjectRecord)
    assert pride.title == "Pride and prejudice : a novel"
    assert pride.identifiers == {"isbn": "9780141439518", "oclc": "12345"}
    austen = pride.creators[0]
    assert (austen.name, austen.role, austen.identifiers) == ("Jane Austen", "author", {"wikidata": "Q36322"})
    assert (austen.birth.earliest_year, austen.death.latest_year) == (1775, 1817)
    assert pride.published is True and pride.publication_date.earliest_year == 1813 and pride.form == "text"
    assert pride.accession_number == "PR4034 .P7 1813" and pride.institution == "Test Library"
    assert pride.rights_statement == "No known copyright restrictions"
    assert [(s.text, s.kind) for s in pride.subjects] == [("Courtship -- Fiction", "topic"), ("England", "place")]
    assert pride.images[0].kind == "iiif" and pride.images[0].location == "https://iiif.example.org/iiif/2/p1"
    assert pride.url == "https://catalogue.example.org/record/12345"
    person = get_record(store, "Q36322", kind="person")[0][1]
    assert isinstance(person, Person) and person.name == "Jane Austen"
    letters = get_record(store, "MS-77")[0][1]
    assert letters.published is False and not letters.publication_date.is_known  # type: ignore[union-attr]
    assert (letters.date.earliest_year, letters.date.latest_year) == (1880, 1882)  # type: ignore[union-attr]


def test_a_damaged_record_is_reported(store: Store, tmp_path: Path) -> None:
    nameless = record("a", [Field(tag="245", indicators=["0", "0"], subfields=[Subfield("a", "No id")])])
    path = write(tmp_path / "export.mrc", [book(), nameless], garbage=b"01234garbage")
    summary = ingest(store, str(path), dataset="lib", reader="marc")
    assert summary.objects == 1 and summary.errors == 2
    messages = [(i["locator"], i["field"]) for i in iter_issues(store)]
    assert ("record 2", "001") in messages and ("record 3", "leader") in messages
    assert [r.id for _, r in iter_records(store, "object")] == ["ocm00012345"]


def test_marc_is_recognised_by_the_cli(cli: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "export.mrc", [book()])
    result = cli.invoke(cli_app(), ["ingest", str(path), "--dataset", "library"])
    assert result.exit_code == 0, result.output
    assert "1 objects" in result.output


def cli_app():  # type: ignore[no-untyped-def]
    return cli


def test_marcxml_reads_as_binary_marc_does(tmp_path: Path) -> None:
    from pymarc import record_to_xml

    from glamwiki.intake.base import Read
    from glamwiki.intake.registry import sniff_reader
    from glamwiki.intake.stream import read_source

    records = [book(), letter()]
    xml = b"".join(record_to_xml(r, namespace=True) for r in records)
    path = tmp_path / "export.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">'
                     + xml.replace(b' xmlns="http://www.loc.gov/MARC21/slim"', b"") + b"</collection>")  # fmt: skip
    binary = write(tmp_path / "export.mrc", records)
    assert sniff_reader(str(path)) == "marcxml"
    from_xml = [i.record for i in read_source(str(path)) if isinstance(i, Read)]
    from_binary = [i.record for i in read_source(str(binary), reader="marc") if isinstance(i, Read)]
    assert len(from_xml) == len(from_binary) >= 3
    for a, b in zip(from_xml, from_binary, strict=True):
        assert a.__class__ is b.__class__ and a.id == b.id
        if isinstance(a, ObjectRecord) and isinstance(b, ObjectRecord):
            assert (a.titles, a.creators, a.date, a.images) == (b.titles, b.creators, b.date, b.images)
