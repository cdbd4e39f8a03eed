"""Which people get a new Wikidata item, journaled before anything leaves glamwiki.

A person is proposed only when (1) Wikidata has no link for them: no match, nothing accepted, and no
candidate with a QID from the matcher, in the review queue or below it (a person must reject it first); (2) they are a
human (:mod:`glamwiki.linking.human`); (3) Wikidata was searched on every name form and on the
institution's id property and found nothing (:mod:`glamwiki.linking.wikidata.search_first`).
Name hits that cannot be the person (not humans, conflicting birth or death years) are set aside;
other name hits hold the person back, unless a person already rejected the link (a person looked);
an item that already carries the institution's id always holds. Accepting a link withdraws a
prepared item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from glamwiki.errors import RecordNotFound
from glamwiki.linking.new_items import Refusal, new_item
from glamwiki.linking.wikidata.properties import verified
from glamwiki.linking.wikidata.search_first import NOT_SEARCHED, Searcher, SearchFailed
from glamwiki.linking.wikidata.settings import WikidataSettings, dataset_settings
from glamwiki.linking.wikidata.statements import EXTERNAL_ID, Item, as_json, quickstatements
from glamwiki.model.records import Person
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.records import get_record
from glamwiki.wikimedia.ids import ARTIST

WIKIDATA = "wikidata"


@dataclass
class Proposal:
    added: int = 0
    waiting: int = 0
    held: list[dict[str, Any]] = field(default_factory=list)  # found on Wikidata: review, do not create
    refused: list[Refusal] = field(default_factory=list)  # not humans
    withdrawn: int = 0
    problems: list[str] = field(default_factory=list)


def candidates(store: Store) -> list[dict[str, Any]]:
    """Answers against Wikidata with no link and nothing in the review queue (a queued QID waits for a person)."""
    linked = db.links(store)
    out = []
    for r in db.match_rows(store):
        if r["authority"] != WIKIDATA or (r["dataset"], r["person_id"]) in linked:
            continue
        if r["verdict"] == db.REJECT or r["decision"] == "none":
            out.append(r)
    return out


def prepare_new_items(store: Store, searcher: Searcher, occupation: str = ARTIST) -> Proposal:
    """Search, then journal a new item for every person Wikidata has nothing for."""
    result = Proposal()
    with store.transaction():
        db.drop_unsearched_items(store)
        result.withdrawn = withdraw_linked(store)
    journaled = {(r["dataset"], r["person_id"]) for r in db.new_items(store)}
    settings: dict[str, WikidataSettings] = {}
    for r in candidates(store):
        key = (r["dataset"], r["person_id"])
        if key in journaled:
            continue
        found = [rec for _, rec in get_record(store, r["person_id"], "person", r["dataset"])]
        person = found[0] if found else None
        if not isinstance(person, Person) or not person.name:
            continue
        if r["dataset"] not in settings:
            settings[r["dataset"]] = checked_settings(store, r["dataset"], searcher)
        item = new_item(r["dataset"], person, settings[r["dataset"]], occupation)
        if isinstance(item, Refusal):
            result.refused.append(item)
            continue
        if r["qid"] and r["verdict"] != db.REJECT:  # the matcher's (weak) candidate: a person decides first
            result.held.append({"dataset": r["dataset"], "person_id": person.id, "label": item.label,
                                "found": [r["qid"]], "by_id": False, "why": "matcher candidate"})  # fmt: skip
            continue
        searched = searcher.person([item.label, *item.aliases], own_id_pair(item, settings[r["dataset"]]))
        searcher.rule_out(searched, person)
        human_looked = r["verdict"] == db.REJECT
        if searched.by_id or (searched.by_name and not human_looked):
            result.held.append({"dataset": r["dataset"], "person_id": person.id, "label": item.label,
                                "found": searched.found, "by_id": bool(searched.by_id),
                                "why": "found by identifier" if searched.by_id else "found by name"})  # fmt: skip
            continue
        result.problems += [f"{item.key}: {p}" for p in item.problems]
        with store.transaction():
            result.added += db.journal_new_item(store, r["dataset"], person.id, item.label, as_json(item),
                                                quickstatements(item), searched.as_json(),
                                                json.dumps(item.problems))  # fmt: skip
    result.waiting = len(db.new_items(store, "prepared"))
    return result


def checked_settings(store: Store, dataset: str, searcher: Searcher) -> WikidataSettings:
    """The dataset's profile settings, its id property checked on Wikidata (its own format constraint)."""
    settings = dataset_settings(store, dataset)
    if settings.person_id is not None:
        if searcher.client is None:
            raise SearchFailed(NOT_SEARCHED)
        settings.person_id, _ = verified(searcher.client, settings.person_id, settings.origin)
    return settings


def own_id_pair(item: Item, settings: WikidataSettings) -> tuple[str, str] | None:
    spec = settings.person_id
    if spec is None:
        return None
    value = next((c.value for c in item.claims if c.prop == spec.prop and c.kind == EXTERNAL_ID), None)
    return (spec.prop, str(value)) if value else None


def withdraw_linked(store: Store) -> int:
    """Prepared items of people now linked, or with a candidate waiting in the review queue."""
    open_keys = {(r["dataset"], r["person_id"]) for r in candidates(store)}
    links = db.links(store)
    n = 0
    for row in db.new_items(store, "prepared"):
        key = (row["dataset"], row["person_id"])
        if key in links or key not in open_keys:
            n += db.withdraw_new_item(store, row["dataset"], row["person_id"], links.get(key, ""))
    return n


def record_created(store: Store, dataset: str, person_id: str, qid: str) -> None:
    """After the item was made (QuickStatements or an edit): journal it and link the person to it."""
    if not db.mark_new_item(store, dataset, person_id, "created", qid):
        raise RecordNotFound(f"No prepared item for {dataset} {person_id}: run `glamwiki link new-items` first.")
    link_created(store, dataset, person_id, qid)


def link_created(store: Store, dataset: str, person_id: str, qid: str) -> None:
    """The person is linked to the item made for them (a decision no rerun overwrites)."""
    row = next((r for r in db.match_rows(store, None, dataset) if r["person_id"] == person_id), None)
    authority = row["authority"] if row else WIKIDATA
    db.save_decision(store, dataset, person_id, authority, db.ACCEPT, "", qid, "new item", "created by glamwiki")
