"""Decisions with history (docs/adr/0008): events for every decision, the current state derived in the
same transaction, stale edits refused, and the decisions made before the history became its first events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.errors import GlamwikiError, StaleDecision
from glamwiki.store import Store, open_store, rights
from glamwiki.store import decisions as ev
from glamwiki.store import linking as links


def test_a_fact_keeps_its_history_and_reads_return_the_current_value(store: Store) -> None:
    first = rights.save_fact(store, "tate", "T1", "published", "no", "sheet a.csv")
    second = rights.save_fact(store, "tate", "T1", "published", "yes", actor="alice", reason="catalogue raisonné")
    assert rights.facts_for(store, "tate", "T1") == {"published": "yes"}
    events = ev.history(store, "rights_fact", "tate", "T1")
    assert [(e.id, e.value, e.previous, e.actor) for e in events] == [
        (first, "no", None, "cli"),
        (second, "yes", "no", "alice"),
    ]
    assert events[1].reason == "catalogue raisonné" and events[0].source == "sheet a.csv"
    assert events[1].decided_at.endswith("Z") and events[1].decided_at >= events[0].decided_at


def test_the_same_value_again_writes_no_second_event(store: Store) -> None:
    a = rights.save_fact(store, "tate", "T1", "published", "no")
    assert rights.save_fact(store, "tate", "T1", "published", "no") == a
    assert ev.event_count(store, "rights_fact") == 1


def test_a_stale_write_is_refused_naming_who_decided_what_and_when(store: Store) -> None:
    seen = links.save_decision(store, "moma", "P1", "ulan", "accept", "500", "Q1")
    links.save_decision(store, "moma", "P1", "ulan", "reject", decided_by="bob", expected=seen)  # bob saw `seen`
    with pytest.raises(StaleDecision) as caught:  # alice loaded the record before bob decided
        links.save_decision(store, "moma", "P1", "ulan", "accept", "501", "Q2", "alice", expected=seen)
    message = str(caught.value)
    assert "moma/P1" in message and "reject by bob at " in message and f"version {seen}" in message
    assert isinstance(caught.value, GlamwikiError)
    assert [e.value for e in ev.history(store, "link", "moma", "P1")] == ["accept", "reject"]
    assert links.decisions(store, "moma")[0]["verdict"] == "reject"  # nothing written


def test_expected_zero_means_nobody_had_decided(store: Store) -> None:
    rights.save_fact(store, "tate", "T2", "creator_died", "1900", expected=0)
    with pytest.raises(StaleDecision, match="creator_died"):
        rights.save_fact(store, "tate", "T2", "creator_died", "1901", expected=0)
    assert rights.facts_for(store, "tate", "T2") == {"creator_died": "1900"}


def test_presumptions_are_events_too(store: Store) -> None:
    rights.save_presumption(store, "prints", "approved", "carol", "2026-01-02", ["tate"], [("medium", "print")])
    rights.save_presumption(store, "prints", "withdrawn", "dan", "2026-02-01", note="wrong group")
    events = ev.history(store, "presumption", "", "prints")
    assert [(e.value, e.previous, e.actor, e.detail["version"]) for e in events] == [
        ("approved", None, "carol", 1),
        ("withdrawn", "approved", "dan", 2),
    ]
    assert events[0].detail["match"] == [["medium", "print"]]
    assert rights.current_presumptions(store)["prints"]["status"] == "withdrawn"


def test_a_failed_current_state_write_leaves_no_event(store: Store) -> None:
    store.execute("CREATE TRIGGER refuse BEFORE INSERT ON rights_facts BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(sqlite3.IntegrityError):
        rights.save_fact(store, "tate", "T3", "published", "no")
    assert ev.event_count(store) == 0


def test_decisions_made_before_the_history_become_its_first_events(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, sql in ev_migrations_before("0013"):
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations(name) VALUES (?)", (name,))
    conn.execute("INSERT INTO rights_facts(dataset, record_id, fact, value, source, entered_at)"
                 " VALUES ('tate', 'T1', 'published', 'no', 'sheet', '2025-05-01 10:00:00')")  # fmt: skip
    conn.execute("INSERT INTO link_decisions(dataset, person_id, authority, verdict, authority_id, qid, note)"
                 " VALUES ('moma', 'P1', 'ulan', 'accept', 'a\"b\\c', 'Q5', 'n')")  # fmt: skip
    conn.execute("INSERT INTO rights_presumptions(name, version, status, approved_by, approved_on, datasets, match)"
                 " VALUES ('prints', 1, 'approved', 'carol', '2025-01-01', '[\"tate\"]', '[]')")  # fmt: skip
    conn.close()
    store = open_store(path, migrate=True)
    fact = ev.latest(store, "rights_fact", "tate", "T1", "published")
    assert fact is not None and fact.value == "no" and fact.decided_at == "2025-05-01T10:00:00Z"
    link = ev.latest(store, "link", "moma", "P1", "ulan")
    assert link is not None and link.detail == {"authority_id": 'a"b\\c', "qid": "Q5"} and link.actor == "cli"
    pres = ev.latest(store, "presumption", "", "prints")
    assert pres is not None and pres.detail["datasets"] == ["tate"] and pres.actor == "carol"
    # the next decision continues the history from there
    links.save_decision(store, "moma", "P1", "ulan", "reject", expected=link.id)
    assert ev.history(store, "link", "moma", "P1")[-1].previous == "accept"
    store.close()


def ev_migrations_before(first_new: str) -> list[tuple[str, str]]:
    from glamwiki.store.db import available_migrations

    return [(name, sql) for name, sql in available_migrations() if name < first_new]


def test_the_history_command_shows_who_decided_what_and_when(cli: CliRunner, store: Store) -> None:
    from glamwiki.cli import cli as cli_app

    links.save_decision(store, "moma", "P1", "ulan", "accept", "500", "Q1", "alice")
    links.save_decision(store, "moma", "P1", "ulan", "reject", decided_by="bob", note="another painter")
    result = cli.invoke(cli_app, ["decisions", "history", "link", "P1", "--dataset", "moma"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # the terminal's wrapping undone
    first = text.index("ulan: accept (authority_id 500, qid Q1) by alice at")
    assert first < text.index("ulan: reject by bob at") < text.index("(was accept) — another painter")
    none = cli.invoke(cli_app, ["decisions", "history", "rights_fact", "T9", "--dataset", "tate"])
    assert "No rights_fact decision about T9 in tate." in " ".join(none.output.split())
