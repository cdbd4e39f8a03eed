"""Reading in a forked process gives exactly what reading in-process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.intake.base import ReadContext
from glamwiki.intake.ingest import ingest
from glamwiki.intake.pipeline import Encoded, ReaderCrashed, produce
from glamwiki.intake.registry import load_mapping
from glamwiki.store import open_store
from glamwiki.store.records import iter_records
from glamwiki.store.runs import iter_issues

from .helpers import ROWS, write_csv, write_mapping


def test_forked_and_in_process_reads_store_the_same(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS] * 1 + [["M.9", "", "1900", "", "", "", "", "", "X", ""]]
    path = write_csv(tmp_path / "export.csv", rows)
    mapping = load_mapping(write_mapping(tmp_path))
    results = []
    for parallel in (False, True):
        store = open_store(tmp_path / f"{parallel}.db", migrate=True)
        summary = ingest(store, str(path), dataset="m", profile=mapping, parallel=parallel)
        records = [r for _, r in iter_records(store)]
        issues = [(i["locator"], i["field"], i["message"]) for i in iter_issues(store)]
        results.append((summary.objects, summary.errors, records, issues))
        store.close()
    assert results[0] == results[1]
    assert results[0][0] == 3 and results[0][1] == 1


def test_a_crash_in_the_reader_process_is_reported(tmp_path: Path) -> None:
    def broken(ctx: ReadContext):  # type: ignore[no-untyped-def]
        yield from ()
        raise ValueError("the reader has a bug")

    ctx = ReadContext(path=str(tmp_path / "x.csv"), display="x.csv")
    with pytest.raises(ReaderCrashed, match="the reader has a bug"):
        list(produce(broken, ctx, parallel=True))


def test_in_process_reading_encodes_records(tmp_path: Path) -> None:
    from glamwiki.intake.mapped import read_mapped

    path = write_csv(tmp_path / "export.csv")
    spec = load_mapping(write_mapping(tmp_path)).sources[0]
    ctx = ReadContext(path=str(path), display="export.csv")
    items = list(produce(lambda c: read_mapped(c, spec, "csv"), ctx, parallel=False))
    assert [i.local_id for i in items if isinstance(i, Encoded)] == ["M.1", "M.2", "M.3"]
