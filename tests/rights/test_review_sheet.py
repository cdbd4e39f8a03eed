"""The curator's sheet: formula-safe catalogue text, ids that survive the round trip, no row lost on import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.rights.cases import person, work, years

from glamwiki.cli import cli
from glamwiki.demo import run_demo
from glamwiki.model.records import CreatorRef
from glamwiki.rights.review import _id, creators_text


def invoke(project: Path, *args: str, code: int = 0) -> str:
    result = CliRunner(env={"GLAMWIKI_PROJECT": str(project)}).invoke(cli, ["rights", *args])
    assert result.exit_code == code, result.output
    return result.output


def test_ids_protected_from_formulas_come_back_unchanged() -> None:
    assert _id({"record_id": "'=HYPERLINK(1)"}, "record_id") == "=HYPERLINK(1)"
    assert _id({"record_id": "'quoted"}, "record_id") == "'quoted"  # a real leading quote is kept
    assert _id({"record_id": " T10769 "}, "record_id") == "T10769"


def test_creators_with_dates_and_roles() -> None:
    engraver = CreatorRef(name="An Engraver", role="artist")
    turner = CreatorRef(name="J. M. W. Turner", role="after", birth=years(1775), death=years(1851))
    assert (
        creators_text(work(years(1830), [engraver, turner]))
        == "An Engraver (artist); J. M. W. Turner (1775-1851; after)"
    )
    assert creators_text(work(years(1830), [person("A. B.", died=1900)])) == "A. B. (-1900)"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = run_demo(tmp_path / "demo").project.root
    invoke(root, "--as-of", "2026-01-01")
    return root


def test_a_row_with_facts_but_no_id_is_reported_not_dropped(project: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "queue.csv"
    invoke(project, "review", "--export", str(sheet))
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    rows[0]["published"] = "no"
    rows[1]["published"] = "yes"
    rows[1]["record_id"] = ""
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = " ".join(invoke(project, "review", "--import", str(sheet), code=2).split())
    assert "row 3: facts filled in but no dataset or record_id" in out and "nothing imported" in out


def test_catalogue_text_cannot_become_a_formula(project: Path, tmp_path: Path) -> None:
    from glamwiki.project import find_project
    from glamwiki.store.records import iter_records

    with find_project(project).open_store() as store:
        titles = {r.title for _, r in iter_records(store, kind="object")}
    sheet = tmp_path / "queue.csv"
    invoke(project, "review", "--export", str(sheet))
    for row in csv.DictReader(sheet.open(encoding="utf-8")):
        for column in ("title", "creators", "medium", "credit_line", "reasons", "date"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))
        assert row["title"] in titles or row["title"][1:] in titles


def _write(sheet: Path, rows: list[dict[str, str]]) -> None:
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_fact_decided_meanwhile_is_a_conflict_and_the_rest_is_applied(project: Path, tmp_path: Path) -> None:
    from glamwiki.project import find_project
    from glamwiki.store.rights import facts_for, save_fact

    sheet = tmp_path / "queue.csv"
    invoke(project, "review", "--export", str(sheet))
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))[:2]
    assert all(r["version"] == "0" for r in rows)
    first, second = ((_id(r, "dataset"), _id(r, "record_id")) for r in rows)
    with find_project(project).open_store() as store:  # a colleague answers the first record meanwhile
        save_fact(store, *first, "published", "yes", actor="bob", source="web")
    rows[0]["published"], rows[0]["creator_death_year"] = "no", "1850"  # same record, another fact too
    rows[1]["published"] = "no"
    _write(sheet, rows)
    out = invoke(project, "review", "--import", str(sheet))
    assert "2 facts stored" in out and f"{sheet.name}, row 2, published:" in out and "yes by bob" in out
    with find_project(project).open_store() as store:
        assert facts_for(store, *first) == {"published": "yes", "creator_death_year": "1850"}
        assert facts_for(store, *second) == {"published": "no"}
