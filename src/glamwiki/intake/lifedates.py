"""Birth, death and active dates of a person or creator, from whichever values a mapping has:
a lifespan text ("1852–1911"), date texts, or year numbers where 0 means unknown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from glamwiki.dates import parse_date, parse_lifespan, parse_year_value
from glamwiki.dates.words import says_no_date
from glamwiki.intake.values import text
from glamwiki.model.dates import UNKNOWN, DateInterval

# A warning found while reading values: (field, message, value); the caller adds file and row.
Note = tuple[str, str, str]


def life_dates(
    values: Mapping[str, Any], provenance: Mapping[str, str], circa: int, prefix: str = ""
) -> tuple[DateInterval, DateInterval, DateInterval, bool, list[Note]]:
    notes: list[Note] = []
    raw = text(values.get("lifespan"))
    span = parse_lifespan(raw, circa) if raw else None
    found = {"birth": UNKNOWN, "death": UNKNOWN, "active": UNKNOWN}
    if span:
        found = {"birth": span.birth, "death": span.death, "active": span.active}
        if raw and not any(d.is_known for d in found.values()) and _has_digit(raw) and not says_no_date(raw):
            where = prefix + provenance.get("lifespan", "lifespan")
            notes.append((where, f"life dates {raw!r} could not be read; kept as text", raw))
    for name in ("birth", "death", "active"):
        raw_d = text(values.get(name))
        if raw_d and not found[name].is_known:
            found[name] = parse_date(raw_d, circa)
    floruit = span is not None and span.active.is_known and not (span.birth.is_known or span.death.is_known)
    for name in ("birth", "death"):
        raw_y = values.get(f"{name}_year")
        # "active 1531–1570": Tate's yearOfBirth/yearOfDeath then hold the ends of activity, not life.
        if raw_y not in (None, "") and not found[name].is_known and not floruit:
            found[name] = parse_year_value(raw_y)
    if raw and span and not any(d.is_known for d in found.values()):
        found["birth"] = DateInterval(text=raw)  # keep the text somewhere a person will see it
    return found["birth"], found["death"], found["active"], bool(span and span.founded), notes


def as_period(birth: DateInterval, death: DateInterval, active: DateInterval) -> DateInterval:
    """For a school or an anonymous hand ("British School 19th century", dates "1800–1899"), the
    catalogue's life dates are the period of the work, never a birth or a death: one active span."""
    if active.is_known or not (birth.is_known or death.is_known):
        return active
    return DateInterval(text=birth.text or death.text, earliest=birth.earliest, latest=death.latest or birth.latest)


def _has_digit(text: str) -> bool:
    """Life dates with no digit at all ("American", NGA's displaydate for many) give no date to read."""
    return any(c.isdigit() for c in text)
