"""`glamwiki rights assess PATH`: decisions straight from an export, without a project."""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TextIO

from glamwiki.cells import neutralise
from glamwiki.intake.base import Read
from glamwiki.intake.mapping import Profile
from glamwiki.intake.stream import read_source
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import RightsDecision
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import Presumption
from glamwiki.rights.rules import Settings

COLUMNS = [
    "record_id", "decision", "uk_status", "uk_expires", "us_status", "us_expires", "templates", "reasons",
    "recheck_on", "missing_facts", "flags", "copyright_status", "determination_method", "title", "presumptions",
    "would_decide",
]  # fmt: skip


Row = tuple[ObjectRecord, RightsDecision]


def decisions_from_source(
    path: str,
    profile: Profile | None,
    as_of: date,
    settings: Settings | None = None,
    presumptions: Sequence[Presumption] = (),
    candidates: Sequence[Presumption] = (),
) -> Iterator[Row]:
    """Every object record in the source with its decision. Person records seen so far are used;
    objects that name a person not yet read wait until the end (sources usually list people first)."""
    persons: dict[str, Person] = {}
    waiting: list[ObjectRecord] = []
    for item in read_source(path, profile=profile):
        if not isinstance(item, Read):
            continue
        record = item.record
        if isinstance(record, Person):
            persons[record.id] = record
        elif any(c.person_id and c.person_id not in persons and not c.death.is_known for c in record.creators):
            waiting.append(record)
        else:
            yield record, assess(record, as_of, persons=persons, settings=settings, presumptions=presumptions,
                                 candidates=candidates)  # fmt: skip
    for record in waiting:
        yield record, assess(record, as_of, persons=persons, settings=settings, presumptions=presumptions,
                                 candidates=candidates)  # fmt: skip


def started(rows: Iterator[Row]) -> Iterator[Row]:
    """The same rows, the first already read: a source that cannot be read fails now, before any output."""
    first = next(rows, None)
    return itertools.chain([first] if first else [], rows)


def record_id(record: ObjectRecord) -> str:
    """The institution's accession number when it has one (Tate: acno), else the local id."""
    return record.accession_number or record.id


def write_csv(rows: Iterator[Row], out: TextIO, progress: Callable[[int], None] | None = None) -> Counter[str]:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    counts: Counter[str] = Counter()
    for record, d in rows:
        counts[d.decision] += 1
        writer.writerow(csv_row(record, d))
        if progress:
            progress(1)
    return counts


def csv_row(record: ObjectRecord, d: RightsDecision) -> list[object]:
    reasons = " | ".join(f"{r.text} [{r.citation}]" if r.citation else r.text for r in d.reasons)
    return [
        neutralise(record_id(record)), d.decision, d.uk_status, _n(d.uk_expires), d.us_status, _n(d.us_expires),
        " ".join(d.templates), neutralise(reasons), d.recheck_on or "", "; ".join(d.missing_facts), "; ".join(d.flags),
        d.copyright_status or "", d.determination_method or "", neutralise(record.title), " ".join(d.presumptions),
        " ".join(d.would_decide),
    ]  # fmt: skip


def _n(value: int | None) -> str:
    return "" if value is None else str(value)
