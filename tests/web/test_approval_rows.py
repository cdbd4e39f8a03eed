"""The store functions behind the upload approval page, on SQLite and PostgreSQL: planned files with
their approval, filtered and paged; the batches; the latest upload decision a page saw."""

from __future__ import annotations

import pytest

from glamwiki.errors import StaleDecision
from glamwiki.store import Store
from glamwiki.store.approvals import (
    APPROVED,
    REJECTED,
    approval_rows,
    decide_uploads,
    planned_datasets,
    upload_watermark,
)
from glamwiki.store.publishing import save_plan

pytestmark = pytest.mark.both_backends


def _plan(store: Store) -> None:
    items = [{"dataset": ds, "record_id": f"R{i}", "status": "planned", "title": f"{ds} {i}.jpg", "source": f"s{i}",
              "rights": "{}"} for ds in ("a", "b") for i in range(4)]  # fmt: skip
    save_plan(store, [*items, {"dataset": "c", "record_id": "B", "status": "blocked", "title": "c.jpg"}])


def test_rows_filtered_by_batch_and_approval_and_paged(store: Store) -> None:
    _plan(store)
    assert planned_datasets(store) == ["a", "b"]  # c has no planned file
    assert upload_watermark(store) == 0
    total, rows = approval_rows(store, dataset="a", limit=3)
    assert total == 4 and [r.record_id for r in rows] == ["R0", "R1", "R2"]
    assert {r.verdict for r in rows} == {"waiting"} and {r.version for r in rows} == {0}
    assert [r.record_id for r in approval_rows(store, dataset="a", offset=3, limit=3)[1]] == ["R3"]
    decide_uploads(store, [rows[0].file], APPROVED, "rita")
    decide_uploads(store, [rows[1].file], REJECTED, "sam")
    mark = upload_watermark(store)
    assert mark > 0
    assert approval_rows(store, verdict="waiting")[0] == 6
    [rejected] = approval_rows(store, verdict=REJECTED)[1]
    assert (rejected.record_id, rejected.version) == ("R1", mark)
    ids = [r.item_id for r in approval_rows(store, dataset="b")[1][:2]]
    assert [r.item_id for r in approval_rows(store, item_ids=ids)[1]] == ids


def test_a_file_decided_after_the_page_was_drawn_refuses_the_whole_answer(store: Store) -> None:
    _plan(store)
    _, rows = approval_rows(store, dataset="a")
    seen = upload_watermark(store)  # the page is drawn
    decide_uploads(store, [rows[2].file], REJECTED, "sam")  # someone else, meanwhile
    with pytest.raises(StaleDecision, match="sam"):
        decide_uploads(store, [r.file for r in rows], APPROVED, "rita", expected=seen)
    assert approval_rows(store, dataset="a", verdict=APPROVED)[0] == 0  # nothing of it was written
    assert decide_uploads(store, [r.file for r in rows], APPROVED, "rita", expected=upload_watermark(store)) == 4
