"""CSV, TSV, XLSX, JSON and JSON Lines through a mapping file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import openpyxl

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.model.records import ObjectRecord
from glamwiki.store import Store
from glamwiki.store.records import get_record, iter_records

from .helpers import HEADER, ROWS, write_csv, write_mapping


def objects(store: Store) -> dict[str, ObjectRecord]:
    return {r.id: r for _, r in iter_records(store, "object")}  # type: ignore[misc]


def check_three(store: Store) -> None:
    found = objects(store)
    assert sorted(found) == ["M.1", "M.2", "M.3"]
    harbour = found["M.1"]
    assert harbour.title == "The Harbour" and harbour.institution == "Test Museum"
    assert (harbour.date.earliest_year, harbour.date.latest_year) == (1845, 1855)
    assert [s.text for s in harbour.subjects] == ["sea", "boats"]
    assert harbour.identifiers == {"wikidata": "Q1"}
    assert harbour.form == "2D"
    lady = found["M.2"]
    assert lady.creators[0].attribution == "attributed to" and lady.creators[0].name == "John Doe"
    assert lady.form == "photograph" and lady.rights_statement == "CC0"
    hands = found["M.3"]
    assert [(c.name, c.death.latest_year) for c in hands.creators] == [("Ann Lee", 1980), ("Bob Lee", 1990)]
    assert hands.form == "3D"


def test_csv(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv")
    summary = ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert (summary.objects, summary.errors, summary.warnings) == (3, 0, 0)
    check_three(store)


def test_tsv(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.tsv", delimiter="\t")
    ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    check_three(store)


def test_xlsx(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.append([None] * len(HEADER))  # an empty row at the end, as spreadsheets have
    book.save(tmp_path / "export.xlsx")
    summary = ingest(store, str(tmp_path / "export.xlsx"), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.objects == 3 and summary.errors == 0
    check_three(store)
    assert get_record(store, "M.1")[0][1].source.locator == "row 2"  # type: ignore[union-attr]


def test_json_array_and_jsonl_gz(store: Store, tmp_path: Path) -> None:
    records = [dict(zip(HEADER, row, strict=True)) for row in ROWS]
    (tmp_path / "export.json").write_text(json.dumps(records), encoding="utf-8")
    summary = ingest(store, str(tmp_path / "export.json"), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.objects == 3
    check_three(store)
    with gzip.open(tmp_path / "more.jsonl.gz", "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({**r, "accession_number": r["accession_number"] + "b"}) + "\n")
    summary = ingest(
        store, str(tmp_path / "more.jsonl.gz"), dataset="m", profile=load_mapping(tmp_path / "mapping.toml")
    )
    assert summary.objects == 3
    assert "M.1b" in objects(store)


def test_local_images_inside_the_folder_are_kept(store: Store, tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "m1.jpg").write_bytes(b"\xff\xd8\xff\xe0fake")
    rows = [list(ROWS[0])]
    rows[0][5] = "images/m1.jpg"
    path = write_csv(tmp_path / "export.csv", rows)
    summary = ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.warnings == 0
    image = objects(store)["M.1"].images[0]
    assert image.kind == "file" and Path(image.location) == (tmp_path / "images" / "m1.jpg").resolve()
