"""The collection's people as the audit sees them, from every source: the people file when there
is one, and every creator named inside object records (a library export whose makers appear only
in its rows, or a maker the people file leaves out). Each with the institution's facts, the works
credited to them (and which of those the rights stage cleared, and which are on Commons), and the
Wikidata facts of the linked item (if any)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glamwiki.gaps.place_names import UNKNOWN_TEXT
from glamwiki.gaps.places import Place, resolve, resolve_nationality, wikidata_country
from glamwiki.gaps.works import WorkInfo, collection_works
from glamwiki.intake.names import invert_name
from glamwiki.linking.names import fold, parse_name
from glamwiki.model.records import ORGANISATION, PERSON, CreatorRef, Person
from glamwiki.store import Store
from glamwiki.store import linking as links_db
from glamwiki.store.records import iter_records
from glamwiki.wikimedia.ids import FEMALE, GENDER_WORDS, MALE

NOT_RECORDED = "not recorded"
FEMALE_WORDS = {"female", "f", "woman", "women", "feminine"}
MALE_WORDS = {"male", "m", "man", "men", "masculine"}
PEOPLE_FILE, OBJECT_RECORDS = "people file", "object records"
YEARS_APART = 5  # two name-only creators with birth years further apart than this are namesakes


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
    death_year: int | None = None
    roles: list[str] = field(default_factory=list)  # as credited on the works: artist, after, author...
    origin: str = PEOPLE_FILE  # PEOPLE_FILE or OBJECT_RECORDS (derived from the rows that credit them)
    birth_place: str = ""
    death_place: str = ""
    url: str = ""
    place: Place | None = None  # the country (and UK nation) resolved from nationality or places
    place_text: str = ""  # the text it was resolved from, or the text that resolved to nothing
    files_to_upload: int = 0  # image files of cleared works not yet on Commons
    works_to_upload: int = 0

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

    @property
    def record_says(self) -> str:
        """What the institution's record says of them, in one line (for a worklist citation)."""
        bits = [self.gender if self.gender != NOT_RECORDED else "", _life(self.birth_year, self.death_year)]
        if self.birth_place:
            bits.append(f"born in {self.birth_place}")
        if self.nationality != NOT_RECORDED:
            bits.append(self.nationality)
        if self.roles:
            bits.append("credited as " + ", ".join(self.roles))
        bits.append(f"{self.works} work{'s' if self.works != 1 else ''} in the collection")
        return "; ".join(b for b in bits if b)


def name_key(name: str) -> str:
    """The comparable form of a name: "Bell, Gertrude" and "Gertrude Bell" give the same key."""
    forms = parse_name(name)
    return forms[0].key if forms else fold(name)


def _life(born: int | None, died: int | None) -> str:
    if born and died:
        return f"{born}–{died}"
    return f"born {born}" if born else (f"died {died}" if died else "")


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


def collect_creators(
    store: Store, dataset: str | None = None, works: dict[tuple[str, str], WorkInfo] | None = None
) -> list[Creator]:
    """Everyone in the collection: people records, then creators known only from object rows,
    deduplicated (by the row's person id, else by name and compatible birth year)."""
    works = collection_works(store, dataset) if works is None else works
    people: dict[tuple[str, str], Creator] = {}
    ids: dict[tuple[str, str], Creator] = {}
    for ds, rec in iter_records(store, kind="person", dataset=dataset):
        if isinstance(rec, Person):
            c = people[(ds, rec.id)] = _from_person(ds, rec)
            ids[(ds, rec.id)] = c
            ids.update(((ds, f"{k}:{v}"), c) for k, v in rec.identifiers.items())
    derived = _Derived(people, ids)
    for (ds, wid), w in works.items():
        for ref in w.creators:
            c = derived.find(ds, ref)
            if not c.work_ids or c.work_ids[-1] != wid:  # works are visited one at a time
                c.work_ids.append(wid)
            if ref.role and ref.role not in c.roles:
                c.roles.append(ref.role)
            c.url = c.url or w.url
    everyone = list(people.values()) + derived.new
    linked = links_db.links(store, dataset)
    facts = links_db.entity_facts(store, linked.values())
    for c in everyone:
        _tally(c, works)
        c.qid = linked.get((c.dataset, c.id), "")
        c.wd = facts.get(c.qid) if c.qid else None
        _place(c)
    return everyone


