"""Store functions that replaced SQL once written in the stages (issue 13: the store is the only place
with SQL). Each answers one question; these tests pin the answers, including the edge cases the old
inline SQL handled (an edit that removed text adds no bytes; nothing stored yet answers None)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glamwiki.store import Store, open_store
from glamwiki.store import linking as links_db
from glamwiki.store import publishing as plan_db
from glamwiki.store import reach as reach_db
from glamwiki.store import rights as rights_db
from glamwiki.store import runs as runs_db
from glamwiki.store.reach_report import event_totals


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "q.db", migrate=True)
    yield opened
    opened.close()


def test_event_totals_count_growth_only(store: Store) -> None:
    edits = [(1, 1, 500, 2), (2, 0, -300, None), (3, 0, 40, 1)]
    for revid, new_page, diff, refs in edits:
        row = ("Women in Red", "en.wikipedia", revid, 0, "Ada", f"Page {revid}", 0, "2025-03-08T10:00:00Z")
        reach_db.save_event_edit(store, (*row, new_page, diff, refs))
    reach_db.save_event_edit(
        store, ("Art+Feminism", "fr.wikipedia", 9, 8, "Bea", "X", 0, "2025-03-09T00:00:00Z", 0, -5, None)
    )
    assert event_totals(store) == [("Art+Feminism", 1, 0, 0, 0), ("Women in Red", 3, 1, 540, 3)]


def test_rights_answers_before_and_after_a_run(store: Store) -> None:
    assert rights_db.latest_assessment(store) is None and rights_db.fact_count(store) == 0
    rights_db.save_fact(store, "tate", "A1", "creator_death_year", "1901")
    rights_db.save_fact(store, "tate", "A1", "published", "1890")
    rights_db.save_fact(store, "nga", "7", "published", "1950")
    assert rights_db.fact_count(store) == 3
    assert rights_db.all_facts(store) == {
        ("tate", "A1"): {"creator_death_year": "1901", "published": "1890"},
        ("nga", "7"): {"published": "1950"},
    }


def test_last_link_model_is_the_newest_run(store: Store) -> None:
    assert links_db.last_run_model(store) is None
    links_db.start_run(store, "tate", "wikidata", {}, {"weights": [1]})
    links_db.start_run(store, "tate", "wikidata", {}, {"weights": [2]})
    assert links_db.last_run_model(store) == {"weights": [2]}


def test_plan_and_journal_lookups(store: Store) -> None:
    row = {"dataset": "tate", "record_id": "A1", "image_index": 0, "status": plan_db.PLANNED, "source_kind": "url",
           "source": "http://127.0.0.1/a.jpg", "title": "A.jpg", "wikitext": "x", "sdc": "{}",
           "rights": "{}"}  # fmt: skip
    plan_db.save_plan(store, [row, {**row, "record_id": "A2", "title": "B.jpg", "status": "skipped"}])
    item_id = plan_db.plan_item_id(store, "tate", "A1")
    assert item_id is not None and plan_db.plan_item_id(store, "tate", "nope") is None
    assert plan_db.planned_item_ids(store) == [item_id]
    item = plan_db.get_plan_item(store, item_id)
    assert item is not None and item.title == "A.jpg" and plan_db.get_plan_item(store, 999) is None
    target = "http://127.0.0.1/w/api.php"
    state = plan_db.FileState(target, item_id, "uploading", batch="gw-1")
    assert plan_db.last_journal_phase(store, target, item_id, "upload") is None
    plan_db.journal(store, state, "upload", "before")
    assert plan_db.last_journal_phase(store, target, item_id, "upload") == "before"
    plan_db.record_step(store, state, "upload")
    assert plan_db.last_journal_phase(store, target, item_id, "upload") == "after"
    assert plan_db.unfinished_batch(store, target) == "gw-1"
    plan_db.put_state(store, plan_db.FileState(target, item_id, "done", batch="gw-1"))
    assert plan_db.unfinished_batch(store, target) is None


def test_error_count_and_abandoning_a_failed_write(store: Store) -> None:
    run_id = runs_db.start_run(store, source="s.csv", reader="csv", profile=None, dataset="tate")
    issues = [
        runs_db.IssueRow("s.csv", "2", "title", "error", "empty"),
        runs_db.IssueRow("s.csv", "3", "date", "warning", "odd"),
    ]
    runs_db.add_issues(store, run_id, issues)
    assert runs_db.error_count(store) == 1
    store.execute("BEGIN")
    runs_db.add_issues(store, run_id, issues)
    runs_db.abandon_pending(store)
    assert runs_db.error_count(store) == 1 and not store.conn.in_transaction
