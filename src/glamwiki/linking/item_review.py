"""The review queue of Wikidata writes: each new item `glamwiki link create-items people` would create
(the journal `link new-items` fills, every one searched on Wikidata first), shown as it would be
written — label, description, aliases, statements with their qualifiers and references — with a
person's approval or rejection recorded as a decision event (kind ``link``, field ``new_item``: who,
when, the version seen; a conflicting decision made meanwhile is refused, not overwritten).

``write_approved`` creates only the approved items, through the same journaled
:class:`~glamwiki.linking.wikidata.create.ItemCreator` as ``link create-items`` (each row marked
``sending`` before its request leaves, so a rerun never creates an item twice)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.linking.project_flow import NEW_ITEM, PROPOSED
from glamwiki.linking.wikidata.create import PREPARED, SENDING, ItemCreator, Journal, people_journal
from glamwiki.linking.wikidata.search_first import Searcher
from glamwiki.publishing.api import ApiClient
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.decisions import (
    LOCAL_ACTOR,
    Decision,
    DecisionEvent,
    latest_of_field,
    proposals_of_field,
    record,
)
from glamwiki.wikimedia.readable import NAMES, named, snak_text

APPROVED, REJECTED = "approved", "rejected"
VERDICTS = (APPROVED, REJECTED)


@dataclass
class Statement:
    prop: str
    name: str  # the property's name where glamwiki knows it
    value: str
    qualifiers: list[tuple[str, str]] = field(default_factory=list)  # (property with its name, value)
    references: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ItemCard:
    dataset: str
    person_id: str
    key: str  # dataset/person id: what the edit summary names
    label: str
    description: str
    aliases: list[str]
    statements: list[Statement]
    problems: list[str]
    proposed_by: str  # who chose "propose a new item" in the link queue ("" when the rules chose it)
    review: DecisionEvent | None  # the latest approval or rejection
    version: int  # the id of the latest new_item event for this person, 0 when none

    @property
    def state(self) -> str:
        return self.review.value if self.review and self.review.value in VERDICTS else "waiting"


@dataclass
class ItemQueue:
    cards: list[ItemCard]
    proposed: list[DecisionEvent]  # proposed in the link queue, not yet prepared (searched) by link new-items
    counts: dict[str, int]


def _snaks(group: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    return [(named(prop), snak_text(s)) for prop, snaks in group.items() for s in snaks]


def statements(entity: dict[str, Any]) -> list[Statement]:
    out = []
    for claim in entity.get("claims") or []:
        main = claim.get("mainsnak", {})
        refs = [pair for ref in claim.get("references") or [] for pair in _snaks(ref.get("snaks", {}))]
        prop = str(main.get("property", ""))
        out.append(Statement(prop, NAMES.get(prop, ""), snak_text(main), _snaks(claim.get("qualifiers") or {}),
                             refs))  # fmt: skip
    return out


def _first(terms: dict[str, Any]) -> str:
    first: dict[str, Any] = next(iter(terms.values()), {})
    return str(first.get("value", ""))


def card(row: dict[str, Any], events: dict[tuple[str, str], DecisionEvent], proposals: dict[tuple[str, str], str],
         ) -> ItemCard:  # fmt: skip
    entity = json.loads(row["entity"] or "{}")
    key = (row["dataset"], row["person_id"])
    aliases = [str(a.get("value", "")) for forms in (entity.get("aliases") or {}).values() for a in forms]
    last = events.get(key)
    return ItemCard(row["dataset"], row["person_id"], f"{row['dataset']}/{row['person_id']}",
                    _first(entity.get("labels") or {}) or row["label"], _first(entity.get("descriptions") or {}),
                    aliases, statements(entity), [str(p) for p in json.loads(row.get("problems") or "[]")],
                    proposals.get(key, ""), last, last.id if last else 0)  # fmt: skip


def item_queue(store: Store) -> ItemQueue:
    """The prepared items (what create-items would write), each with its review; and the people
    proposed in the link queue that `glamwiki link new-items` has not searched and prepared yet."""
    events = {(e.dataset, e.subject): e for e in latest_of_field(store, "link", NEW_ITEM)}
    proposals = {(e.dataset, e.subject): e.actor for e in _proposals(store)}
    rows = db.new_items(store, PREPARED)
    cards = [card(r, events, proposals) for r in rows]
    journaled = {(r["dataset"], r["person_id"]) for r in db.new_items(store)}
    waiting = [e for k, e in events.items() if e.value == PROPOSED and k not in journaled]
    counts = Counter(c.state for c in cards)
    return ItemQueue(cards, waiting, dict(counts))


def _proposals(store: Store) -> list[DecisionEvent]:
    """Who proposed each person (an approval since then replaced the latest event)."""
    return proposals_of_field(store, "link", NEW_ITEM, PROPOSED)


def review_item(store: Store, dataset: str, person_id: str, verdict: str, who: str, version_seen: int,
                note: str = "") -> DecisionEvent:  # fmt: skip
    """Approve or reject one prepared item as ``who`` (StaleDecision if reviewed since ``version_seen``)."""
    if verdict not in VERDICTS:
        raise ConfigError(f"An item is approved or rejected, not {verdict!r}.")
    if not any(r["person_id"] == person_id and r["dataset"] == dataset for r in db.new_items(store, PREPARED)):
        raise ConfigError(f"No prepared item for {dataset}/{person_id}: run `glamwiki link new-items` first.")
    return record(store, Decision("link", dataset, person_id, NEW_ITEM, verdict, {}, who or LOCAL_ACTOR, note),
                  version_seen)  # fmt: skip


def review_items(store: Store, seen: dict[tuple[str, str], int], verdict: str, who: str) -> int:
    """Approve or reject every item shown (``seen``: (dataset, person) -> the version shown) in one
    transaction: all, or none when one of them was reviewed meanwhile (StaleDecision)."""
    with store.transaction():
        for (dataset, person_id), version in seen.items():
            review_item(store, dataset, person_id, verdict, who, version)
    return len(seen)


def approved_only(journal: Journal) -> Journal:
    """The people journal limited to the items a person approved (their latest review says so)."""

    def rows(store: Store, status: str) -> list[dict[str, Any]]:
        approved = {(e.dataset, e.subject) for e in latest_of_field(store, "link", NEW_ITEM) if e.value == APPROVED}
        return [r for r in journal.rows(store, status) if (r["dataset"], r["person_id"]) in approved]

    return Journal(journal.kind, rows, journal.mark, journal.key_field, journal.on_created)


def write_approved(store: Store, api: ApiClient, searcher: Searcher, batch: str, limit: int | None = None,
                   ) -> Counter[str]:  # fmt: skip
    """Create the approved items (an item left ``sending`` by a killed run is looked for first)."""
    return ItemCreator(api, store, searcher, batch).run(approved_only(people_journal()), limit)


def waiting_to_write(store: Store) -> int:
    journal = approved_only(people_journal())
    return len(journal.rows(store, SENDING)) + len(journal.rows(store, PREPARED))


def queue_write(store: Store, who: str) -> int:
    """A queued ``create-items`` job that writes the approved items, started by ``who`` (the id)."""
    from glamwiki.worker.starting import queue

    return queue(store, "create-items", {"approved_only": True}, who)
