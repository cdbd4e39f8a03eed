"""When the work was made and when its named creators died, as intervals, from the record, the
creators' Person records, the curator's facts and what the record implies (acquisition, a school's
century, floruit, a birth with no death)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from glamwiki.model.dates import DateInterval, iso_day
from glamwiki.model.records import ORGANISATION, CreatorRef, ObjectRecord, Person
from glamwiki.rights import evidence as ev
from glamwiki.rights.rules import Settings

Interval = tuple[int | None, int | None]
IsoInterval = tuple[str | None, str | None]


def made_of(
    record: ObjectRecord, creators: list[CreatorRef], facts: Mapping[str, str]
) -> tuple[tuple[str | None, str | None], str]:
    if given := interval_iso(facts.get("creation_year")):
        return given, "recorded"
    if record.date.earliest or record.date.latest:
        return (record.date.earliest, record.date.latest), "recorded"
    periods = [p for c in creators if (p := ev.century_of(c.name))]
    if periods:
        lo, hi = max(p[0] for p in periods), min(p[1] for p in periods)
        if lo <= hi:
            return (iso_day(lo), iso_day(hi, 12, 31)), "period"
    return (None, None), ""


def bound_by_acquisition(
    record: ObjectRecord, made: tuple[str | None, str | None], facts: Mapping[str, str], is_photo: bool
) -> tuple[tuple[str | None, str | None], str]:
    """A work acquired in 1896 was made by 1896."""
    acquired, source = ev.acquired_by(record.extra.get("acquisition_year", ""), record.credit_line)
    if acquired is None or "creation_year" in facts:
        return made, ""
    lo, hi = made
    hi_year = iso_year(hi) if hi is not None else None
    if hi_year is not None and hi_year <= acquired:
        return made, ""
    if lo is not None and (iso_year(lo) or 0) > acquired:
        return made, ""  # contradicts the acquisition: flagged as a date problem, not silently changed
    if lo is None:
        lo = iso_day(ev.FIRST_PHOTOGRAPH_YEAR if is_photo else 1)
    return (lo, iso_day(acquired, 12, 31)), f"Made by {acquired}: the institution held it then ({source})"


def birth_year(c: CreatorRef, persons: Mapping[str, Person]) -> int | None:
    birth, _ = ev.life_of(c, persons.get(c.person_id or ""))
    return birth.earliest_year


def death_of(
    creators: list[CreatorRef],
    persons: Mapping[str, Person],
    facts: Mapping[str, str],
    made: tuple[str | None, str | None],
    settings: Settings,
    year: int | None,
) -> tuple[tuple[int | None, int | None], str]:
    if given := interval_years(facts.get("creator_death_year")):
        return given, "recorded"
    made_lo, made_hi = iso_year(made[0]), iso_year(made[1])
    los, his, bases = [], [], set()
    for c in (c for c in creators if ev.is_named(c)):
        lo, hi, basis = _one_death(c, persons.get(c.person_id or ""), made_lo, made_hi, settings, year)
        los.append(lo)
        his.append(hi)
        bases.add(basis)
    lo, hi = _latest(los), _latest(his)
    for b in ("alive", "floruit", "lifespan"):
        if b in bases:
            return (lo, hi), b
    return (lo, hi), ("recorded" if bases == {"recorded"} else "")


def _one_death(
    c: CreatorRef, person: Person | None, made_lo: int | None, made_hi: int | None, settings: Settings,
    year: int | None,
) -> tuple[int | None, int | None, str]:  # fmt: skip
    """One creator's death as an interval: recorded; else alive (born, no death, the longest life not
    yet passed); else bounded by the floruit or the making and the maximum lifespan."""
    birth, death = ev.life_of(c, person)
    lo, hi = death.earliest_year, death.latest_year
    if hi is not None:
        return (lo if lo is not None else birth.earliest_year), hi, "recorded"
    active = ev.floruit(person)
    starts = [y for y in (birth.latest_year, active[0] if active else None, made_hi) if y is not None]
    hi = min(y + settings.max_lifespan for y in starts) if starts else None
    lo = max((y for y in (birth.earliest_year, made_lo, active[1] if active else None) if y is not None), default=None)
    if year is not None and birth.is_known and hi is not None and year <= hi and c.kind != ORGANISATION:
        return max(lo or year, year), hi, "alive"
    return lo, hi, ("floruit" if active and not birth.is_known else ("lifespan" if hi is not None else ""))


def _latest(years: list[int | None]) -> int | None:
    """The latest of the years; None when any is unknown (or there are none)."""
    known = [y for y in years if y is not None]
    return max(known) if known and len(known) == len(years) else None


def interval_years(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    m = re.match(r"\s*(-?\d{1,4})(?:\s*[-–/]\s*(\d{1,4}))?\s*$", text or "")
    if not m:
        return None
    lo = int(m[1])
    return lo, int(m[2]) if m[2] else lo


def interval_iso(text: str | None) -> tuple[str | None, str | None] | None:
    years = interval_years(text)
    if not years:
        return None
    lo, hi = years
    return iso_day(lo), iso_day(hi, 12, 31)


@lru_cache(maxsize=65536)
def iso_year(iso: str | None) -> int | None:
    return DateInterval(earliest=iso).earliest_year if iso else None


def lifetime(births: list[int], death_hi: int, lifespan: int) -> IsoInterval:
    """An undated work by a named creator: made between their birth (if recorded) and death."""
    born = max(births, default=death_hi - lifespan)
    return iso_day(min(death_hi, max(born, death_hi - lifespan))), iso_day(death_hi, 12, 31)
