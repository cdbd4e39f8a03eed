"""The collection's creators as the audit sees them: the institution's facts, the works held, the
Wikidata facts of the linked item (if any)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from glamwiki.linking.constants import FEMALE, GENDER_WORDS, MALE
from glamwiki.model.records import ORGANISATION, PERSON, ObjectRecord, Person
from glamwiki.model.rights import UPLOAD
from glamwiki.store import Store
from glamwiki.store import linking as links_db
from glamwiki.store.records import iter_records
from glamwiki.store.rights import iter_decisions

NOT_RECORDED = "not recorded"
FEMALE_WORDS = {"female", "f", "woman", "women", "feminine"}
MALE_WORDS = {"male", "m", "man", "men", "masculine"}


@dataclass
class Creator:
    dataset: str
    id: str
    name: str
    kind: str
    gender: str  # as the institution records it (folded case), or NOT_RECORDED
    nationality: str
    birth_year: int | None
    works: int = 0
    works_cleared: int = 0  # works whose rights decision is `upload`
    qid: str = ""
    wd: dict[str, Any] | None = None  # Wikidata facts of the linked item
    work_ids: list[str] = field(default_factory=list)

    @property
    def wd_gender(self) -> str:
        """Wikidata's best-rank P21 as a word (female, male...), its QID when unnamed, several joined."""
        if not self.qid:
            return "no item"
        if self.wd is None:
            return "item not fetched"
        if not self.wd.get("human", True):
            return "not a human item (P31)"
        values = self.wd.get("gender") or []
        if not values:
            return NOT_RECORDED
        return " + ".join(GENDER_WORDS.get(v, v) for v in values)

    @property
    def is_woman(self) -> bool:
        return self.gender == "female"


def institution_gender(value: str | None) -> str:
    """The institution's word, in lower case; synonyms of female/male folded to those, others kept."""
    if not value or not value.strip():
        return NOT_RECORDED
    v = value.strip().lower()
    if v in FEMALE_WORDS:
        return "female"
    if v in MALE_WORDS:
        return "male"
    return v


def collect_creators(store: Store, dataset: str | None = None) -> list[Creator]:
    people: dict[tuple[str, str], Creator] = {}
    works: Counter[tuple[str, str]] = Counter()
    work_ids: dict[tuple[str, str], list[str]] = {}
    cleared = _cleared(store)
    for ds, rec in iter_records(store, dataset=dataset):
        if isinstance(rec, Person):
            people[(ds, rec.id)] = _creator(ds, rec)
        elif isinstance(rec, ObjectRecord):
            for pid in {c.person_id for c in rec.creators if c.person_id}:
                works[(ds, pid)] += 1
                work_ids.setdefault((ds, pid), []).append(rec.id)
    linked = links_db.links(store, dataset)
    facts = links_db.entity_facts(store, linked.values())
    for key, c in people.items():
        c.works = works.get(key, 0)
        c.work_ids = work_ids.get(key, [])
        c.works_cleared = sum(1 for w in c.work_ids if (c.dataset, w) in cleared)
        c.qid = linked.get(key, "")
        c.wd = facts.get(c.qid) if c.qid else None
    return list(people.values())


def _creator(ds: str, p: Person) -> Creator:
    year = p.birth.earliest_year if p.birth.is_known else p.active.earliest_year
    return Creator(ds, p.id, p.name or p.sort_name or p.id, p.kind or PERSON, institution_gender(p.gender),
                   (p.nationality or NOT_RECORDED).strip(), year)  # fmt: skip


def _cleared(store: Store) -> set[tuple[str, str]]:
    """Objects the rights stage cleared for upload (empty when it has not run)."""
    return {(d.dataset, d.record_id) for d in iter_decisions(store, decision=UPLOAD)}


def is_person(c: Creator) -> bool:
    return c.kind == PERSON


def is_group(c: Creator) -> bool:
    return c.kind not in (PERSON, ORGANISATION)


__all__ = ["FEMALE", "MALE", "NOT_RECORDED", "Creator", "collect_creators", "institution_gender"]
