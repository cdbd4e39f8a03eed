"""Exports of records (JSON Lines, CSV) and of ingest issues (CSV, JSON Lines)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import msgspec

from glamwiki.cells import neutralise
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import ObjectRecord, Person, Record
from glamwiki.store import Store
from glamwiki.store.records import iter_records
from glamwiki.store.runs import iter_issues

OBJECT_COLUMNS = [
    "dataset",
    "kind",
    "id",
    "accession_number",
    "title",
    "creators",
    "creator_ids",
    "date_text",
    "date_earliest",
    "date_latest",
    "object_type",
    "form",
    "medium",
    "dimensions",
    "credit_line",
    "rights_statement",
    "images",
    "subjects",
    "url",
    "identifiers",
    "source_file",
    "source_locator",
]
PERSON_COLUMNS = [
    "dataset",
    "kind",
    "id",
    "name",
    "sort_name",
    "agent_kind",
    "birth_text",
    "birth_earliest",
    "birth_latest",
    "death_earliest",
    "death_latest",
    "active_earliest",
    "active_latest",
    "gender",
    "nationality",
    "identifiers",
    "url",
    "source_file",
    "source_locator",
]
ISSUE_COLUMNS = ["run_id", "dataset", "file", "locator", "field", "severity", "message", "value"]


def safe_row(row: dict[str, object]) -> dict[str, object]:
    """A CSV row whose text cells cannot run as spreadsheet formulas (:func:`glamwiki.cells.neutralise`)."""
    return {k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()}


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        yield f


def export_records(store: Store, stream: IO[str], fmt: str, kind: str | None = None, dataset: str | None = None) -> int:
    n = 0
    if fmt == "jsonl":
        enc = msgspec.json.Encoder()
        for ds, record in iter_records(store, kind, dataset):
            payload = msgspec.to_builtins(record)
            payload["dataset"] = ds
            stream.write(enc.encode(payload).decode() + "\n")
            n += 1
        return n
    columns = OBJECT_COLUMNS if kind == "object" else PERSON_COLUMNS if kind == "person" else _union()
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for ds, record in iter_records(store, kind, dataset):
        writer.writerow(safe_row(flatten(ds, record)))
        n += 1
    return n


def _union() -> list[str]:
    return OBJECT_COLUMNS + [c for c in PERSON_COLUMNS if c not in OBJECT_COLUMNS]


def flatten(dataset: str, record: Record) -> dict[str, object]:
    row: dict[str, object] = {
        "dataset": dataset,
        "id": record.id,
        "identifiers": "; ".join(f"{k}={v}" for k, v in record.identifiers.items()),
    }
    if record.source:
        row["source_file"], row["source_locator"] = record.source.file, record.source.locator
    if isinstance(record, ObjectRecord):
        row.update(
            kind="object",
            accession_number=record.accession_number,
            title=record.title,
            creators="; ".join(c.name for c in record.creators),
            creator_ids="; ".join(c.person_id or "" for c in record.creators),
            object_type=record.object_type,
            form=record.form,
            medium=record.medium,
            dimensions=record.dimensions.text if record.dimensions else None,
            credit_line=record.credit_line,
            rights_statement=record.rights_statement,
            images="; ".join(i.location for i in record.images),
            subjects="; ".join(s.text for s in record.subjects),
            url=record.url,
            **_interval("date", record.date),
        )
    elif isinstance(record, Person):
        row.update(
            kind="person",
            name=record.name,
            sort_name=record.sort_name,
            agent_kind=record.kind,
            gender=record.gender,
            nationality=record.nationality,
            url=record.url,
            **_interval("birth", record.birth),
            **_interval("death", record.death),
            **_interval("active", record.active),
        )
    return row


def _interval(prefix: str, d: DateInterval) -> dict[str, object]:
    return {f"{prefix}_text": d.text, f"{prefix}_earliest": d.earliest, f"{prefix}_latest": d.latest}


def export_issues(store: Store, stream: IO[str], fmt: str) -> int:
    n = 0
    if fmt == "jsonl":
        enc = msgspec.json.Encoder()
        for issue in iter_issues(store):
            stream.write(enc.encode(issue).decode() + "\n")
            n += 1
        return n
    writer = csv.DictWriter(stream, fieldnames=ISSUE_COLUMNS)
    writer.writeheader()
    for issue in iter_issues(store):
        writer.writerow(safe_row(issue))
        n += 1
    return n
