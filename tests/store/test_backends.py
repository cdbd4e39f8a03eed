"""The store on SQLite and PostgreSQL: the same answers, explicit migrations, old projects, projects as schemas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glamwiki.errors import Busy, StoreError
from glamwiki.locks import exclusive
from glamwiki.project import init_project
from glamwiki.store import Store, list_projects, open_store, schema
from glamwiki.store.runs import start_run

from ..conftest import PG_URL


@pytest.mark.both_backends
def test_transactions_keys_and_streams(store: Store) -> None:
    first = start_run(store, source="a.csv", reader="csv", profile=None, dataset="d")
    second = start_run(store, source="b.csv", reader="csv", profile=None, dataset="d")
    assert second == first + 1  # RETURNING gives the new key on both backends
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO ingest_runs(source, reader, dataset) VALUES ('x', 'y', 'z')")
        raise RuntimeError("crash")
    assert store.scalar("SELECT COUNT(*) FROM ingest_runs") == 2
    with store.transaction():
        cur = store.executemany(
            "INSERT INTO ingest_runs(source, reader, dataset) VALUES (?, 'r', 'd')", [(str(i),) for i in range(2500)]
        )
    assert cur.rowcount == 2500
    rows = store.stream("SELECT source FROM ingest_runs WHERE reader = :r ORDER BY id", {"r": "r"}, size=100)  # type: ignore[arg-type]
    seen = [row["source"] for row in rows]
    assert seen == [str(i) for i in range(2500)]
    row = store.query_one("SELECT id, source FROM ingest_runs WHERE id = ?", (first,))
    assert (row[0], row["source"]) == (first, "a.csv")


@pytest.mark.both_backends
def test_sums_and_timestamps_read_alike(store: Store) -> None:
    store.execute(
        "INSERT INTO reach_cim(kind, key, wiki, month, pageviews) VALUES ('file', 'A.jpg', 'all', '2025-01', 5)"
    )
    store.execute(
        "INSERT INTO reach_cim(kind, key, wiki, month, pageviews) VALUES ('file', 'B.jpg', 'all', '2025-01', 7)"
    )
    total = store.scalar("SELECT SUM(pageviews) FROM reach_cim")
    assert total == 12 and type(total) is int  # not PostgreSQL's Decimal
    assert type(store.scalar("SELECT AVG(pageviews) FROM reach_cim")) is float
    start_run(store, source="a.csv", reader="csv", profile=None, dataset="d")
    started = store.scalar("SELECT started_at FROM ingest_runs")
    assert len(started) == 19 and started[10] == " "  # 'YYYY-MM-DD HH:MM:SS', SQLite's CURRENT_TIMESTAMP text


@pytest.mark.both_backends
def test_reserved_names_are_gone(store: Store) -> None:
    store.execute(
        "INSERT INTO reach_event_edits(event, wiki, revid, parentid, editor, title, ns, timestamp, new_page,"
        " size_diff) VALUES ('e', 'en.wikipedia', 1, 0, 'Ann', 'T', 0, '2025-01-01T00:00:00Z', 1, 10)"
    )
    store.execute("INSERT INTO publish_plan(dataset, record_id, status) VALUES ('d', 'r', 'planned')")
    store.execute("INSERT INTO publish_state(target, item_id, state, chunk_offset) VALUES ('t', 1, 'pending', 5)")
    assert store.scalar("SELECT editor FROM reach_event_edits") == "Ann"
    assert store.scalar("SELECT chunk_offset FROM publish_state") == 5


@pytest.mark.both_backends
def test_a_second_ingest_lock_is_refused(store: Store, project) -> None:  # type: ignore[no-untyped-def]
    other = project.open_store()
    try:
        with (
            exclusive(store, "ingest", "ingest"),
            pytest.raises(Busy, match="another ingest is running"),
            exclusive(other, "ingest", "ingest"),
        ):
            pass
        with exclusive(other, "ingest", "ingest"):  # released when the holder is done
            pass
    finally:
        other.close()


def test_opening_a_store_behind_says_run_migrate(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with pytest.raises(StoreError, match="holds no glamwiki project yet: run `glamwiki init`"):
        open_store(path)
    _old_runner(path, upto=11)
    with pytest.raises(StoreError, match=r"at schema 0011_books, behind this glamwiki .*run `glamwiki migrate`"):
        open_store(path)


def _old_runner(path: Path, upto: int) -> None:
    """A database as the pre-Alembic glamwiki made it: SQL files run in order, recorded in schema_migrations."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
    )
    for name, sql in schema.available()[:upto]:
        conn.executescript("BEGIN;\n" + sql + "\nCOMMIT;")
        conn.execute("INSERT INTO schema_migrations(name) VALUES (?)", (name,))
    conn.execute(
        "INSERT INTO reach_event_edits(event, wiki, revid, parentid, user, title, ns, timestamp, new_page, size_diff)"
        " VALUES ('e', 'cy.wikipedia', 9, 8, 'Bethan', 'Caerdydd', 0, '2024-03-01T10:00:00Z', 0, 120)"
    )
    conn.close()


