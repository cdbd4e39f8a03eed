"""Bad input: each problem is recorded with file, row and field, and the rest goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.store import Store
from glamwiki.store.records import count, get_record
from glamwiki.store.runs import iter_issues

from .helpers import HEADER, ROWS, write_csv, write_mapping


def issues(store: Store) -> list[dict]:
    return list(iter_issues(store))


def run(store: Store, tmp_path: Path, source: Path | str):  # type: ignore[no-untyped-def]
    return ingest(store, str(source), dataset="m", profile=load_mapping(write_mapping(tmp_path)))


def test_a_malformed_row_is_skipped_and_named(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    write_csv(path)
    text = path.read_text(encoding="utf-8").splitlines()
    text.insert(2, "M.X,only three,fields")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    summary = run(store, tmp_path, path)
    assert summary.objects == 3 and summary.errors == 1
    [problem] = issues(store)
    assert (problem["file"], problem["locator"], problem["severity"]) == (str(path), "row 3", "error")
    assert "3 fields but the header has 10" in problem["message"]


def test_bad_encoding_names_the_row_and_field(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv")
    text = path.read_text(encoding="utf-8").replace("The Harbour", "Café Harbour")
    path.write_bytes(text.encode("cp1252"))  # a whole export saved as Windows-1252
    summary = run(store, tmp_path, path)
    assert summary.objects == 3 and summary.errors == 0
    encoding = [i for i in issues(store) if "--encoding" in i["message"]]
    found = {(i["locator"], i["field"], i["severity"]) for i in encoding}
    # é in row 2's title; en dashes in the creator dates of rows 2 and 4
    assert found == {("row 2", "title", "warning"), ("row 2", "creator_dates", "warning"),
                     ("row 4", "creator_dates", "warning")}  # fmt: skip
    consequences = [i for i in issues(store) if i not in encoding]
    assert {i["field"] for i in consequences} == {"creators.creator_dates"}  # dates unreadable because of it
    assert get_record(store, "M.1")[0][1].title == "Caf\ufffd Harbour"  # type: ignore[union-attr]
    again = ingest(store, str(path), dataset="m", profile=load_mapping(tmp_path / "mapping.toml"), encoding="cp1252")
    assert again.changed == 2 and again.warnings == 0
    assert get_record(store, "M.1")[0][1].title == "Café Harbour"  # type: ignore[union-attr]


def test_a_missing_required_column_skips_that_file_only(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    write_csv(folder / "a.csv")
    write_csv(folder / "b.csv", [[c for c in r if c != r[1]] for r in ROWS],
              [h for h in HEADER if h != "title"])  # fmt: skip
    summary = run(store, tmp_path, folder)
    assert summary.objects == 3 and summary.errors == 1
    [problem] = issues(store)
    assert problem["file"].endswith("b.csv") and "'title'" in problem["message"]
    assert count(store, "object") == 3


def test_an_empty_required_value_skips_the_row(store: Store, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][1] = "  "
    summary = run(store, tmp_path, write_csv(tmp_path / "export.csv", rows))
    assert summary.objects == 2 and summary.errors == 1
    [problem] = issues(store)
    assert (problem["locator"], problem["field"]) == ("row 3", "title")


def test_an_image_outside_the_collection_folder_is_refused(store: Store, tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"not for the wiki")
    rows = [list(r) for r in ROWS]
    rows[0][5] = "../secret.jpg"
    rows[1][5] = "/etc/passwd"
    folder = tmp_path / "collection"
    summary = run(store, tmp_path, write_csv(folder / "export.csv", rows))
    assert summary.objects == 3 and summary.warnings == 2
    found = {i["locator"]: i for i in issues(store)}
    assert found["row 2"]["field"] == "image" and "outside the collection folder" in found["row 2"]["message"]
    assert "outside the collection folder" in found["row 3"]["message"]
    record = get_record(store, "M.1")[0][1]
    assert record.images == []  # type: ignore[union-attr]


def test_duplicate_ids_keep_the_first_and_report_the_rest(store: Store, tmp_path: Path) -> None:
    rows = [*ROWS, [*ROWS[0][:1], "Another harbour", *ROWS[0][2:]]]
    summary = run(store, tmp_path, write_csv(tmp_path / "export.csv", rows))
    assert summary.objects == 4 and summary.added == 3 and summary.errors == 1
    [problem] = issues(store)
    assert problem["locator"] == "row 5" and "duplicate object id 'M.1'" in problem["message"]
    assert "row 2" in problem["message"]
    assert get_record(store, "M.1")[0][1].title == "The Harbour"  # type: ignore[union-attr]


def test_bad_json_lines_are_skipped(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text('{"accession_number": "J1", "title": "One"}\n{not json\n[1, 2]\n'
                    '{"accession_number": "J2", "title": "Two"}\n', encoding="utf-8")  # fmt: skip
    summary = run(store, tmp_path, path)
    assert summary.objects == 2 and summary.errors == 2
    assert [i["locator"] for i in issues(store)] == ["line 2", "line 3"]


def test_a_file_that_is_not_a_workbook(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_text("this is not a zip file", encoding="utf-8")
    summary = run(store, tmp_path, path)
    assert summary.objects == 0 and summary.errors == 1
    assert "not a readable .xlsx" in issues(store)[0]["message"]


def test_unreadable_dates_are_warnings_and_keep_their_text(store: Store, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][2] = "sometime in the reign of the old king"
    summary = run(store, tmp_path, write_csv(tmp_path / "export.csv", rows))
    assert summary.objects == 3 and summary.warnings == 1
    record = get_record(store, "M.1")[0][1]
    assert record.date.text == "sometime in the reign of the old king" and not record.date.is_known  # type: ignore[union-attr]


def test_a_file_declared_latin1_but_written_in_utf8_is_reported(store: Store, tmp_path: Path) -> None:
    """Issue 15 item 14: read as what it is (not mojibake), and the mismatch reported."""
    path = write_csv(tmp_path / "export.csv")
    text = path.read_text(encoding="utf-8").replace("The Harbour", "Café Harbour")
    path.write_bytes(text.encode("utf-8"))
    ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)), encoding="iso-8859-1")
    assert get_record(store, "M.1")[0][1].title == "Café Harbour"  # type: ignore[union-attr]
    [note] = [i for i in issues(store) if "declared iso-8859-1" in i["message"]]
    assert note["severity"] == "warning" and "lines 2" in note["message"] and "--encoding utf-8" in note["message"]
    plain = write_csv(tmp_path / "latin.csv")
    plain.write_bytes(text.replace("–", "-").encode("iso-8859-1"))  # really Latin-1: nothing to report
    before = len(issues(store))
    ingest(store, str(plain), dataset="n", profile=load_mapping(tmp_path / "mapping.toml"), encoding="iso-8859-1")
    assert len(issues(store)) == before and get_record(store, "M.1", dataset="n")[0][1].title == "Café Harbour"  # type: ignore[union-attr]


LIDO_DECLARED = """<?xml version="1.0" encoding="{declared}"?>
<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">
 <lido:lido><lido:lidoRecID lido:type="local">rec-1</lido:lidoRecID>
  <lido:descriptiveMetadata xml:lang="de"><lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
   <lido:appellationValue>Café an der Müritz</lido:appellationValue>
  </lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap></lido:descriptiveMetadata>
 </lido:lido>
</lido:lidoWrap>
"""


@pytest.mark.parametrize(("declared", "written", "warned"), [("ISO-8859-1", "utf-8", True),
                         ("ISO-8859-1", "iso-8859-1", False), ("windows-1252", "utf-8", True),
                         ("UTF-8", "utf-8", False)])  # fmt: skip
def test_xml_declared_latin1_but_written_in_utf8(tmp_path: Path, declared: str, written: str, warned: bool) -> None:
    """Issue 15 item 14: the text is read as it really is, and a wrong declaration is reported."""
    from glamwiki.intake.base import Read
    from glamwiki.intake.stream import read_source

    path = tmp_path / "lido.xml"
    path.write_bytes(LIDO_DECLARED.format(declared=declared).encode(written))
    items = list(read_source(str(path), reader="lido"))
    [record] = [i.record for i in items if isinstance(i, Read)]
    assert record.title == "Café an der Müritz"
    notes = [i for i in items if not isinstance(i, Read) and "declares encoding" in i.message]
    assert len(notes) == int(warned) and all(n.severity == "warning" for n in notes)
