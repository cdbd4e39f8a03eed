"""Creators, floruit and dimensions as intake reads them (issue 9; issue 18 item 9)."""

from __future__ import annotations

from pathlib import Path

from glamwiki.intake.dimensions import from_text, reconcile
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.model.records import UNKNOWN_AGENT, ObjectRecord
from glamwiki.publishing.pages import PageSettings, file_page
from glamwiki.publishing.titles import DEFAULT_PATTERN, pattern_fields, render_pattern
from glamwiki.store import Store
from glamwiki.store.records import iter_records
from glamwiki.store.runs import iter_issues

from .helpers import write_csv

MAPPING = """
[profile]
name = "library"
institution = "Test Library"

[[sources]]
kind = "object"

[sources.fields]
id = "id"
title = "title"
medium = "medium"
dimensions = "dimensions"
height = "height"
width = "width"
unit = "unit"

[sources.creators]
split = ";"
sort_name = "maker"
lifespan = "maker_dates"
role = "maker_role"
"""
HEADER = ["id", "title", "medium", "dimensions", "height", "width", "unit", "maker", "maker_dates", "maker_role"]
ROWS = [
    ["L.1", "The Menai Bridge", "Aquatint", "250 x 400 mm", "250", "400", "mm", "Daniell, William", "1769–1837", ""],
    ["L.2", "A Song Book", "Etching and letterpress", "300 x 200 mm", "200", "300", "mm",
     "Blake, William; Smith, Ann", "1757–1827; active 1780-1800", "artist; author"],
]  # fmt: skip


def _read(store: Store, tmp_path: Path) -> dict[str, ObjectRecord]:
    (tmp_path / "m.toml").write_text(MAPPING, encoding="utf-8")
    path = write_csv(tmp_path / "export.csv", ROWS, HEADER)
    ingest(store, str(path), dataset="lib", profile=load_mapping(tmp_path / "m.toml"))
    return {r.id: r for _, r in iter_records(store, "object")}  # type: ignore[misc]


def test_sort_name_alone_inverted_names_and_floruit_in_rows(store: Store, tmp_path: Path) -> None:
    found = _read(store, tmp_path)
    daniell = found["L.1"].creators[0]
    assert daniell.name == "William Daniell"  # a mapping with only sort_name works (issue 18.9)
    stem = render_pattern(DEFAULT_PATTERN, pattern_fields(found["L.1"], "lib", "Test Library"))
    assert stem.startswith("The Menai Bridge - William Daniell - ")  # natural order in titles
    smith = found["L.2"].creators[1]
    assert smith.name == "Ann Smith" and smith.active.earliest_year == 1780 and smith.active.latest_year == 1800
    assert not smith.death.is_known


def test_author_co_creator_is_not_the_artist(store: Store, tmp_path: Path) -> None:
    from glamwiki.model.rights import UPLOAD, RightsDecision

    record = _read(store, tmp_path)["L.2"]
    record.form = "2D"
    decision = RightsDecision("lib", "L.2", "2026-01-01", UPLOAD, templates=["{{PD-old-100}}"])
    page = file_page(record, decision, PageSettings("Test Library"), {"institution": "Test Library"})
    assert " |artist      = William Blake (1757–1827)" in page
    assert " |author      = Ann Smith (active 1780–1800)" in page


def test_dimension_fields_are_cross_checked_against_the_text(store: Store, tmp_path: Path) -> None:
    found = _read(store, tmp_path)
    assert (found["L.1"].dimensions.height, found["L.1"].dimensions.width) == (250, 400)
    assert (found["L.2"].dimensions.height, found["L.2"].dimensions.width) == (300, 200)
    issues = [i for i in iter_issues(store) if i["field"] == "dimensions"]
    assert [i["locator"] for i in issues] == ["row 3"] and "swapped" in str(issues[0]["message"])


def test_dimensions_text_forms_from_tate() -> None:
    # real dimension texts from Tate's export (A00001, N00319, AR00035, AR00038, P06604)
    assert from_text("support: 394 x 419 mm").height == 394
    frame_first = from_text("frame: 489 x 570 x 58 mm\r\nsupport: 380 x 480 mm")
    assert (frame_first.height, frame_first.width, frame_first.depth) == (380, 480, None)
    assert from_text("object: 1550 x 1320 x 1130 mm, 57 kg").depth == 1130
    assert from_text("Overall display dimensions variable") is None
    only_frame, note = reconcile("frame: 811 x 591 x 31 mm", 591, 811, 31, "mm")
    assert only_frame is not None and only_frame.height is None and note is None  # never the frame as the work


def test_school_dates_are_a_period_not_a_life(store: Store, tmp_path: Path) -> None:
    # Tate's artist_data.csv: "British (?) School 19th century", dates "1800–1899"
    from glamwiki.intake.registry import load_named_profile

    fixture = Path(__file__).parents[1] / "publishing" / "fixtures" / "tate_rules"
    ingest(store, str(fixture), dataset="tate", profile=load_named_profile("tate"))
    school = next(r for _, r in iter_records(store, "person") if r.id == "61")
    assert school.kind == UNKNOWN_AGENT and not school.death.is_known and school.active.latest_year == 1899
    work = next(r for _, r in iter_records(store, "object") if r.id == "N01071")
    assert not work.creators[0].death.is_known
