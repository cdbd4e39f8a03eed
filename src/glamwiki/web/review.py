"""The rights review queue on the web: the groups of ``rights.review`` paged, with title, creators
and dates per record, and a bulk answer (a fact, or a presumption's approval) with its legal basis,
saved through the rights store functions and followed by a fresh assessment of the records answered."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from glamwiki.errors import ConfigError, GlamwikiError
from glamwiki.model.records import ObjectRecord, Person
from glamwiki.model.rights import REVIEW, RightsDecision
from glamwiki.rights.engine import assess
from glamwiki.rights.facts import FACTS, check_fact
from glamwiki.rights.presumptions import SHIPPED
from glamwiki.rights.project import approved_presumptions, settings_of_run
from glamwiki.rights.review import PRESUMPTION, creators_text, group_decisions, group_label, group_of
from glamwiki.store import Store
from glamwiki.store.records import get_record, qualified_id
from glamwiki.store.rights import (
    facts_for,
    iter_decisions,
    last_rights_run,
    save_decisions,
    save_fact,
    save_presumption,
)
from glamwiki.web.kept import KEPT

PAGE = 25


class StaleAnswer(GlamwikiError):
    """The group changed since the page was drawn (someone else answered meanwhile)."""


@dataclass
class QueueRow:
    id: str  # dataset:local id
    title: str
    creators: str
    date: str
    missing: str


@dataclass
class GroupPage:
    key: str
    label: str
    total: int
    page: int
    pages: int
    rows: list[QueueRow]
    version: str  # what the answering form saw; an answer to another version is refused
    is_presumption: bool
    question: str  # what to enter
    answerable: bool  # False: not a fact a curator supplies (a data-quality or legal question)
    facts: dict[str, str]  # every fact a curator may supply instead, with what it asks


class Member(NamedTuple):
    """What the group's page and its version read of a decision under review."""

    dataset: str
    record_id: str
    as_of: str
    missing_facts: list[str]


@dataclass
class ReviewIndex:
    """The queue read in one pass: ``queue_groups``' groups and ``group_decisions``' members of every
    group, kept while the data holds (web/kept.py)."""

    groups: list[tuple[str, str, int]]
    members: dict[str, list[Member]]


def _index(store: Store) -> ReviewIndex:
    counts: Counter[str] = Counter()
    members: dict[str, list[Member]] = defaultdict(list)
    for d in iter_decisions(store, decision=REVIEW):
        counts[group_of(d)] += 1
        member = Member(d.dataset, d.record_id, str(d.as_of), list(d.missing_facts))
        for key in dict.fromkeys([*(PRESUMPTION + name for name in d.would_decide), *d.missing_facts]):
            members[key].append(member)
    return ReviewIndex([(key, group_label(key), n) for key, n in counts.most_common()], dict(members))


def review_index(store: Store) -> ReviewIndex:
    return KEPT.get(store, "rights review index", _index)


def groups(store: Store) -> list[tuple[str, str, int, int]]:
    """The groups of ``queue_groups``: (key, label, records whose first open question it is — each
    record in one group, so these add up to the records under review —, records it is asked of at
    all — what the group's page lists and one answer touches)."""
    index = review_index(store)
    return [(key, label, n, len(index.members.get(key, []))) for key, label, n in index.groups]


def _members(store: Store, key: str) -> list[Member]:
    """The members of one group, as ``group_decisions`` lists them."""
    return review_index(store).members.get(key, [])


