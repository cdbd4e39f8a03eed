"""`glamwiki reach dumps`: dump files aggregated for the articles in use, into the store, once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project


def test_dumps_into_store_and_report(
    collected, cli: CliRunner, project: Project, pvc_file: Path, hourly_file: Path
) -> None:
    result = cli.invoke(glamwiki_cli, ["reach", "dumps", str(pvc_file), str(hourly_file), "--json"])
    assert result.exit_code == 0, result.output
    runs = json.loads(result.stdout)
    assert [r["status"] for r in runs] == ["done", "done"]
    assert runs[0]["malformed"] == 5 and runs[0]["matched"] == 3
    with project.open_store() as store:
        rows = store.query("SELECT wiki, title, granularity, period, count FROM reach_dump_counts ORDER BY wiki")
        got = {(r[0], r[1], r[2]): r[4] for r in rows}
        periods = {r[2]: r[3] for r in rows}
        # the hourly file named 13:00 holds the hour 12:00-13:00 (the name gives the end of the hour)
        assert periods == {"daily": "2025-01-01", "hourly": "2025-01-01T12"}
        # the daily and the hourly datasets are kept apart (the report uses one of them, never both)
        assert got[("en.wikipedia", "Mona_Lisa", "daily")] == 2000
        assert got[("en.wikipedia", "Mona_Lisa", "hourly")] == 100
        assert got[("de.wikipedia", "Mona_Lisa", "daily")] == 300
        assert store.scalar("SELECT COUNT(*) FROM reach_dump_runs") == 2
    again = cli.invoke(glamwiki_cli, ["reach", "dumps", str(pvc_file), "--json"])
    assert json.loads(again.output)[0]["status"] == "already done"


def test_mediacounts_dump_counts_file_requests(
    collected, cli: CliRunner, project: Project, mediacounts_file: Path
) -> None:
    result = cli.invoke(glamwiki_cli, ["reach", "dumps", str(mediacounts_file), "--json"])
    assert result.exit_code == 0, result.output
    with project.open_store() as store:
        sql = "SELECT count FROM reach_dump_counts WHERE kind = 'mediacounts' AND title = 'Mona_Lisa.jpg'"
        sql += " AND agent = 'all'"
        got = store.scalar(sql)
        assert got == 42
        # kept apart from the API's user-agent media requests, never added to them
        assert store.scalar("SELECT COUNT(*) FROM reach_mediarequests WHERE source <> 'api'") == 0


def test_bad_dump_name_is_a_clear_error(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "views.bz2"
    path.write_bytes(b"")
    result = cli.invoke(glamwiki_cli, ["reach", "dumps", str(path)])
    assert result.exit_code == 1 and "published name" in result.output


def test_month_covered_only_when_every_day_is_loaded(collected, project: Project, tmp_path: Path, dump_writer) -> None:
    from glamwiki.reach.dumpload import load_dumps

    line = [b"en.wikipedia Mona_Lisa 70889 desktop 10 A10"]
    days = [dump_writer(tmp_path, f"pageviews-202502{d:02d}-user.bz2", line) for d in range(1, 29)]
    with project.open_store() as store:
        load_dumps(store, days[:-1])
        covered = "SELECT COUNT(*) FROM reach_coverage WHERE key = '*dump*' AND first_period = '2025-02'"
        assert store.scalar(covered) == 0
        load_dumps(store, days[-1:])
        assert store.scalar(covered) == 1
        assert store.scalar("SELECT SUM(count) FROM reach_dump_counts WHERE substr(period, 1, 7) = '2025-02'") == 280


def test_public_hosts_by_default() -> None:
    from glamwiki.reach.http import Client

    assert Client().url("en.wikipedia.org", "/w/api.php") == "https://en.wikipedia.org/w/api.php"
    assert Client(api_root="http://127.0.0.1:9/").url("wikimedia.org", "/api/rest_v1/x") == (
        "http://127.0.0.1:9/wikimedia.org/api/rest_v1/x"
    )


def test_counts_stored_before_the_path_index_survive_it(tmp_path: Path, dump_writer) -> None:
    """A store made before migration 0018 (reach_dump_counts keyed by path, wiki, title) keeps its rows
    when the table is rebuilt with an index on path alone, and a reload still replaces a file's rows."""
    import sqlite3

    from glamwiki.reach.dumpload import load_dumps
    from glamwiki.store import reach as db
    from glamwiki.store.db import available_migrations, open_store

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT 'x')")
    for name, sql in available_migrations():
        if name < "0013":
            conn.executescript(sql)
            conn.execute("INSERT INTO schema_migrations(name) VALUES (?)", (name,))
    conn.execute(
        "INSERT INTO reach_dump_counts VALUES ('pageviews-20250101-user.bz2', 'pageviews', 'en.wikipedia',"
        " 'Mona_Lisa', 'daily', '2025-01-01', 'user', 2000)"
    )
    conn.commit()
    conn.close()
    with open_store(path, migrate=True) as store:  # what `glamwiki migrate` does
        assert store.scalar("SELECT SUM(count) FROM reach_dump_counts") == 2000
        indexes = {r[1] for r in store.query("PRAGMA index_list(reach_dump_counts)")}
        assert "reach_dump_counts_path" in indexes  # and the 3-column primary key is gone
        assert not {i for i in indexes if i.startswith("sqlite_autoindex")}
        db.add_files(store, ["Mona_Lisa.jpg"], "list")
        db.record_usage(
            store, "Mona_Lisa.jpg", [("en.wikipedia", "Mona_Lisa", 0, 1, "article")], "2025-01-01T00:00:00Z"
        )
        day = dump_writer(tmp_path, "pageviews-20250101-user.bz2", [b"en.wikipedia Mona_Lisa 1 desktop 7 A7"])
        load_dumps(store, [day], force=True)
        assert store.query("SELECT path, count FROM reach_dump_counts")[0][1] == 7
        assert store.scalar("SELECT COUNT(*) FROM reach_dump_counts") == 1


def test_targets_table_built_once_per_format_for_a_run_of_days(
    collected, project: Project, tmp_path: Path, dump_writer, monkeypatch
) -> None:
    """The targets' Arrow table (~0.35 s of CPU for 125,000 articles) is built once per run and format,
    not once per file: a run of 4 daily files and one mediacounts file builds it twice."""
    from glamwiki.reach import dumpload
    from glamwiki.reach.engines import target_table

    built: list[str] = []

    def counting(dump, targets):  # the real function, counted
        built.append(dump.format.name)
        return target_table(dump, targets)

    monkeypatch.setattr(dumpload, "target_table", counting)
    line = [b"en.wikipedia Mona_Lisa 70889 desktop 10 A10"]
    days = [dump_writer(tmp_path, f"pageviews-202503{d:02d}-user.bz2", line) for d in range(1, 5)]
    media = dump_writer(tmp_path, "mediacounts.2025-03-01.v00.tsv.bz2", [b"/wikipedia/commons/x/xy/A.jpg\t1\t2"])
    with project.open_store() as store:
        results = dumpload.load_dumps(store, [*days, media])
    assert sorted(built) == ["mediacounts", "pageview_complete"]
    assert [r["lines"] for r in results] == [1, 1, 1, 1, 1]
    assert [r["matched"] for r in results[:4]] == [1, 1, 1, 1]
