"""Spans of days as (earliest, latest) ISO strings, and the arithmetic the parsers need."""

from __future__ import annotations

import calendar

from glamwiki.model.dates import iso_day

Span = tuple[str | None, str | None]

MIN_YEAR = -9999
MAX_YEAR = 9999


def year_span(first: int, last: int | None = None) -> Span:
    last = first if last is None else last
    return iso_day(first, 1, 1), iso_day(last, 12, 31)


def month_span(year: int, month: int) -> Span:
    return iso_day(year, month, 1), iso_day(year, month, _days_in(year, month))


def day_span(year: int, month: int, day: int) -> tuple[str, str] | None:
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(year, month):
        return None
    d = iso_day(year, month, day)
    return d, d


def _days_in(year: int, month: int) -> int:
    # calendar.monthrange works for years 1..9999; proleptic rule for others.
    if 1 <= year <= 9999:
        return calendar.monthrange(year, month)[1]
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_of(iso: str | None) -> int | None:
    if iso is None:
        return None
    if iso.startswith("-"):
        return -int(iso[1:].split("-", 1)[0])
    return int(iso.split("-", 1)[0])


def union(a: Span, b: Span) -> Span:
    """Smallest span covering both; an open end stays open."""
    lo = None if a[0] is None or b[0] is None else min(a[0], b[0], key=_key)
    hi = None if a[1] is None or b[1] is None else max(a[1], b[1], key=_key)
    return lo, hi


def widen(span: Span, years: int) -> Span:
    """Widen both ends by whole years (for "circa")."""
    lo, hi = span
    y_lo, y_hi = year_of(lo), year_of(hi)
    new_lo = iso_day(y_lo - years, 1, 1) if y_lo is not None else None
    new_hi = iso_day(y_hi + years, 12, 31) if y_hi is not None else None
    return new_lo, new_hi


def ordered(span: Span) -> Span:
    lo, hi = span
    if lo is not None and hi is not None and _key(lo) > _key(hi):
        return hi, lo
    return span


def _key(iso: str) -> tuple[int, str]:
    """Sort key for signed ISO days (string order is wrong for negative years)."""
    year = year_of(iso) or 0
    return year, iso[-5:]


def sort_key(iso: str) -> tuple[int, str]:
    return _key(iso)
