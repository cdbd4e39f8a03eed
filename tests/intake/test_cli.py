"""The intake commands as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.project import Project

from .helpers import ROWS, write_csv, write_mapping

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


def test_init_makes_a_project(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "my-museum"), "--institution", "My Museum"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "my-museum" / "glamwiki.toml").is_file()
    assert (tmp_path / "my-museum" / "glamwiki.db").is_file()
    settings = (tmp_path / "my-museum" / "glamwiki.toml").read_text().lower()
    assert "password" not in settings and "token" not in settings
    again = CliRunner().invoke(cli, ["init", str(tmp_path / "my-museum")])
    assert again.exit_code == 2 and "already a glamwiki project" in again.output


def test_commands_outside_a_project_say_what_to_do(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = CliRunner(env={"GLAMWIKI_PROJECT": None}).invoke(cli, ["status"])
    assert result.exit_code == 2
    assert "glamwiki init" in result.output


def test_ingest_status_export(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv")
    result = cli.invoke(cli_app(), ["ingest", str(path), "--mapping", str(write_mapping(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["objects"], summary["added"], summary["dataset"]) == (3, 3, "museum")

    status = json.loads(cli.invoke(cli_app(), ["status", "--json"]).output)
    intake = next(s for s in status["stages"] if s["stage"] == "intake")
    assert intake["figures"]["objects"] == 3 and intake["state"] == "ok"

    out = cli.invoke(cli_app(), ["export", "records", "--format", "csv", "--kind", "object"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [r["id"] for r in rows] == ["M.1", "M.2", "M.3"]
    assert rows[0]["date_earliest"] == "1845-01-01" and rows[2]["creators"] == "Ann Lee; Bob Lee"

    target = tmp_path / "records.jsonl"
    out = cli.invoke(cli_app(), ["export", "records", "--format", "jsonl", "-o", str(target)])
    assert out.exit_code == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert lines[0]["id"] == "M.1" and lines[0]["dataset"] == "museum"

    shown = json.loads(cli.invoke(cli_app(), ["show", "M.3"]).output)
    assert shown["read_from"]["title"] == "title" and shown["read_from"]["creators.name"] == "creator"
    assert shown["source"]["locator"] == "row 4"


def test_rejected_input_exits_3_and_errors_export(cli: CliRunner, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][1] = ""
    path = write_csv(tmp_path / "export.csv", rows)
    result = cli.invoke(cli_app(), ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))])
    assert result.exit_code == 3
    assert "1 errors" in result.output
    errors = list(csv.DictReader(io.StringIO(cli.invoke(cli_app(), ["export", "errors"]).output)))
    assert [(e["locator"], e["field"], e["severity"]) for e in errors] == [("row 3", "title", "error")]


def test_profiles_can_be_listed_and_copied(cli: CliRunner, tmp_path: Path) -> None:
    listing = cli.invoke(cli_app(), ["profiles"]).output
    for name in ("tate", "moma", "nga", "cmoa", "generic", "lido", "iiif", "oai", "tei"):
        assert name in listing
    text = cli.invoke(cli_app(), ["profiles", "show", "tate"]).output
    (tmp_path / "mine.toml").write_text(text.replace('name = "tate"', 'name = "mine"'))
    from glamwiki.intake.registry import load_mapping

    assert load_mapping(tmp_path / "mine.toml").name == "mine"


def test_a_bad_mapping_is_explained(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\n[sources.fields]\nid = "a"\ntitel = "b"\n')
    result = cli.invoke(cli_app(), ["ingest", str(write_csv(tmp_path / "e.csv")), "--mapping", str(bad)])
    assert result.exit_code == 2
    assert "unknown field 'titel'" in result.output


def test_ingest_a_profile_folder(cli: CliRunner, shared_data: Path) -> None:
    result = cli.invoke(cli_app(), ["ingest", str(shared_data / "tate" / "artist_data.csv"), "--profile", "tate"])
    assert result.exit_code == 0, result.output
    assert "3,532 people" in result.output


def cli_app():  # type: ignore[no-untyped-def]
    return cli
