"""The store: migrations, transactions, streaming reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.store import open_store
from glamwiki.store.db import available_migrations


def test_migrations_apply_once_in_order(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a.db", migrate=True)
    names = [name for name, _ in available_migrations()]
    assert names == sorted(names) and names[0] == "0001_intake"
    assert store.applied_migrations() == names
    assert store.migrate() == []  # nothing new the second time
    store.close()
    again = open_store(tmp_path / "a.db", migrate=True)
    assert again.applied_migrations() == names
    again.close()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "b.db", migrate=True)
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO ingest_runs(source, reader, dataset) VALUES ('x', 'y', 'z')")
        raise RuntimeError("crash")
    assert store.scalar("SELECT COUNT(*) FROM ingest_runs") == 0
    with store.transaction():
        store.execute("INSERT INTO ingest_runs(source, reader, dataset) VALUES ('x', 'y', 'z')")
    assert store.scalar("SELECT COUNT(*) FROM ingest_runs") == 1


def test_stream_reads_in_chunks(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db", migrate=True)
    with store.transaction():
        store.executemany(
            "INSERT INTO ingest_runs(source, reader, dataset) VALUES (?, 'r', 'd')", [(str(i),) for i in range(2500)]
        )
    seen = [row["source"] for row in store.stream("SELECT source FROM ingest_runs ORDER BY id", size=100)]
    assert seen == [str(i) for i in range(2500)]


def test_every_sql_file_has_one_revision_in_order() -> None:
    """Adding a migration is one SQL file plus one revision file whose id is the file's name (docs/store.md)."""
    from alembic.script import ScriptDirectory

    from glamwiki.store.schema import _config, names

    scripts = ScriptDirectory.from_config(_config())
    chain = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert chain == names()
    assert [scripts.get_revision(n).down_revision for n in names()] == [None, *names()[:-1]]  # type: ignore[union-attr]
