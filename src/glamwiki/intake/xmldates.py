"""Dates from XML formats that give a display text and machine-readable bounds (LIDO's
displayDate + earliestDate/latestDate, TEI's @when/@notBefore/@notAfter/@from/@to)."""

from __future__ import annotations

from glamwiki.dates import parse_date
from glamwiki.dates.parse import EDTF
from glamwiki.model.dates import UNKNOWN, DateInterval


def bounded(display: str | None, earliest: str | None, latest: str | None, circa: int = 5) -> DateInterval:
    """The interval from the bounds when they parse, keeping the display text; else the text parsed.

    The bounds are schema-typed ISO 8601 (LIDO earliestDate/latestDate, TEI att.datable.w3c), so
    they are read as EDTF ("1905-06" is June 1905); the display text is catalogue text."""
    low = parse_date(earliest, circa, EDTF) if earliest else UNKNOWN
    high = parse_date(latest, circa, EDTF) if latest else UNKNOWN
    if low.earliest or high.latest:
        lo = low.earliest or high.earliest
        hi = high.latest or low.latest
        if lo and hi and _order(lo) > _order(hi):
            lo, hi = hi, lo
        text = display or "–".join(v for v in (earliest, latest) if v)
        return DateInterval(
            text=text, earliest=lo, latest=hi, qualifiers=tuple(dict.fromkeys(low.qualifiers + high.qualifiers))
        )
    return parse_date(display, circa) if display else UNKNOWN


def _order(iso: str) -> tuple[int, str]:
    from glamwiki.dates.spans import sort_key

    return sort_key(iso)
