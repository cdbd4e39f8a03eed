"""The matcher's view of a person: name forms, life years as intervals, identifiers, and the
facts compared (nationality, gender, kind), built from a glamwiki Person record."""

from __future__ import annotations

from dataclasses import dataclass, field

from glamwiki.linking.names import NameForm, fold, name_forms
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import PERSON, UNKNOWN_AGENT, Person
from glamwiki.wikimedia.ids import WIKIDATA

Years = tuple[int | None, int | None]  # (earliest, latest) year; None = open
_NO_NATIONALITY = frozenset({"", "nationality unknown", "unknown", "other", "various", "n/a"})


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    forms: list[NameForm]
    birth: Years | None
    death: Years | None
    active: Years | None
    nationality: str | None
    gender: str | None
    kind: str
    identifiers: dict[str, str] = field(default_factory=dict)
    person: Person | None = None

    @property
    def qid(self) -> str:
        return self.identifiers.get(WIKIDATA, "")

    @property
    def matchable(self) -> bool:
        return bool(self.forms) and self.kind != UNKNOWN_AGENT

    def dates_text(self) -> str:
        return f"{_years_text(self.birth)}–{_years_text(self.death)}"


def from_person(person: Person) -> Entity:
    return Entity(
        id=person.id,
        name=person.name or person.sort_name or "",
        forms=name_forms(person.name, person.sort_name, person.alt_names),
        birth=interval_years(person.birth),
        death=interval_years(person.death),
        active=interval_years(person.active),
        nationality=_nationality(person.nationality),
        gender=_gender(person.gender),
        kind=person.kind or PERSON,
        identifiers={k: v.strip() for k, v in person.identifiers.items() if v and v.strip()},
        person=person,
    )


def interval_years(d: DateInterval) -> Years | None:
    lo, hi = d.earliest_year, d.latest_year
    if lo is None and hi is None:
        return None
    return lo, hi


def gap(a: Years | None, b: Years | None) -> int | None:
    """Years between two intervals (0 when they overlap); None when either is unknown."""
    if a is None or b is None:
        return None
    a_lo, a_hi = a
    b_lo, b_hi = b
    if a_hi is not None and b_lo is not None and a_hi < b_lo:
        return b_lo - a_hi
    if b_hi is not None and a_lo is not None and b_hi < a_lo:
        return a_lo - b_hi
    return 0


def exact_year(y: Years | None) -> int | None:
    if y is not None and y[0] is not None and y[0] == y[1]:
        return y[0]
    return None


def _nationality(value: str | None) -> str | None:
    if not value:
        return None
    v = fold(value).strip(" ?.")
    return None if v in _NO_NATIONALITY else v


def _gender(value: str | None) -> str | None:
    if not value:
        return None
    v = fold(value).strip()
    return v or None


def _years_text(y: Years | None) -> str:
    if y is None:
        return "?"
    lo, hi = y
    if lo == hi:
        return str(lo)
    return f"{lo if lo is not None else '?'}/{hi if hi is not None else '?'}"
