"""Public Domain Day: which records become free on 1 January of a year: free to upload, or PD in
the UK (with the US side or a fact still open). Evaluated from the records, not stored decisions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import PD, UPLOAD
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import Presumption
from glamwiki.rights.project import persons_by_dataset
from glamwiki.rights.rules import Settings
from glamwiki.store import Store
from glamwiki.store.records import iter_records
from glamwiki.store.rights import all_facts


@dataclass
class Freed:
    dataset: str
    record_id: str
    title: str
    creators: str
    templates: list[str]
    change: str  # "upload": free for Commons; "uk": PD in the UK, the US side or a fact still open
    decision: str


def public_domain_day(
    store: Store, year: int, presumptions: Sequence[Presumption] = (), settings: Settings | None = None
) -> Iterator[Freed]:
    facts = all_facts(store)
    persons = persons_by_dataset(store)
    before, on = date(year - 1, 1, 1), date(year, 1, 1)
    for dataset, record in iter_records(store, kind="object"):
        if not isinstance(record, ObjectRecord):
            continue
        people, given = persons.get(dataset, {}), facts.get((dataset, record.id))
        new = assess(record, on, persons=people, facts=given, settings=settings, dataset=dataset,
                     presumptions=presumptions)  # fmt: skip
        if new.decision != UPLOAD and new.uk_status != PD:
            continue
        old = assess(record, before, persons=people, facts=given, settings=settings, dataset=dataset,
                     presumptions=presumptions)  # fmt: skip
        change = "upload" if new.decision == UPLOAD and old.decision != UPLOAD else ""
        change = change or ("uk" if new.uk_status == PD and old.uk_status != PD else "")
        if change:
            names = ", ".join(c.name for c in record.creators)
            yield Freed(dataset, record.id, record.title, names, new.templates, change, new.decision)