def test_a_project_made_before_alembic_is_stamped_and_upgraded(tmp_path: Path) -> None:
    project = init_project(tmp_path / "proj")
    project.db_path.unlink()
    _old_runner(project.db_path, upto=12)
    with pytest.raises(StoreError, match=r"behind this glamwiki .* run `glamwiki migrate`"):
        project.open_store()  # never migrated silently on open (issue 13): the command says what to run
    with project.open_store(migrate=True) as store:  # what `glamwiki migrate` does
        assert store.migrated == schema.names()[12:] and store.migrated[0] == "0013_portable_names"
        assert store.applied_migrations() == schema.names()
        assert store.scalar("SELECT version_num FROM alembic_version") == schema.head()
        assert store.query_one("SELECT editor, title FROM reach_event_edits")[:] == ("Bethan", "Caerdydd")
    with open_store(project.db_path) as store:  # and opens without migrating from now on
        assert store.migrated == []


def test_a_failed_migration_names_itself_and_keeps_the_earlier_ones(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    _old_runner(path, upto=12)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE publish_state RENAME COLUMN offset TO something_else")  # 0013 cannot run now
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"migrating .*broken.db failed: .*offset"):
        open_store(path, migrate=True)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0012_publishing_plans"


# -- PostgreSQL: one schema per project ----------------------------------------------------------------------
@pytest.fixture
def pg(pg_schema: str) -> str:  # skips (or fails under .ci/run) when PostgreSQL is absent
    return PG_URL


def test_projects_are_schemas_and_never_see_each_other(pg: str, tmp_path: Path) -> None:
    tag = Path(tmp_path).name.replace("-", "_").lower()[-20:]
    names = [f"tate_{tag}", f"nga_{tag}"]
    tate = init_project(tmp_path / "tate", store_url=pg, schema=names[0])
    nga = init_project(tmp_path / "nga", store_url=pg, schema=names[1])
    try:
        with tate.open_store() as store:
            start_run(store, source="tate.json", reader="json", profile="tate", dataset="tate")
        with nga.open_store() as store:
            assert store.scalar("SELECT COUNT(*) FROM ingest_runs") == 0
            assert "nga_" in store.location and "schema" in store.location
        assert set(names) <= set(list_projects(pg))
        assert "glamwiki.db" not in {p.name for p in (tmp_path / "tate").iterdir()}
    finally:
        with _raw(pg) as store:
            for name in names:
                store.execute(f'DROP SCHEMA "{name}" CASCADE')


def test_a_shared_store_is_never_migrated_implicitly(pg: str, tmp_path: Path) -> None:
    name = "behind_" + Path(tmp_path).name.replace("-", "_").lower()[-20:]
    with pytest.raises(StoreError, match="holds no glamwiki project yet"):
        open_store(pg, schema=name)
    project = init_project(tmp_path / "p", store_url=pg, schema=name)
    try:
        with project.open_store() as store:
            store.execute("UPDATE alembic_version SET version_num = '0012_publishing_plans'")
        with pytest.raises(StoreError, match=r"behind this glamwiki .*run `glamwiki migrate`"):
            project.open_store()
    finally:
        with _raw(pg) as store:
            store.execute(f'DROP SCHEMA "{name}" CASCADE')


def _raw(url: str) -> Store:
    """A connection to the database itself (no project schema), to drop the test's schemas."""
    from glamwiki.store.db import _open_url

    return _open_url(url, None)


def test_a_password_never_goes_into_the_project_file(tmp_path: Path) -> None:
    from glamwiki.errors import ConfigError

    with pytest.raises(ConfigError, match=r"~/.pgpass or the PGPASSWORD"):
        init_project(tmp_path / "p", store_url="postgresql://glam:secret@127.0.0.1/db", schema="p")
    assert not (tmp_path / "p").exists()


@pytest.mark.both_backends
def test_migrate_command_reports_the_schema(cli, project) -> None:  # type: ignore[no-untyped-def]
    import json

    from glamwiki.cli import cli as app

    result = cli.invoke(app, ["migrate", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["schema"] == schema.head() and answer["applied"] == []
    assert ("schema " in answer["store"]) == bool(project.store_url)


def test_init_on_a_shared_store_and_migrate_there(pg: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from glamwiki.cli import cli as app

    name = "cli_" + Path(tmp_path).name.replace("-", "_").lower()[-20:]
    result = CliRunner().invoke(app, ["init", str(tmp_path / "tate"), "--store-url", pg, "--project", name])
    try:
        assert result.exit_code == 0, result.output
        assert f"schema = '{name}'" in (tmp_path / "tate" / "glamwiki.toml").read_text()
        assert name in list_projects(pg)
        again = CliRunner(env={"GLAMWIKI_PROJECT": str(tmp_path / "tate")}).invoke(app, ["migrate"])
        assert again.exit_code == 0 and "up to date" in again.output
    finally:
        with _raw(pg) as store:
            store.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.mark.both_backends
def test_streams_inside_a_transaction_and_left_unfinished(store: Store) -> None:
    with store.transaction():
        store.executemany(
            "INSERT INTO gap_events(day, label) VALUES (?, ?)", [("2025-01-01", str(i)) for i in range(30)]
        )
        seen = []
        for row in store.stream("SELECT id, label FROM gap_events ORDER BY id", size=7):
            seen.append(row["label"])
            store.execute("UPDATE gap_events SET label = label || '!' WHERE id = ?", (row["id"],))  # writes meanwhile
        assert seen == [str(i) for i in range(30)]
    unfinished = store.stream("SELECT label FROM gap_events ORDER BY id", size=5)
    assert next(unfinished)[0] == "0!"
    unfinished.close()  # an abandoned stream closes its cursor; the store goes on
    assert store.scalar("SELECT COUNT(*) FROM gap_events WHERE label LIKE '%!'") == 30