def version_of(members: Sequence[RightsDecision | Member]) -> str:
    """A short fingerprint of the group's members and their decisions' dates."""
    text = "\n".join(f"{d.dataset}\t{d.record_id}\t{d.as_of}" for d in members)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def group_page(store: Store, key: str, page: int) -> GroupPage | None:
    members = _members(store, key)
    if not members:
        return None
    pages = max(1, -(-len(members) // PAGE))
    page = min(max(1, page), pages)
    rows = [_row(store, d) for d in members[(page - 1) * PAGE : page * PAGE]]
    label = next((lb for k, lb, _, _ in groups(store) if k == key), key)
    is_presumption = key.startswith(PRESUMPTION)
    question = "approve this presumption for the project" if is_presumption else FACTS.get(key, key)
    answerable = is_presumption or key in FACTS
    return GroupPage(key, label, len(members), page, pages, rows, version_of(members), is_presumption, question,
                     answerable, FACTS)  # fmt: skip


def _row(store: Store, d: Member) -> QueueRow:
    found = [r for _, r in get_record(store, d.record_id, "object", d.dataset) if isinstance(r, ObjectRecord)]
    record = found[0] if found else ObjectRecord(id=d.record_id)
    missing = "; ".join(d.missing_facts)
    return QueueRow(qualified_id(d.dataset, d.record_id), record.title, creators_text(record),
                    record.date.text or "", missing)  # fmt: skip


def answer_group(
    store: Store,
    key: str,
    value: str,
    basis: str,
    who: str,
    version_seen: str,
    today: date,
    only: Sequence[str] = (),
    fact: str = "",
) -> int:
    """Answer every record of a group at once (a fact group: only the records ``only`` names, as
    ``dataset:id``, when it names any; with ``fact`` another fact than the group's, e.g. "published:
    no" for a group missing the publication year); returns how many records were answered."""
    basis = basis.strip()
    if not basis:
        raise ConfigError("give the legal basis or reason for this answer")
    members = group_decisions(store, key)
    if version_of(members) != version_seen:
        raise StaleAnswer("this group changed since you opened it (someone answered meanwhile): "
                          "nothing was saved; look at it again and answer if still needed")  # fmt: skip
    with store.transaction():
        if key.startswith(PRESUMPTION):
            name = key[len(PRESUMPTION) :]
            if name not in SHIPPED:
                raise ConfigError(f"no presumption named {name!r}")
            save_presumption(store, name, "approved", who, today.isoformat(), note=basis)
        else:
            members = _chosen(members, only)
            value, fact = value.strip(), fact or key
            if fact not in FACTS:
                raise ConfigError(f"{fact!r} is not a fact a curator answers")
            if why := check_fact(fact, value):
                raise ConfigError(f"{fact}: {why}")
            for d in members:
                save_fact(store, d.dataset, d.record_id, fact, value, f"web: {who}: {basis}", actor=who, reason=basis)
        reassess(store, members, today, [key[len(PRESUMPTION) :]] if key.startswith(PRESUMPTION) else [])
    return len(members)


def _chosen(members: list[RightsDecision], only: Sequence[str]) -> list[RightsDecision]:
    if not only:
        return members
    chosen = [d for d in members if qualified_id(d.dataset, d.record_id) in set(only)]
    if not chosen:
        raise ConfigError("none of the ticked records is in this group: nothing was saved")
    return chosen


def reassess(store: Store, decisions: list[RightsDecision], today: date, extra: list[str]) -> None:
    """Assess the answered records again (with the presumptions their decisions used, and ``extra``), with
    the settings of the project's last `glamwiki rights` run (its longest life), not the rules' defaults."""
    settings = settings_of_run(store, last_rights_run(store))[0]
    fresh = []
    for d in decisions:
        found = [r for _, r in get_record(store, d.record_id, "object", d.dataset) if isinstance(r, ObjectRecord)]
        if not found:
            continue
        record = found[0]
        persons = _persons(store, record, d.dataset)
        chosen = approved_presumptions(store, [*d.presumptions, *extra])
        fresh.append(assess(record, today, persons=persons, facts=facts_for(store, d.dataset, d.record_id),
                            settings=settings, dataset=d.dataset, presumptions=chosen,
                            candidates=list(SHIPPED.values())))  # fmt: skip
    save_decisions(store, fresh)


def _persons(store: Store, record: ObjectRecord, dataset: str) -> dict[str, Person]:
    """The Person records of the record's creators (the engine reads their life dates)."""
    out: dict[str, Person] = {}
    for c in record.creators:
        for _, p in get_record(store, c.person_id, "person", dataset) if c.person_id else []:
            if isinstance(p, Person):
                out[p.id] = p
    return out
