"""The per-record results table (uploaded / duplicate-of / blocked-by-rights / failed), and CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from glamwiki.intake.exporting import safe_row
from glamwiki.publishing import journal as j
from glamwiki.store import Store
from glamwiki.store import publishing as db

COLUMNS = [
    "dataset",
    "record_id",
    "image",
    "outcome",
    "title",
    "url",
    "duplicate_of",
    "message",
    "sha1",
    "page_id",
    "revision",
    "batch",
]


def outcome(row: dict[str, Any]) -> str:
    if row["plan_status"] == db.BLOCKED:
        return "blocked-by-rights"
    if row["plan_status"] == db.UNPLANNABLE:
        return "no-image"
    state = row["state"]
    if state in j.OUTCOMES:
        return j.OUTCOMES[state]
    return "not-yet" if state in (None, j.PENDING) else "in-progress"


def file_url(target: str, title: str | None) -> str:
    if not title:
        return ""
    base = target.rsplit("/", 1)[0]
    return f"{base}/index.php?title={quote('File:' + title.replace(' ', '_'))}"


def rows(store: Store, target: str) -> Iterator[dict[str, Any]]:
    for row in db.results(store, target):
        done = row["state"] == j.DONE
        yield {
            "dataset": row["dataset"],
            "record_id": row["record_id"],
            "image": row["image_index"],
            "outcome": outcome(row),
            "title": row["title"] or row["planned_title"] or "",
            "url": file_url(target, row["title"]) if done else "",
            "duplicate_of": f"File:{row['duplicate_of']}" if row["duplicate_of"] else "",
            "message": row["message"] or "",
            "sha1": row["sha1"] or "",
            "page_id": row["page_id"] or "",
            "revision": row["revision"] or "",
            "batch": row["batch"] or "",
        }


def write_csv(store: Store, target: str, path: Path) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        for row in rows(store, target):
            writer.writerow(safe_row(row))
            n += 1
    return n
