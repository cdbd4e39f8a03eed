"""What the record itself implies beyond its date fields: who is (and is not) an author, when the
work must have been made by (acquisition, a school's century), where it comes from, whether a
commissioning body makes it a Crown work, and which of its dates cannot all be true."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from glamwiki.model.dates import DateInterval
from glamwiki.model.records import ORGANISATION, UNKNOWN_AGENT, CreatorRef, ObjectRecord, Person

# The earliest surviving photograph, Niépce's "View from the Window at Le Gras", is dated c.1826-27
# (Harry Ransom Center, University of Texas): a photograph cannot have been taken before 1826.
FIRST_PHOTOGRAPH_YEAR = 1826

# Creator relations that name someone who is not the author of this object: "after X" (X made the
# design the printmaker copied), "formerly attributed to X" (no longer thought to be X).
_NOT_AUTHOR = re.compile(r"^\s*(after|prints after|copy after|copied after|formerly|pseudo|wrongly|not )", re.I)
# Relations that keep the author unnamed (s.9(5): not ascertainable): a school, workshop or manner.
_UNNAMED = re.compile(r"workshop|studio|school|circle|follower|manner|style|imitator|pupil|assistant", re.I)
_MAKER_ROLES = ("artist", "author", "creator", "maker", "photographer", "printmaker", "engraver", "")
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+century\b", re.I)
_TRAILING_YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\s*\.?\s*$")
# Bodies whose commissions were Crown works (Copyright Act 1956 s.39, 1911 Act s.18): the Second World
# War's War Artists' Advisory Committee and the Ministry of Information (and its First World War
# predecessor for art, the British War Memorials Committee).
_CROWN_COMMISSION = re.compile(
    r"War Artists'? Advisory Committee|Ministry of Information|British War Memorials Committee", re.I
)
_US = re.compile(r"(United States|\bU\.?S\.?A\.?$|\bAmerican\b)", re.I)


def relation(c: CreatorRef) -> str:
    """How the creator relates to the object: the attribution, else a role that is not a maker's."""
    if c.attribution:
        return c.attribution
    role = (c.role or "").strip().lower()
    return "" if role in _MAKER_ROLES else role


def is_author(c: CreatorRef) -> bool:
    """False for "after X" and "formerly attributed to X": X is not the author of this object."""
    return _kind_of(relation(c)) != "not-author"


def is_named(c: CreatorRef) -> bool:
    return c.kind not in (UNKNOWN_AGENT, ORGANISATION) and _kind_of(relation(c)) == "author"


@lru_cache(maxsize=1024)
def _kind_of(rel: str) -> str:
    if _NOT_AUTHOR.match(rel):
        return "not-author"
    return "unnamed" if _UNNAMED.search(rel) else "author"


def not_authors(creators: list[CreatorRef]) -> list[str]:
    return [f"{relation(c)} {c.name}" for c in creators if not is_author(c)]


def doubtful(creators: list[CreatorRef]) -> bool:
    return any(relation(c).lower().startswith(("attributed", "possibly", "probably", "doubtfully")) for c in creators)


@lru_cache(maxsize=4096)
def century_of(name: str) -> tuple[int, int] | None:
    """A school or period named by its century ("British School 18th century"): 1700-1799."""
    m = _CENTURY.search(name)
    if not m or not 1 <= int(m[1]) <= 21:
        return None
    start = (int(m[1]) - 1) * 100
    return start, start + 99


@lru_cache(maxsize=4096)
def acquired_by(acq: str, credit_line: str | None) -> tuple[int | None, str]:
    """The year the institution held the work by (it was made by then), and where that comes from: the
    acquisition year (``extra.acquisition_year``) or a year ending the credit line, the earlier."""
    found: list[tuple[int, str]] = []
    if acq.strip().isdigit() and 1000 < int(acq) < 2200:
        found.append((int(acq), f"acquisition year {acq}"))
    if credit_line and (m := _TRAILING_YEAR.search(credit_line)):
        found.append((int(m[1]), f"credit line '{credit_line[:80]}'"))
    return min(found) if found else (None, "")


def crown_commission(record: ObjectRecord) -> str:
    """The commissioning body named in the credit line, if it makes the work a Crown work."""
    m = _CROWN_COMMISSION.search(record.credit_line or "")
    return m[0] if m else ""


def origin_of(creators: list[CreatorRef], persons: Mapping[str, Person]) -> tuple[str, str]:
    """("US", why) when every named author was born in or is a national of the United States."""
    whys = []
    for c in (c for c in creators if is_named(c)):
        person = persons.get(c.person_id or "")
        places = [c.nationality, person.nationality if person else None, person.birth_place if person else None]
        us = next((p for p in places if p and _US.search(p)), None)
        if us is None:
            return "", ""
        whys.append(f"{c.name}: {us}")
    return ("US", "; ".join(whys)) if whys else ("", "")


def floruit(person: Person | None) -> tuple[int, int] | None:
    """The years the person is recorded as active ("active 1902"), if that is all that is known."""
    if person is None or not person.active.is_known:
        return None
    lo, hi = person.active.earliest_year, person.active.latest_year
    if lo is None or hi is None:
        return None
    return lo, hi


def life_of(c: CreatorRef, person: Person | None) -> tuple[DateInterval, DateInterval]:
    """Birth and death, dropping those that merely repeat the floruit (Tate: "active 1902" also
    gives yearOfBirth and yearOfDeath 1902): an active year is neither a birth nor a death."""
    death = c.death if c.death.is_known else (person.death if person else DateInterval())
    birth = c.birth if c.birth.is_known else (person.birth if person else DateInterval())
    active = floruit(person)
    if active:
        lo, hi = active
        if death.is_known and lo <= (death.earliest_year or lo) <= (death.latest_year or hi) <= hi:
            death = DateInterval()
        if birth.is_known and lo <= (birth.earliest_year or lo) <= (birth.latest_year or hi) <= hi:
            birth = DateInterval()
    return birth, death


def date_problems(
    record: ObjectRecord,
    made: tuple[int | None, int | None],
    is_photo: bool,
    births: list[tuple[str, int]],
) -> list[str]:
    """Dates in the record that cannot all be true: each one a data-quality flag."""
    lo, hi = made
    out = []
    acquired, source = acquired_by(record.extra.get("acquisition_year", ""), record.credit_line)
    if lo is not None and acquired is not None and lo > acquired:
        out.append(f"date problem: made {lo} or later, but held by {acquired} ({source})")
    if is_photo and hi is not None and hi < FIRST_PHOTOGRAPH_YEAR:
        out.append(
            f"date problem: a photograph dated {hi}, before photography existed (c.{FIRST_PHOTOGRAPH_YEAR}): "
            "the date (and creator) may be those of the work photographed"
        )
    for name, born in births:
        if hi is not None and hi < born:
            out.append(f"date problem: made by {hi}, before {name} was born ({born})")
    return out
