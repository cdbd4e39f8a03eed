"""A date column is catalogue text unless its mapping declares it EDTF (issue 18): "1905-06" is two
years in catalogue text and June 1905 in an EDTF column; a value that could be either is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.errors import ConfigError
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.store import Store
from glamwiki.store.records import get_record
from glamwiki.store.runs import iter_issues

from .helpers import MAPPING, ROWS, write_csv


def _ingest(store: Store, tmp_path: Path, dates: list[str], mapping: str = MAPPING) -> list[dict]:
    rows = [list(r) for r in ROWS]
    for row, date in zip(rows, dates, strict=False):
        row[2] = date
    (tmp_path / "mapping.toml").write_text(mapping, encoding="utf-8")
    ingest(store, str(write_csv(tmp_path / "export.csv", rows)), dataset="m",
           profile=load_mapping(tmp_path / "mapping.toml"))  # fmt: skip
    return list(iter_issues(store))


def _span(store: Store, rid: str) -> tuple[str | None, str | None]:
    date = get_record(store, rid)[0][1].date  # type: ignore[union-attr]
    return date.earliest, date.latest


def test_catalogue_text_reads_hyphenated_years_as_a_range(store: Store, tmp_path: Path) -> None:
    problems = _ingest(store, tmp_path, ["1905-06", "c.1900-10", "1911-12"])
    assert problems == []
    assert _span(store, "M.1") == ("1905-01-01", "1906-12-31")
    assert _span(store, "M.2") == ("1895-01-01", "1915-12-31")
    assert _span(store, "M.3") == ("1911-01-01", "1912-12-31")


def test_an_ambiguous_year_month_is_reported_with_row_and_field(store: Store, tmp_path: Path) -> None:
    [problem] = _ingest(store, tmp_path, ["1985-04"])
    assert (problem["locator"], problem["field"], problem["severity"]) == ("row 2", "date", "warning")
    assert "ambiguous" in problem["message"] and 'format = "edtf"' in problem["message"]
    assert _span(store, "M.1") == ("1985-01-01", "1985-12-31")


def test_a_declared_edtf_column_reads_months(store: Store, tmp_path: Path) -> None:
    mapping = MAPPING.replace('date = "date"', 'date = { path = "date", format = "edtf" }')
    problems = _ingest(store, tmp_path, ["1905-06", "1985-04", "c. 1850"], mapping)
    assert problems == []
    assert _span(store, "M.1") == ("1905-06-01", "1905-06-30")
    assert _span(store, "M.2") == ("1985-04-01", "1985-04-30")
    assert _span(store, "M.3") == ("1845-01-01", "1855-12-31")  # not EDTF: read as catalogue text


def test_a_format_must_be_known_and_on_a_date_field(tmp_path: Path) -> None:
    path = tmp_path / "mapping.toml"
    path.write_text(MAPPING.replace('date = "date"', 'date = { path = "date", format = "iso-ish" }'), encoding="utf-8")
    with pytest.raises(ConfigError, match="format must be one of catalogue, edtf"):
        load_mapping(path)
    path.write_text(MAPPING.replace('medium = "medium"', 'medium = { path = "medium", format = "edtf" }'),
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(ConfigError, match="date fields only"):
        load_mapping(path)


def test_life_dates_without_a_digit_are_no_date_not_a_warning(store: Store, tmp_path: Path) -> None:
    """NGA's displaydate is often a nationality alone ("American"): no date given, nothing to map."""
    rows = [list(r) for r in ROWS]
    rows[0][9], rows[1][9] = "American", "active 14th - 16th centuries"
    (tmp_path / "mapping.toml").write_text(MAPPING, encoding="utf-8")
    ingest(store, str(write_csv(tmp_path / "export.csv", rows)), dataset="m",
           profile=load_mapping(tmp_path / "mapping.toml"))  # fmt: skip
    assert list(iter_issues(store)) == []
