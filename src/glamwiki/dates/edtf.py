"""Extended Date/Time Format (EDTF, ISO 8601-2 level 0-1 and common level 2 forms).

Handles: ``1985``, ``1985-04``, ``1985-04-12``, ``-0500``, ``Y170000002``, qualifiers
``?`` ``~`` ``%``, unspecified digits ``198X`` ``19XX`` ``1985-XX``, intervals ``A/B`` with
open (``..``) or unknown (empty) ends, seasons ``2001-21``, and sets ``[a,b]`` / ``{a,b}``.
"""

from __future__ import annotations

import re

from glamwiki.dates.spans import Span, day_span, month_span, union, year_span

_DATE = re.compile(r"(?P<y>-?[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[?~%]?)")
_LONG_YEAR = re.compile(r"Y(?P<y>-?\d{5,})")
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}
EDTF_CHARS = re.compile(r"^[0-9X?~%\-/.\[\]{},Y ]+$")


def parse_edtf(text: str) -> tuple[Span, set[str]] | None:
    """Return the span and qualifiers for an EDTF string, or None if it is not EDTF."""
    text = text.strip()
    if not text or not EDTF_CHARS.match(text):
        return None
    if text[0] in "[{" and text[-1] in "]}":
        return _set(text)
    if "/" in text:
        return _interval(text)
    return _date(text)


def _date(text: str) -> tuple[Span, set[str]] | None:
    m = _LONG_YEAR.fullmatch(text)
    if m:
        y = int(m["y"])
        if abs(y) > 9999:
            return None  # beyond what an ISO day string holds here: not a catalogue date
        return year_span(y), set()
    m = _DATE.fullmatch(text)
    if not m:
        return None
    quals = {"uncertain"} if m["q"] in "?%" and m["q"] else set()
    if m["q"] in "~%" and m["q"]:
        quals.add("circa")
    span = _expand(m["y"], m["m"], m["d"])
    return (span, quals) if span else None


def _expand(y: str, mo: str | None, d: str | None) -> Span | None:
    neg = y.startswith("-")
    digits = y.lstrip("-")
    if "X" in digits:
        lo, hi = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
        if neg:
            lo, hi = -hi, -lo
        return year_span(lo, hi) if mo is None else None
    year = -int(digits) if neg else int(digits)
    if mo is None or mo == "XX":
        return year_span(year)
    month = int(mo) if "X" not in mo else 0
    if month in _SEASONS and d is None:
        first, last = _SEASONS[month]
        return month_span(year, first)[0], month_span(year, last)[1]
    if not 1 <= month <= 12:
        return None
    if d is None or d == "XX":
        return month_span(year, month)
    if "X" in d:
        return None
    return day_span(year, month, int(d))


def _interval(text: str) -> tuple[Span, set[str]] | None:
    left, _, right = text.partition("/")
    quals: set[str] = set()
    lo: str | None = None
    hi: str | None = None
    if left not in ("", ".."):
        a = _date(left)
        if a is None:
            return None
        lo, quals = a[0][0], quals | a[1]
    if right not in ("", ".."):
        b = _date(right)
        if b is None:
            return None
        hi, quals = b[0][1], quals | b[1]
    if lo is None and hi is None:
        return None
    if left == "" or right == "":
        quals.add("uncertain")
    return (lo, hi), quals


def _set(text: str) -> tuple[Span, set[str]] | None:
    inner = text[1:-1]
    span: Span | None = None
    quals = {"one-of"} if text[0] == "[" else set()
    for part in inner.split(","):
        part = part.strip()
        if ".." in part:
            a, _, b = part.partition("..")
            found = _interval(f"{a or '..'}/{b or '..'}")
        else:
            found = _date(part)
        if found is None:
            return None
        span = found[0] if span is None else union(span, found[0])
        quals |= found[1]
    return (span, quals) if span else None
