"""A work's date on the file page (Commons' date templates) and as inception (P571), and the
dates that cannot be right.

Page: ``{{circa|1830}}``, ``{{circa|1830|1841}}`` (https://commons.wikimedia.org/wiki/Template:Circa),
``{{other date|between|1816|1818}}``, ``{{other date|decade|1830}}``, ``{{other date|century|19}}``,
``{{other date|before|1810}}``, ``{{other date|or|1728|1732}}``, ``{{other date|?|1802}}``
(https://commons.wikimedia.org/wiki/Template:Other_date) and ``{{Unknown|date}}``
(https://commons.wikimedia.org/wiki/Template:Unknown). A date that is not the making of the
work ("exhibited 1842", "published 1816") is shown as the catalogue wrote it and is not an inception.

P571 (https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Date): a year, decade
or century at that precision; circa with sourcing circumstances (P1480) = circa (Q5727902);
a range as unknown value with earliest date (P1319) and latest date (P1326).
"""

from __future__ import annotations

from typing import Any

from glamwiki.dates import parse_date
from glamwiki.dates.words import UNKNOWN_WORDS
from glamwiki.model.dates import AFTER, BEFORE, CENTURY, CIRCA, DECADE, ONE_OF, UNCERTAIN, DateInterval
from glamwiki.model.records import CreatorRef, ObjectRecord
from glamwiki.publishing.creators import is_author
from glamwiki.publishing.wikitext import escape
from glamwiki.wikimedia import ids

NOT_MAKING = ("published", "exhibited", "first published", "reprinted", "printed", "cast")
LIFETIME = 100  # years after the author's death past which a date of making cannot be right


def _nominal(interval: DateInterval) -> DateInterval:
    """The years the catalogue wrote, without the parser's circa widening."""
    return parse_date(interval.text, 0) if interval.text else interval


def not_making(interval: DateInterval) -> bool:
    return any(q in NOT_MAKING for q in interval.qualifiers)


def date_wikitext(interval: DateInterval) -> str:
    """The ``|date=`` value of the page."""
    text = interval.text.strip()
    if not interval.is_known:
        unknown = not text or text.lower().rstrip(".") in UNKNOWN_WORDS or "not known" in text.lower()
        return "{{Unknown|date}}" if unknown else escape(text)
    if not_making(interval):
        return escape(text)
    nominal = _nominal(interval)
    lo, hi = nominal.earliest_year, nominal.latest_year
    q = set(interval.qualifiers)
    if lo is None or hi is None:
        if BEFORE in q and hi is not None:
            return f"{{{{other date|before|{hi}}}}}"
        if AFTER in q and lo is not None:
            return f"{{{{other date|after|{lo}}}}}"
        return escape(text)
    if CIRCA in q:
        return f"{{{{circa|{lo}}}}}" if lo == hi else f"{{{{circa|{lo}|{hi}}}}}"
    if DECADE in q:
        return f"{{{{other date|decade|{lo}}}}}"
    if CENTURY in q:
        return f"{{{{other date|century|{lo // 100 + 1}}}}}"
    if ONE_OF in q:
        return f"{{{{other date|or|{lo}|{hi}}}}}"
    if UNCERTAIN in q and lo == hi:
        return f"{{{{other date|?|{lo}}}}}"
    if lo == hi:
        day = interval.earliest if interval.earliest == interval.latest else None
        return day.lstrip("+") if day else str(lo)
    return f"{{{{other date|between|{lo}|{hi}}}}}"


def _time(year: int, precision: int) -> dict[str, Any]:
    sign = "-" if year < 0 else "+"
    return {
        "type": "time",
        "value": {"time": f"{sign}{abs(year):04d}-00-00T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                  "precision": precision, "calendarmodel": ids.GREGORIAN},
    }  # fmt: skip


def _day(iso: str) -> dict[str, Any]:
    value = _time(0, ids.PRECISION_DAY)
    negative = iso.startswith("-")
    value["value"]["time"] = f"{'-' if negative else '+'}{iso.lstrip('-+')}T00:00:00Z"
    return value


def _snak(prop: str, value: dict[str, Any] | None) -> dict[str, Any]:
    if value is None:
        return {"snaktype": "somevalue", "property": prop}
    return {"snaktype": "value", "property": prop, "datavalue": value}


def inception(interval: DateInterval) -> dict[str, Any] | None:
    """The P571 statement, or None (no date, or a date that is not the making of the work)."""
    if not interval.is_known or not_making(interval):
        return None
    nominal = _nominal(interval)
    lo, hi = nominal.earliest_year, nominal.latest_year
    if lo is None or hi is None:
        return None
    q = set(interval.qualifiers)
    qualifiers: list[dict[str, Any]] = []
    if lo == hi:
        exact = interval.earliest == interval.latest and interval.earliest and len(interval.earliest.lstrip("-")) == 10
        main = _snak(ids.INCEPTION, _day(interval.earliest) if exact and interval.earliest else _time(lo, 9))
    elif DECADE in q or (lo % 10 == 0 and hi == lo + 9):
        main = _snak(ids.INCEPTION, _time(lo, ids.PRECISION_DECADE))
    elif CENTURY in q:
        main = _snak(ids.INCEPTION, _time(lo + 1 if lo % 100 == 0 else lo, ids.PRECISION_CENTURY))
    else:
        main = _snak(ids.INCEPTION, None)
        qualifiers += [_snak(ids.EARLIEST_DATE, _time(lo, 9)), _snak(ids.LATEST_DATE, _time(hi, 9))]
    if CIRCA in q:
        qualifiers.append(_snak(ids.SOURCING_CIRCUMSTANCES, _item(ids.CIRCA)))
    out: dict[str, Any] = {"mainsnak": main, "type": "statement", "rank": "normal"}
    if qualifiers:
        out["qualifiers"] = {}
        for s in qualifiers:
            out["qualifiers"].setdefault(s["property"], []).append(s)
    return out


def _item(qid: str) -> dict[str, Any]:
    return {"type": "wikibase-entityid", "value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}}


def impossible_date(record: ObjectRecord) -> str | None:
    """Why the record's date cannot be right (made after it was acquired, or more than a
    lifetime after its author died), or None. Such files are held for review, never sent silently."""
    made = record.date
    if not made.is_known or not_making(made):
        return None
    lo = made.earliest_year
    if lo is None:
        return None
    acquired = _year(record.extra.get("acquisition_year"))
    if acquired is not None and lo > acquired:
        return f"dated {made.text!r} but acquired in {acquired}: the date cannot be right"
    for creator in record.creators:
        died = _death_year(creator)
        if died is not None and is_author(creator) and lo > died + LIFETIME:
            return (
                f"dated {made.text!r}, more than {LIFETIME} years after {creator.name} died ({died}): "
                "the date or the attribution cannot be right"
            )
    return None


def _death_year(creator: CreatorRef) -> int | None:
    return creator.death.latest_year


def _year(value: str | None) -> int | None:
    try:
        return int(str(value).strip()[:4]) if value else None
    except ValueError:
        return None