def _tally(c: Creator, works: dict[tuple[str, str], WorkInfo]) -> None:
    ws = [works[(c.dataset, w)] for w in c.work_ids]
    c.works = len(ws)
    c.works_cleared = sum(w.cleared for w in ws)
    todo = [w for w in ws if w.cleared and w.files_to_upload]
    c.works_to_upload = len(todo)
    c.files_to_upload = sum(w.files_to_upload for w in todo)


def _place(c: Creator) -> None:
    """The collection's own text first (nationality, then places of birth and death), else the
    linked item's citizenship (P27) when its country is known; unresolved text is kept."""
    for text, how in ((c.nationality, resolve_nationality), (c.birth_place, resolve), (c.death_place, resolve)):
        if text and text != NOT_RECORDED and text.strip().lower() not in UNKNOWN_TEXT:
            c.place = how(text)
            if c.place is not None:
                c.place_text = text
                return
            c.place_text = c.place_text or text
    for qid in (c.wd or {}).get("citizenship", []):
        c.place = wikidata_country(qid)
        if c.place is not None:
            return


class _Derived:
    """Creators named on object rows: matched to the people file by id, else made once each."""

    def __init__(self, people: dict[tuple[str, str], Creator], ids: dict[tuple[str, str], Creator]) -> None:
        self.people = people
        self.ids = ids  # (dataset, "scheme:value") of the people file's identifiers -> that person
        self.new: list[Creator] = []
        self.by_name: dict[tuple[str, str], list[Creator]] = {}
        self.by_id: dict[tuple[str, str], Creator] = {}
        for c in people.values():  # a row naming someone of the people file without its id joins them
            self.by_name.setdefault((c.dataset, name_key(c.name)), []).append(c)

    def find(self, ds: str, ref: CreatorRef) -> Creator:
        if ref.person_id:
            key = (ds, ref.person_id)
            c = self.people.get(key) or self.by_id.get(key) or self._make(ds, ref.person_id, ref)
            self.by_id[key] = c
            if c.gender == NOT_RECORDED and ref.gender:  # the row states what the people file leaves blank
                c.gender = institution_gender(ref.gender)
            return c
        for scheme, value in ref.identifiers.items():
            if (ds, f"{scheme}:{value}") in self.ids:
                return self.ids[(ds, f"{scheme}:{value}")]
        return self._by_name(ds, ref)

    def _by_name(self, ds: str, ref: CreatorRef) -> Creator:
        key = name_key(ref.name)
        born = ref.birth.earliest_year if ref.birth.is_known else None
        for c in self.by_name.get((ds, key), []):
            if born is None or c.birth_year is None or abs(born - c.birth_year) <= YEARS_APART:
                if c.birth_year is None:
                    c.birth_year = born
                if c.gender == NOT_RECORDED and ref.gender:
                    c.gender = institution_gender(ref.gender)
                return c
        same = self.by_name.setdefault((ds, key), [])
        c = self._make(ds, f"name:{key}" + (f"|{born}" if same and born else ""), ref)
        same.append(c)
        return c

    def _make(self, ds: str, pid: str, ref: CreatorRef) -> Creator:
        c = Creator(
            ds,
            pid,
            _display(ref.name),
            ref.kind or PERSON,
            institution_gender(ref.gender),
            (ref.nationality or NOT_RECORDED).strip(),
            ref.birth.earliest_year if ref.birth.is_known else None,
            death_year=ref.death.latest_year if ref.death.is_known else None,
            origin=OBJECT_RECORDS,
        )
        self.new.append(c)
        return c


def _display(name: str) -> str:
    """ "Betz, Johann" -> "Johann Betz" (a title an article could have); names with dates or more kept."""
    if any(ch.isdigit() or ch in "()[]&" for ch in name):
        return name.strip()
    return invert_name(name)


def _from_person(ds: str, p: Person) -> Creator:
    year = p.birth.earliest_year if p.birth.is_known else p.active.earliest_year
    return Creator(
        ds,
        p.id,
        p.name or p.sort_name or p.id,
        p.kind or PERSON,
        institution_gender(p.gender),
        (p.nationality or NOT_RECORDED).strip(),
        year,
        death_year=p.death.latest_year if p.death.is_known else None,
        birth_place=p.birth_place or "",
        death_place=p.death_place or "",
        url=p.url or "",
    )


def is_person(c: Creator) -> bool:
    return c.kind == PERSON


def is_group(c: Creator) -> bool:
    return c.kind not in (PERSON, ORGANISATION)


__all__ = ["FEMALE", "MALE", "NOT_RECORDED", "Creator", "collect_creators", "institution_gender"]
