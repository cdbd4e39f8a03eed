"""`glamwiki link match` without a project: one row per input person with the agreed columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli


def _moma_slice(data: Path, tmp: Path, rows: int = 300) -> Path:
    src = data / "moma" / "Artists-dev.csv"
    out = tmp / "Artists-slice.csv"
    with open(src, encoding="utf-8") as f:
        lines = [next(f) for _ in range(rows + 1)]
    out.write_text("".join(lines), encoding="utf-8")
    return out


def test_link_match_writes_one_row_per_person(shared_data: Path, tmp_path: Path) -> None:
    source = _moma_slice(shared_data, tmp_path)
    output = tmp_path / "matches.csv"
    args = ["link", "match", str(source), "--profile", "moma", "--authority", str(shared_data / "nga"),
            "--authority-profile", "nga", "--output", str(output), "--json"]  # fmt: skip
    result = CliRunner().invoke(cli, args, env={"GLAMWIKI_PROJECT": str(tmp_path / "nowhere")})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["people"] == 300
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert len(rows) == 300
    assert {"source_id", "authority_id", "qid", "probability", "decision", "name", "birth"} <= set(rows[0])
    assert {r["decision"] for r in rows} <= {"match", "review", "none"}
    arneson = next(r for r in rows if r["source_id"] == "1")  # Robert Arneson, 1930–1992
    assert arneson["decision"] == "match" and arneson["qid"].startswith("Q")
    assert all(0.0 <= float(r["probability"]) <= 1.0 for r in rows)
    assert all(r["authority_id"] == "" for r in rows if r["decision"] == "none")


def test_ignore_identifiers_and_wikidata_entities(shared_data: Path, tmp_path: Path) -> None:
    source = _moma_slice(shared_data, tmp_path, 50)
    output = tmp_path / "wd.csv"
    args = ["link", "match", str(source), "--profile", "moma", "--authority",
            str(shared_data / "wikidata" / "entities.jsonl.gz"), "--authority-profile", "wikidata",
            "--output", str(output), "--ignore-identifiers"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert len(rows) == 50
    assert all(r["identifiers"] == "" for r in rows)


def test_creators_and_depicted_people_become_people(tmp_path: Path) -> None:
    from glamwiki.linking.people import creator_key, person_from_creator, person_from_subject
    from glamwiki.model.records import CreatorRef, Subject

    depicted = person_from_subject(Subject("Elizabeth I", kind="person", id="http://www.wikidata.org/entity/Q7207"))
    assert depicted.identifiers == {"wikidata": "Q7207"} and depicted.extra["role"] == "depicted"
    unnamed = person_from_creator(CreatorRef(name="Jane Roe", gender="Female"))
    assert creator_key(CreatorRef(name="Jane Roe")) == unnamed.id == "name:Jane Roe" and unnamed.gender == "Female"
