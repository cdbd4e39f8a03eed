"""Closed sets of words as enums and Literals: what the store holds stays the same text it always was,
and what comes back from the store is the enum again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from glamwiki.errors import ConfigError
from glamwiki.model.codec import decode, encode
from glamwiki.model.linking import MatchDecision, Verdict
from glamwiki.model.publishing import FileStatus, JournalPhase, PlanStatus
from glamwiki.model.records import ImageKind, ImageRef, ObjectRecord, Person, RecordKind, record_kind
from glamwiki.model.rights import DECISIONS, Decision, LayerStatus, RightsDecision
from glamwiki.model.runs import IngestStatus
from glamwiki.reach.dumpformats import identify
from glamwiki.reach.kinds import AGENTS, as_agent, parse_agents
from glamwiki.rights.facts import CATEGORIES, Authorship, Reproduction, WorkCategory
from glamwiki.store import open_store
from glamwiki.store import publishing as pub
from glamwiki.store import rights as rights_db
from glamwiki.store.db import Store
from glamwiki.store.runs import finish_run, start_run, unfinished_runs


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "v.db", migrate=True)
    yield store
    store.close()


def test_a_rights_decision_is_stored_as_plain_text_and_read_back_as_enums(store: Store) -> None:
    d = RightsDecision("ds", "r1", "2026-01-01", Decision.UPLOAD, uk_status=LayerStatus.PD)
    rights_db.save_decisions(store, [d])
    row = store.query_one("SELECT decision, uk_status, us_status, data FROM rights_decisions")
    assert row is not None
    assert [type(v) for v in row[:3]] == [str, str, str]
    assert tuple(row[:3]) == ("upload", "pd", "unknown")
    assert json.loads(row["data"])["decision"] == "upload"  # the JSON copy holds the same words
    back = rights_db.get_decision(store, "r1", "ds")
    assert back is not None and back.decision is Decision.UPLOAD and back.uk_status is LayerStatus.PD
    assert back.us_status is LayerStatus.UNKNOWN
    assert rights_db.decision_counts(store) == {"upload": 1}


def test_a_stored_decision_outside_the_set_is_refused_not_passed_on() -> None:
    data = msgspec.json.encode({"dataset": "ds", "record_id": "r", "as_of": "2026-01-01", "decision": "maybe"})
    with pytest.raises(msgspec.ValidationError, match="decision"):
        msgspec.json.decode(data, type=RightsDecision)


def test_plan_and_file_states_round_trip_through_the_store(store: Store) -> None:
    pub.save_plan(store, [{"dataset": "ds", "record_id": "r1", "image_index": 0, "status": PlanStatus.HELD}])
    (item,) = pub.iter_plan(store)
    assert item.status is PlanStatus.HELD
    assert store.scalar("SELECT status FROM publish_plan") == "held"
    state = pub.FileState("http://127.0.0.1/w/api.php", item.item_id, FileStatus.READY)
    pub.put_state(store, state)
    pub.journal(store, state, "fetch", JournalPhase.BEFORE)
    assert store.scalar("SELECT state FROM publish_state") == "ready"
    assert store.scalar("SELECT phase FROM publish_journal") == "before"
    back = pub.get_state(store, state.target, item.item_id)
    assert back is not None and back.state is FileStatus.READY
    assert pub.state_counts(store) == {"ready": 1}


def test_a_file_state_outside_the_set_is_an_error() -> None:
    with pytest.raises(ValueError, match="'sent'"):
        pub.FileState("http://127.0.0.1/w/api.php", 1, "sent")  # type: ignore[arg-type]  # a bad row on purpose


def test_ingest_run_statuses_are_the_column_text(store: Store) -> None:
    with store.transaction():
        run_id = start_run(store, source="a.csv", reader="csv", profile=None, dataset="ds", provenance={})
        finish_run(store, run_id, IngestStatus.INTERRUPTED, {})
    assert store.scalar("SELECT status FROM ingest_runs") == "interrupted"
    assert unfinished_runs(store) == {"interrupted": 1}


def test_words_print_and_serialise_as_their_values() -> None:
    for member in (*Decision, *LayerStatus, *PlanStatus, *FileStatus, *JournalPhase, *MatchDecision, *Verdict,
                   *RecordKind, *IngestStatus, *ImageKind, *WorkCategory, *Authorship, *Reproduction):  # fmt: skip
        assert f"{member}" == str(member) == member.value
        assert {member: 1}[member.value] == {member.value: 1}[member] == 1  # same hash as the stored text
        assert json.dumps(member) == json.dumps(member.value)
        assert msgspec.json.encode(member) == msgspec.json.encode(member.value)
    assert DECISIONS == ("upload", "block", "review")
    assert CATEGORIES == ("artistic", "engraving", "photograph", "literary", "sound", "film")  # the review sheet's list
    assert MatchDecision.NO_MATCH == "none"  # the matcher's CSV and the store say "none"


def test_image_kinds_keep_the_stored_record_bytes() -> None:
    record = ObjectRecord(id="o1", images=[ImageRef(ImageKind.IIIF, "https://iiif.example.org/iiif/2/abc")])
    data = encode(record)
    assert b'"kind":"iiif"' in data
    back = decode(data)
    assert isinstance(back, ObjectRecord) and back.images[0].kind is ImageKind.IIIF


def test_record_kind_names_the_records_table_kinds() -> None:
    assert record_kind(ObjectRecord(id="o1")) is RecordKind.OBJECT
    assert record_kind(Person(id="p1", name="A")) is RecordKind.PERSON


def test_agents_are_parsed_in_the_order_given_and_anything_else_is_refused() -> None:
    assert parse_agents("spider, user") == ("spider", "user")
    assert parse_agents("automated") == ("automated",)
    with pytest.raises(ConfigError, match="'user,bots'"):
        parse_agents("user,bots")
    with pytest.raises(ConfigError):
        parse_agents(" , ")
    with pytest.raises(ValueError, match="'all'"):
        as_agent("all")
    assert AGENTS == ("user", "spider", "automated")


def test_dump_file_names_give_typed_agents_and_granularities() -> None:
    # names as published: https://dumps.wikimedia.org/other/pageview_complete/readme.html
    daily = identify(Path("pageviews-20240101-spider.bz2"))
    assert (daily.granularity, daily.agent, daily.period) == ("daily", "spider", "2024-01-01")
    monthly = identify(Path("pageviews-202401-user.bz2"))
    assert (monthly.granularity, monthly.agent) == ("monthly", "user")
    assert identify(Path("mediacounts.2024-01-01.v00.tsv.bz2")).agent == "all"
