"""Assess every object record in a project and store the decisions (rerunnable: the latest
decision per record replaces the previous one; curator facts are read, never overwritten)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from glamwiki.errors import ConfigError
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import RightsDecision
from glamwiki.rights.engine import assess
from glamwiki.rights.presumptions import SHIPPED, Presumption, shipped
from glamwiki.rights.rules import Settings, default_settings
from glamwiki.store import Store
from glamwiki.store.records import count, iter_records
from glamwiki.store.rights import RightsRun, all_facts, current_presumptions, record_rights_run, save_decisions

BATCH = 2000


@dataclass
class AssessSummary:
    as_of: str
    assessed: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    uk: Counter[str] = field(default_factory=Counter)
    us: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    would_decide: Counter[str] = field(default_factory=Counter)
    presumed: Counter[str] = field(default_factory=Counter)

    def add(self, d: RightsDecision) -> None:
        self.assessed += 1
        self.decisions[d.decision] += 1
        self.uk[d.uk_status] += 1
        self.us[d.us_status] += 1
        for fact in d.missing_facts:
            self.missing[fact] += 1
        self.would_decide.update(d.would_decide)
        self.presumed.update(d.presumptions)

    def as_dict(self) -> dict[str, object]:
        return {"as_of": self.as_of, "assessed": self.assessed, "decisions": dict(self.decisions),
                "uk": dict(self.uk), "us": dict(self.us), "missing_facts": dict(self.missing),
                "presumptions_applied": dict(self.presumed), "reviews_a_presumption_would_decide":
                dict(self.would_decide)}  # fmt: skip


def persons_by_dataset(store: Store) -> dict[str, dict[str, Person]]:
    out: dict[str, dict[str, Person]] = {}
    for dataset, record in iter_records(store, kind="person"):
        if isinstance(record, Person):
            out.setdefault(dataset, {})[record.id] = record
    return out


def object_count(store: Store) -> int:
    return count(store, kind="object")


def approved_presumptions(store: Store, names: Sequence[str]) -> list[Presumption]:
    """The named presumptions as approved in this project (scope and approver from the latest version)."""
    current = current_presumptions(store)
    out = []
    for name in dict.fromkeys(names):
        base = shipped(name)
        row = current.get(name)
        if not row or row["status"] != "approved":
            state = "was withdrawn" if row else "has not been approved"
            raise ConfigError(f"presumption {name!r} {state} in this project: a curator approves it with "
                              f"`glamwiki rights presumptions approve {name} --by NAME`")  # fmt: skip
        out.append(dataclasses.replace(base, approved_by=row["approved_by"], approved_on=row["approved_on"],
                                       datasets=tuple(row["datasets"]), match=tuple(row["match"])))  # fmt: skip
    return out


def assess_project(
    store: Store,
    as_of: date,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
    presumptions: Sequence[Presumption] = (),
) -> AssessSummary:
    settings = settings or default_settings()
    facts = all_facts(store)
    persons = persons_by_dataset(store)
    summary = AssessSummary(as_of.isoformat())
    batch: list[RightsDecision] = []
    for dataset, record in iter_records(store, kind="object"):
        if not isinstance(record, ObjectRecord):
            continue
        d = assess(record, as_of, persons=persons.get(dataset, {}), facts=facts.get((dataset, record.id)),
                   settings=settings, dataset=dataset, presumptions=presumptions,
                   candidates=list(SHIPPED.values()))  # fmt: skip
        summary.add(d)
        batch.append(d)
        if len(batch) >= BATCH:
            _flush(store, batch, progress)
    _flush(store, batch, progress)
    names = tuple(p.name for p in presumptions)
    run = RightsRun(summary.as_of, settings.max_lifespan, names, summary.assessed, datetime.now(UTC).isoformat())
    with store.transaction():
        record_rights_run(store, run)
    return summary


def _flush(store: Store, batch: list[RightsDecision], progress: Callable[[int], None] | None) -> None:
    if batch:
        with store.transaction():
            save_decisions(store, batch)
        if progress:
            progress(len(batch))
        batch.clear()


def settings_of_run(store: Store, run: RightsRun | None) -> tuple[Settings, list[Presumption], str]:
    """The settings and presumptions a stored run used, to evaluate more dates (Public Domain Day) as it
    did; with a note when they cannot all be had again (a presumption withdrawn since, no run recorded)."""
    if run is None:
        return default_settings(), [], "the settings of the last run were not recorded: run `glamwiki rights`"
    settings = default_settings()
    if run.max_lifespan != settings.max_lifespan:
        settings = default_settings(run.max_lifespan)
    try:
        return settings, approved_presumptions(store, run.presumptions), ""
    except ConfigError as exc:
        return settings, [], f"evaluated without presumptions: {exc}"
