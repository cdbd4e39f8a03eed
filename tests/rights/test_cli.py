"""The rights commands as a user runs them, on a project built from the bundled demo sample."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.demo import sample_folder


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rights") / "demo"
    result = CliRunner().invoke(cli, ["demo", "--output", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    return folder


def run(project: Path, *args: str) -> str:
    result = CliRunner(env={"GLAMWIKI_PROJECT": str(project)}).invoke(cli, ["rights", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_rights_assesses_and_stores_every_record(demo_project: Path) -> None:
    summary = json.loads(run(demo_project, "--as-of", "2026-01-01", "--json"))
    assert summary["assessed"] == 300
    assert set(summary["decisions"]) <= {"upload", "block", "review"}
    assert sum(summary["decisions"].values()) == 300
    assert summary["decisions"]["upload"] > 50 and summary["decisions"]["block"] > 20
    table = run(demo_project, "--as-of", "2026-01-01")
    assert "upload" in table and "300" in table
    status = json.loads(CliRunner(env={"GLAMWIKI_PROJECT": str(demo_project)}).invoke(cli, ["status", "--json"]).output)
    rights = next(s for s in status["stages"] if s["stage"] == "rights")
    assert rights["figures"]["assessed"] == 300


def test_explain_gives_reasons_with_sources(demo_project: Path) -> None:
    text = run(demo_project, "explain", "T10769", "--as-of", "2026-01-01")  # "British (?) School", 1833
    assert "REVIEW" in text and "unknown authorship" in text.lower()
    assert "source: CDPA 1988" in text and "publication date unknown" in text
    missing = CliRunner(env={"GLAMWIKI_PROJECT": str(demo_project)}).invoke(cli, ["rights", "explain", "NOPE"])
    assert missing.exit_code != 0 and "no object record" in missing.output


def test_review_queue_export_fill_import_reassess(demo_project: Path, tmp_path: Path) -> None:
    run(demo_project, "--as-of", "2026-01-01")
    groups = json.loads(run(demo_project, "review", "--json"))
    pub = next(g for g in groups if g["fact"] == "publication_year")
    assert pub["label"] == "publication date unknown" and pub["records"] > 0
    assert "publication date unknown:" in run(demo_project, "review")
    sheet = tmp_path / "queue.csv"
    run(demo_project, "review", "--export", str(sheet), "--fact", "publication_year")
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert len(rows) >= pub["records"] and "publication_year" in rows[0]  # also those a presumption would decide
    assert all("publication date unknown" in r["missing"] for r in rows)
    assert rows[0]["title"] and rows[0]["creators"] and rows[0]["record_link"].startswith("http")
    by_presumption = [g for g in groups if g["fact"].startswith("presumption:")]
    assert by_presumption and all("once approved" in g["label"] for g in by_presumption)
    target = next(r for r in rows if r["record_id"] == "T10769")
    target["published"] = "no"
    filled = tmp_path / "filled.csv"
    with filled.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow(target)
    assert "1 facts stored" in run(demo_project, "review", "--import", str(filled))
    run(demo_project, "--as-of", "2026-01-01")
    text = run(demo_project, "explain", "T10769", "--as-of", "2026-01-01")
    assert "BLOCK" in text and "2039" in text  # unpublished anonymous work: the 2039 rule


def test_pd_day_lists_what_becomes_free(demo_project: Path) -> None:
    data = json.loads(run(demo_project, "pd-day", "--year", "2010", "--json"))
    assert data["year"] == 2010 and data["records"]
    first = data["records"][0]
    assert first["change"] == "uk" and first["record_id"]
    assert "  UK: pd" not in run(demo_project, "explain", first["record_id"], "--as-of", "2009-06-01")
    assert "  UK: pd" in run(demo_project, "explain", first["record_id"], "--as-of", "2010-01-01")
    text = run(demo_project, "pd-day", "--year", "2010")
    assert "Free to upload from 1 January 2010" in text and "PD in the UK from 1 January 2010" in text


def test_assess_path_without_a_project(tmp_path: Path) -> None:
    out = tmp_path / "decisions.csv"
    result = CliRunner().invoke(
        cli,
        ["rights", "assess", str(sample_folder()), "--profile", "tate", "--as-of", "2014-01-01", "--output", str(out)],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 300
    need = {"record_id", "decision", "uk_status", "uk_expires", "us_status", "us_expires", "templates", "reasons"}
    assert need | {"recheck_on"} <= set(rows[0])
    assert {r["decision"] for r in rows} <= {"upload", "block", "review"}
    assert {r["uk_status"] for r in rows} <= {"pd", "copyright", "unknown"}
    ids = {r["record_id"] for r in rows}
    assert "AR00539" in ids and "T10769" in ids  # Tate accession numbers (acno)
    arbus = next(r for r in rows if r["record_id"] == "AR00539")  # Diane Arbus (born New York), d.1971
    # a US work: whether it was published with notice (and renewed) decides it, in the US and by the shorter term
    assert arbus["decision"] == "review" and "us_notice_and_renewal" in arbus["missing_facts"]
    assert "Country of origin US" in arbus["reasons"] and "URAA" not in arbus["reasons"]
    stdout = CliRunner().invoke(cli, ["rights", "assess", str(sample_folder()), "--profile", "tate"])
    assert len(list(csv.DictReader(io.StringIO(stdout.stdout)))) == 300


def test_demo_report_shows_the_rights_breakdown(demo_project: Path) -> None:
    html = (demo_project / "report.html").read_text(encoding="utf-8")
    assert "Rights clearance" in html and "Decisions as of" in html and "Public Domain Day" in html
    section = html[html.index("Rights clearance") :]
    assert "<svg" in section and "upload" in section


def test_review_import_refuses_unusable_values(demo_project: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("dataset,record_id,publication_year,authorship\ntate,T10769,around 1900,someone\n", "utf-8")
    result = CliRunner(env={"GLAMWIKI_PROJECT": str(demo_project)}).invoke(
        cli, ["rights", "review", "--import", str(sheet)]
    )
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "row 2, column publication_year" in text and "nothing imported" in text


def test_review_queue_round_trips_through_excel(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from glamwiki.demo import run_demo

    demo_project = run_demo(tmp_path / "own").project.root  # its own: the module's project has been changed
    run(demo_project, "--as-of", "2026-01-01")
    book_path = tmp_path / "queue.xlsx"
    assert "records written to" in run(demo_project, "review", "--export", str(book_path))
    book = load_workbook(book_path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["dataset", "record_id", "title", "creators"] and "published" in header
    assert {"credit_line", "record_link", "image_link", "missing", "presumption", "medium", "date"} <= set(header)
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in sheet.data_validations.dataValidation}
    published = lists[sheet.cell(1, header.index("published") + 1).column_letter]
    assert published.type == "list" and published.formula1 == '"yes,no"'
    year = lists[sheet.cell(1, header.index("publication_year") + 1).column_letter]
    assert year.type == "custom" and "LEN" in year.formula1
    assert all(c.data_type == "s" for c in sheet[2] if c.value is not None)  # text, never formulas or numbers
    assert sheet.freeze_panes == "C2"
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "T10769")
    row[header.index("published")].value = "no"  # what a curator types in Excel
    book.save(book_path)
    assert "1 facts stored" in run(demo_project, "review", "--import", str(book_path))
    run(demo_project, "--as-of", "2026-01-01")
    assert "BLOCK" in run(demo_project, "explain", "T10769", "--as-of", "2026-01-01")
