"""Folder ingest (issue 18): subfolders are read unless --no-recursive; one id in two files is an
input problem naming both files, not a silent overwrite."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as app
from glamwiki.intake.ingest import folder_files, ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.store import Store
from glamwiki.store.records import count, get_record
from glamwiki.store.runs import iter_issues

from .helpers import ROWS, write_csv, write_mapping


def _export(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    write_csv(folder / "a.csv", ROWS[:2])
    write_csv(folder / "more" / "deeper" / "b.csv", [["S.1", "Sub-folder work", "1900", "", "", "", "", "", "", ""]])
    write_csv(folder / ".hidden" / "c.csv", [["H.1", "Hidden", "1900", "", "", "", "", "", "", ""]])
    return folder


def test_subfolders_are_read_by_default(store: Store, tmp_path: Path) -> None:
    folder = _export(tmp_path)
    summary = ingest(store, str(folder), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.objects == 3 and summary.errors == 0
    assert [Path(f).name for f in summary.files] == ["a.csv", "b.csv"]
    assert get_record(store, "S.1") and not get_record(store, "H.1")


def test_no_recursive_reads_the_folder_s_own_files(cli: CliRunner, store: Store, tmp_path: Path) -> None:
    folder = _export(tmp_path)
    mapping = write_mapping(tmp_path)
    result = cli.invoke(app, ["ingest", str(folder), "--mapping", str(mapping), "--no-recursive", "--json"])
    assert result.exit_code == 0, result.output
    assert [Path(f).name for f in json.loads(result.output)["files"]] == ["a.csv"]
    assert count(store, "object") == 2
    again = cli.invoke(app, ["ingest", str(folder), "--mapping", str(mapping), "--json"])
    assert json.loads(again.output)["added"] == 1  # the sub-folder's record


def test_one_id_in_two_files_is_an_input_problem(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    first = write_csv(folder / "a.csv", ROWS)
    second = write_csv(folder / "sub" / "b.csv", [[ROWS[0][0], "Another harbour", *ROWS[0][2:]]])
    summary = ingest(store, str(folder), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.errors == 1 and summary.changed == 0 and summary.added == 3
    [problem] = list(iter_issues(store))
    assert problem["file"] == str(second) and problem["locator"] == "row 2" and problem["field"] == "id"
    assert "duplicate object id 'M.1'" in problem["message"] and str(first) in problem["message"]
    assert get_record(store, "M.1")[0][1].title == "The Harbour"  # type: ignore[union-attr]
    rerun = ingest(store, str(folder), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert rerun.errors == 1 and rerun.changed == 0, "a rerun reports it again and still changes nothing"


def test_a_real_folder_with_subfolders(shared_data: Path) -> None:
    """The shared LIDO folder keeps the German Digital Library's records in lido/ddb/."""
    top = folder_files(shared_data / "lido", recursive=False)
    every = folder_files(shared_data / "lido")
    assert len(every) > len(top) and any("/ddb/" in f for f in every)
    assert not any("/ddb/" in f for f in top)


def test_a_person_named_in_two_files_is_one_person(store: Store, shared_data: Path) -> None:
    """Wellcome's manuscripts MS Arabic 189, 199 and 405 share an author (person_17316331)."""
    summary = ingest(store, str(shared_data / "tei-wellcome"), dataset="tei", reader="tei")
    assert summary.objects == 60 and summary.errors == 0
    assert len(get_record(store, "person_17316331", "person")) == 1
