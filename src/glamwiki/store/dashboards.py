"""The store's data version and the stage dashboards drawn for it (migration 0023)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from glamwiki.store.db import Store

# Every write that changes what a dashboard shows adds or ends a row of one of these: an ingest run
# (started, finished), a rights run, a link run, a decision (rights facts, presumptions, links,
# upload approvals: decision_events), a gaps snapshot, a publish plan (made, finished), a step of
# a publish run (the journal), a reach report, dump run, fetch or problem. Each is the maximum of
# a key or a time: one indexed look-up (or a small table), one round trip for all.
_VERSION_PARTS = (
    "SELECT MAX(id) FROM ingest_runs",
    "SELECT MAX(finished_at) FROM ingest_runs",
    "SELECT MAX(id) FROM rights_runs",
    "SELECT COUNT(*) FROM rights_presumptions",
    "SELECT MAX(id) FROM link_runs",
    "SELECT MAX(id) FROM decision_events",
    "SELECT MAX(id) FROM gap_snapshots",
    "SELECT MAX(plan_id) FROM publish_plans",
    "SELECT MAX(finished_at) FROM publish_plans",
    "SELECT MAX(seq) FROM publish_journal",
    "SELECT MAX(id) FROM reach_reports",
    "SELECT MAX(finished_at) FROM reach_dump_runs",
    "SELECT MAX(id) FROM reach_problems",
    "SELECT MAX(collected_at) FROM reach_events",
)
_VERSION_SQL = "SELECT " + ", ".join(f"({part})" for part in _VERSION_PARTS)


@dataclass(frozen=True)
class Dashboard:
    stage: str
    version: str
    section_id: str
    title: str
    body: str  # HTML drawn by the templates
    headline: str  # HTML
    absent: bool
    seconds: float
    computed_at: str


def data_version(store: Store) -> str:
    """A text that changes whenever a run or a decision changes the project's data."""
    row = store.query_one(_VERSION_SQL)
    return "|".join("" if v is None else str(v) for v in (tuple(row) if row is not None else ()))


_COLUMNS = "stage, version, section_id, title, body, headline, absent, seconds, computed_at"


def _dashboard(row: Any) -> Dashboard:
    s, version, section_id, title, body, headline, absent, seconds, at = tuple(row)
    return Dashboard(stage=str(s), version=str(version), section_id=str(section_id), title=str(title),
                     body=str(body), headline=str(headline), absent=bool(absent), seconds=float(seconds),
                     computed_at=str(at))  # fmt: skip


def get_dashboard(store: Store, stage: str) -> Dashboard | None:
    row = store.query_one(f"SELECT {_COLUMNS} FROM web_dashboards WHERE stage = ?", (stage,))
    return None if row is None else _dashboard(row)


def list_dashboards(store: Store) -> dict[str, Dashboard]:
    return {d.stage: d for d in map(_dashboard, store.query(f"SELECT {_COLUMNS} FROM web_dashboards"))}


def save_dashboard(store: Store, d: Dashboard) -> bool:
    """Keep ``d``; False when a SQLite project is busy with a long write (a command running) for
    longer than its busy timeout: the page shows the dashboard all the same and keeps it next time."""
    try:
        with store.transaction():
            store.execute(
                f"INSERT INTO web_dashboards({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (stage) DO UPDATE SET version = excluded.version, section_id = excluded.section_id,"
                " title = excluded.title, body = excluded.body, headline = excluded.headline,"
                " absent = excluded.absent, seconds = excluded.seconds, computed_at = excluded.computed_at",
                (d.stage, d.version, d.section_id, d.title, d.body, d.headline, int(d.absent), d.seconds,
                 d.computed_at),
            )  # fmt: skip
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    return True
