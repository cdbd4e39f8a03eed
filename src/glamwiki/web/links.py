"""The link review queue on the web: each person awaiting review beside the best candidate, with the
evidence (names, dates, identifiers, the features and the score), and the version of the person's link
decision the page saw, so that an answer to a link someone decided meanwhile is refused (StaleDecision)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.linking.project_flow import decide, propose_new_item
from glamwiki.linking.review import FIELDS, _text
from glamwiki.store import Store
from glamwiki.store.decisions import versions
from glamwiki.store.linking import review_queue
from glamwiki.store.records import qualified_id

PAGE = 25


@dataclass
class Other:
    """Another candidate of a person, with the evidence shown for the best."""

    authority_id: str
    qid: str
    probability: float
    sides: list[tuple[str, str]]  # (field, the candidate's value)
    features: str
    weight: str


@dataclass
class LinkCard:
    dataset: str
    person_id: str
    id: str  # dataset:person id
    authority: str
    authority_id: str
    qid: str
    probability: float
    sides: list[tuple[str, str, str]]  # (field, the collection's value, the candidate's value)
    features: str
    weight: str
    note: str
    version: int
    others: list[Other]


@dataclass
class LinkPage:
    total: int
    page: int
    pages: int
    cards: list[LinkCard]


def _features(ev: dict[str, Any]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in (ev.get("features") or {}).items() if v != "missing")


def _other(o: dict[str, Any]) -> Other:
    cand = o.get("candidate") or {}
    sides = [(f, _text(cand.get(f))) for f in FIELDS]
    return Other(str(o.get("authority_id") or ""), str(o.get("qid") or ""), float(o.get("probability") or 0),
                 sides, _features(o), f"weight {o.get('match_weight')} bits")  # fmt: skip


def _card(row: dict[str, Any], version: int) -> LinkCard:
    ev = row["evidence"]
    source, cand = ev.get("source") or {}, ev.get("candidate") or {}
    features = _features(ev)
    weight = f"weight {ev.get('match_weight')} bits; runner-up p={ev.get('runner_up', 0)}"
    sides = [(f, _text(source.get(f)), _text(cand.get(f))) for f in FIELDS]
    return LinkCard(row["dataset"], row["person_id"], qualified_id(row["dataset"], row["person_id"]),
                    row["authority"], row["authority_id"], row["qid"], float(row["probability"]), sides, features,
                    weight, str(ev.get("note") or ""), version,
                    [_other(o) for o in ev.get("others") or []])  # fmt: skip


def link_page(store: Store, page: int) -> LinkPage:
    rows = review_queue(store)
    pages = max(1, -(-len(rows) // PAGE))
    page = min(max(1, page), pages)
    seen = versions(store, "link")
    shown = rows[(page - 1) * PAGE : page * PAGE]
    return LinkPage(len(rows), page, pages, [_card(r, seen.get((r["dataset"], r["person_id"]), 0)) for r in shown])


def answer_link(
    store: Store,
    dataset: str,
    person_id: str,
    authority: str,
    verdict: str,
    who: str,
    version_seen: str,
    note: str,
    candidate: str = "",
) -> dict[str, Any]:
    """Accept the best candidate (or ``candidate``, one of the others shown), reject, or propose a new
    item (``verdict`` "new_item"), as ``who``; refused (StaleDecision) if decided since ``version_seen``."""
    expected = int(version_seen) if version_seen.isdigit() else 0
    if verdict == "new_item":
        return propose_new_item(store, person_id, dataset, authority, who, note.strip(), expected)
    qid = ""
    if candidate and verdict == "accept":
        candidate, qid = _chosen(store, dataset, person_id, authority, candidate)
    return decide(store, person_id, verdict, candidate, qid, dataset=dataset, authority=authority, by=who,
                  note=note.strip(), expected=expected)  # fmt: skip


def _chosen(store: Store, dataset: str, person_id: str, authority: str, candidate: str) -> tuple[str, str]:
    """The (authority id, QID) of a candidate the run kept for this person: never an id from the form alone."""
    for row in review_queue(store, dataset):
        if row["person_id"] == person_id and row["authority"] == authority:
            ev = row["evidence"]
            if candidate == row["authority_id"]:
                return row["authority_id"], row["qid"]
            for o in ev.get("others") or []:
                if o.get("authority_id") == candidate:
                    return str(o["authority_id"]), str(o.get("qid") or "")
    raise ConfigError(f"{candidate!r} is not a candidate of {dataset}:{person_id}: reload the queue and choose again.")
