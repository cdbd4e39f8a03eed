"""Re-ingesting an export updates in place, never duplicates, and reports what changed."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_mapping
from glamwiki.store import Store
from glamwiki.store.records import count, get_record

from .helpers import ROWS, write_csv, write_mapping

pytestmark = pytest.mark.both_backends


def test_reingest_reports_added_changed_unchanged(store: Store, tmp_path: Path) -> None:
    mapping = load_mapping(write_mapping(tmp_path))
    path = write_csv(tmp_path / "export.csv")
    first = ingest(store, str(path), dataset="m", profile=mapping)
    assert (first.added, first.changed, first.unchanged) == (3, 0, 0)

    rows = [list(r) for r in ROWS]
    rows[0][1] = "The Harbour at Dusk"
    rows[2][2] = "1932"
    rows.append(["M.4", "New acquisition", "2001", "Video", "", "", "", "", "Cara Dee", "born 1970"])
    write_csv(path, rows)
    second = ingest(store, str(path), dataset="m", profile=mapping)
    assert (second.added, second.changed, second.unchanged) == (1, 2, 1)
    assert second.changed_fields == {"titles": 1, "date": 1}
    assert count(store, "object") == 4
    assert get_record(store, "M.1")[0][1].title == "The Harbour at Dusk"  # type: ignore[union-attr]
    changes = store.query("SELECT fields FROM record_changes ORDER BY uid")  # rowid is SQLite's only
    assert [r["fields"] for r in changes] == ['["titles"]', '["date"]']


def test_an_interrupted_ingest_keeps_finished_batches(store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import glamwiki.intake.writer as writer

    monkeypatch.setattr(writer, "BATCH_SIZE", 2)
    mapping = load_mapping(write_mapping(tmp_path))
    path = write_csv(tmp_path / "export.csv")
    from glamwiki.intake import mapped

    real = mapped.Mapper.build
    calls = {"n": 0}

    def build_then_crash(self, row, locator, bad=False):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, row, locator, bad)

    monkeypatch.setattr(mapped.Mapper, "build", build_then_crash)
    with contextlib.suppress(KeyboardInterrupt):
        ingest(store, str(path), dataset="m", profile=mapping)
    assert count(store, "object") == 2  # the first batch (and what was read before Ctrl-C) is kept
    assert store.scalar("SELECT status FROM ingest_runs") == "interrupted"
    monkeypatch.setattr(mapped.Mapper, "build", real)
    again = ingest(store, str(path), dataset="m", profile=mapping)
    assert (again.added, again.unchanged) == (1, 2) and count(store, "object") == 3
