"""Ingest runs say how they ended (issue 15 items 1, 7, 8): a crashed run is `failed`, never `done`; an
unexpected error in one row is an input problem for that row; a second ingest refuses clearly; the
forked reader dies with its parent; broken databases get clear messages."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.errors import StoreError
from glamwiki.intake import ingest as ingest_module
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.project import Project
from glamwiki.status import intake_status
from glamwiki.store import Store
from glamwiki.store.runs import iter_issues, runs

from .helpers import ROWS, write_csv, write_mapping


def test_a_nul_byte_in_an_image_path_is_an_input_problem_of_that_row(store: Store, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][5] = "img\x00.jpg"
    path = write_csv(tmp_path / "export.csv", rows)
    summary = ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.status == "done" and summary.objects == 3
    [problem] = [i for i in iter_issues(store) if i["field"] == "image"]
    assert problem["locator"] == "row 3" and "not a usable file path" in str(problem["message"])


def test_an_unexpected_error_in_one_row_does_not_end_the_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glamwiki.intake import mapped

    real = mapped.Mapper.build

    def build(self, row, locator, bad):  # type: ignore[no-untyped-def]
        if locator == "row 3":
            raise RuntimeError("a bug in a mapping transform")
        return real(self, row, locator, bad)

    monkeypatch.setattr(mapped.Mapper, "build", build)
    path = write_csv(tmp_path / "export.csv")
    summary = ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    assert summary.objects == 2 and summary.errors == 1 and summary.status == "done"
    [problem] = list(iter_issues(store))
    assert problem["locator"] == "row 3" and "a bug in a mapping transform" in str(problem["message"])


def test_a_crash_mid_ingest_is_recorded_as_failed_not_done(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield from ()
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ingest_module, "produce", crash)
    path = write_csv(tmp_path / "export.csv")
    with pytest.raises(StoreError, match="busy"):
        ingest(store, str(path), dataset="m", profile=load_mapping(write_mapping(tmp_path)))
    [run] = runs(store)
    assert run["status"] == "failed"
    status = intake_status(store)
    assert status.state == "attention" and "failed" in status.summary


def test_a_run_left_running_by_a_dead_process_shows_as_killed(store: Store) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with store.transaction():
        store.execute(
            "INSERT INTO ingest_runs(source, reader, dataset, pid) VALUES ('x.csv', 'csv', 'm', ?)",
            (int(dead.stdout),),
        )
    status = intake_status(store)
    assert status.state == "attention" and "stopped without finishing" in status.summary


def test_a_second_ingest_refuses_clearly_while_one_runs(project: Project, tmp_path: Path) -> None:
    from glamwiki.intake.ingest import ingest_lock

    path = write_csv(tmp_path / "export.csv")
    with project.open_store() as store, ingest_lock(store):
        cli = CliRunner(env={"GLAMWIKI_PROJECT": str(project.root)})
        result = cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path))])
    assert result.exit_code == 1, result.output
    assert "another ingest" in result.output and "Traceback" not in result.output
    with project.open_store() as store:
        assert runs(store) == []  # nothing started, nothing left `running`


CHILD = """
import sys, time
from glamwiki.intake import pipeline
from glamwiki.intake.base import ReadContext

def slow(ctx):
    while True:
        time.sleep(0.1)
        yield from ()

ctx = ReadContext("x", "x")
items = pipeline.produce(slow, ctx, parallel=True)
import threading
threading.Thread(target=lambda: next(items, None), daemon=True).start()
time.sleep(1.0)
import multiprocessing as mp
print([p.pid for p in mp.active_children()], flush=True)
time.sleep(60)
"""


def test_the_forked_reader_dies_with_its_parent(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    line = parent.stdout.readline()
    [child] = eval(line)  # a list of pids printed by the script above
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the forked reader outlived its parent")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"this is not a database at all" * 100), "not a glamwiki database"),
        (lambda p: p.write_bytes(p.read_bytes()[:1000]), "damaged"),
    ],
)
def test_a_broken_database_gets_a_clear_message(project: Project, damage, expected: str) -> None:  # type: ignore[no-untyped-def]
    for extra in ("-wal", "-shm"):
        Path(str(project.db_path) + extra).unlink(missing_ok=True)
    damage(project.db_path)
    cli = CliRunner(env={"GLAMWIKI_PROJECT": str(project.root)})
    result = cli.invoke(cli_app, ["status"])
    assert result.exit_code == 1, result.output
    assert expected in " ".join(result.output.split()) and str(project.db_path) in result.output.replace("\n", "")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_read_only_and_full_databases_are_explained(tmp_path: Path) -> None:
    from glamwiki.store.db import store_error

    path = tmp_path / "p.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as caught:
        read_only.execute("INSERT INTO t VALUES (1)")
    assert "read-only" in str(store_error(caught.value, str(path)))
    full = sqlite3.connect(path)
    full.execute("PRAGMA max_page_count = 3")  # a disk that is full after three pages
    with pytest.raises(sqlite3.Error) as caught:
        full.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    assert "disk holding" in str(store_error(caught.value, str(path)))


def test_a_running_run_with_a_live_pid_but_no_ingest_lock_is_killed(store: Store) -> None:
    """The pid may have been reused by another process: the ingest lock says whether an ingest runs."""
    from glamwiki.intake.ingest import ingest_lock

    with store.transaction():
        store.execute("INSERT INTO ingest_runs(source, reader, dataset, pid) VALUES ('x.csv', 'csv', 'm', ?)",
                      (os.getpid(),))  # fmt: skip
    assert "stopped without finishing" in intake_status(store).summary
    with ingest_lock(store):
        assert "still running" in intake_status(store).summary
