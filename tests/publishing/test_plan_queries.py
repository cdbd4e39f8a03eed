"""`publish plan` asks the store in sets, not once per record (issue 13: it issued 908 statements for
300 records). Statements are counted where the code issues them, at the Store's query methods: one
``executemany`` is one statement, as SQLAlchemy's ``before_cursor_execute`` event counts it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from glamwiki.model.records import ImageRef
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.store import Store, open_store
from glamwiki.store import publishing as db

from .records import make_record, save

BOUND = 25  # statements for a whole plan of up to one batch (500 files), whatever the record count


@contextmanager
def counted(store: Store) -> Iterator[Counter[str]]:
    """The statements the code sends through this Store while the block runs, by method (the Store
    counts them itself: one call of a query method is one statement, one executemany is one)."""
    before = store.statements.copy()
    calls: Counter[str] = Counter()
    try:
        yield calls
    finally:
        calls.update(store.statements - before)


def _project(path: Path, n: int) -> Store:
    store = open_store(path, migrate=True)
    records = []
    for i in range(n):
        record = make_record(i, f"https://museum.example/images/{i}.jpg", kind="url")
        if i % 3 == 0:  # a second image: two plan rows for one record
            record.images.append(ImageRef(kind="url", location=f"https://museum.example/images/{i}-b.jpg"))
        records.append(record)
    save(store, records, blocked={f"R{i:04d}" for i in range(0, n, 7)})
    return store


def _rows(n: int) -> int:
    """Plan rows for n records: one each, and a second for records with two images not blocked."""
    return n + sum(1 for i in range(n) if i % 3 == 0 and i % 7)


def _statements(path: Path, n: int) -> tuple[int, int]:
    store = _project(path, n)
    try:
        with counted(store) as calls:
            summary = build_plan(store, PlanSettings(institution="Test Museum"))
        assert summary.planned + summary.blocked == _rows(n)
        return sum(calls.values()), db.count_plan(store)
    finally:
        store.close()


def test_plan_statements_do_not_grow_with_the_records(tmp_path: Path) -> None:
    small, rows_small = _statements(tmp_path / "a.db", 300)
    large, rows_large = _statements(tmp_path / "b.db", 360)
    assert (rows_small, rows_large) == (_rows(300), _rows(360)) and rows_large <= 500  # one batch each
    assert small == large, (small, large)
    assert small <= BOUND, small


def test_more_batches_cost_a_constant_each(tmp_path: Path) -> None:
    one, _ = _statements(tmp_path / "a.db", 300)
    three, rows = _statements(tmp_path / "b.db", 900)
    assert rows == _rows(900) > 1000
    assert three - one <= 2 * 8, (one, three)  # a handful per further batch of 500, never one per record


def test_replanning_keeps_started_files_in_one_pass(tmp_path: Path) -> None:
    store = _project(tmp_path / "a.db", 300)
    try:
        build_plan(store, PlanSettings(institution="Test Museum"))
        first = db.get_plan_item(store, db.planned_item_ids(store)[0])
        assert first is not None
        db.put_state(store, db.FileState("http://127.0.0.1/w/api.php", first.item_id, "uploading"))
        with counted(store) as calls:
            summary = build_plan(store, PlanSettings(institution="Test Museum", categories=("Replanned files",)))
        assert summary.kept == 1 and sum(calls.values()) <= BOUND
        kept = db.get_plan_item(store, first.item_id)
        assert kept is not None and kept.wikitext == first.wikitext  # a started file keeps its page
        assert "[[Category:Replanned files]]" not in kept.wikitext
        others = [i for i in db.iter_plan(store, status=db.PLANNED) if i.item_id != first.item_id]
        assert others and all("[[Category:Replanned files]]" in i.wikitext for i in others)
    finally:
        store.close()


@pytest.mark.parametrize("n", [1])
def test_counter_sees_a_per_record_query(tmp_path: Path, n: int) -> None:
    """The counter is not blind: each Store query method call is one statement."""
    store = _project(tmp_path / "a.db", n)
    try:
        with counted(store) as calls:
            store.query("SELECT 1")
            store.executemany("UPDATE publish_plan SET notes = notes WHERE item_id = ?", [(1,), (2,)])
            list(store.stream("SELECT 1"))
        assert calls == Counter({"query": 1, "executemany": 1, "stream": 1})
    finally:
        store.close()
