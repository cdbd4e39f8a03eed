"""Gaps in the store: what publishing has put on Commons (per record), snapshots per run, events."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from glamwiki.store.db import Store

ON_WIKI = ("uploaded", "done")  # publish_state states of a file that is on the target wiki


def published_files(store: Store, target: str) -> Counter[tuple[str, str]]:
    """(dataset, record_id) -> how many of its files are on ``target`` (uploaded or done)."""
    marks = ",".join("?" * len(ON_WIKI))
    rows = store.query(
        "SELECT p.dataset, p.record_id, COUNT(*) AS n FROM publish_state s JOIN publish_plan p USING (item_id)"
        f" WHERE s.target = ? AND s.state IN ({marks}) GROUP BY p.dataset, p.record_id",
        (target, *ON_WIKI),
    )
    return Counter({(r["dataset"], r["record_id"]): int(r["n"]) for r in rows})


def save_snapshot(store: Store, figures: dict[str, Any], dataset: str = "", taken_at: str | None = None) -> int:
    if taken_at:
        cur = store.execute(
            "INSERT INTO gap_snapshots(taken_at, dataset, figures) VALUES (?, ?, ?) RETURNING id",
            (taken_at, dataset, json.dumps(figures)),
        )
    else:
        cur = store.execute(
            "INSERT INTO gap_snapshots(dataset, figures) VALUES (?, ?) RETURNING id", (dataset, json.dumps(figures))
        )
    return int(cur.fetchone()[0])


def snapshots(store: Store, dataset: str = "") -> list[tuple[str, dict[str, Any]]]:
    """(taken_at, figures) in time order."""
    rows = store.query(
        "SELECT taken_at, figures FROM gap_snapshots WHERE dataset = ? ORDER BY taken_at, id", (dataset,)
    )
    return [(r["taken_at"], json.loads(r["figures"])) for r in rows]


def add_event(store: Store, day: str, label: str) -> None:
    store.execute("INSERT INTO gap_events(day, label) VALUES (?, ?)", (day, label))


def events(store: Store) -> list[tuple[str, str]]:
    return [(r["day"], r["label"]) for r in store.query("SELECT day, label FROM gap_events ORDER BY day, id")]
