"""Parse one point in time ("1850", "1850s", "early 19th century", "12 May 1850", "500 BC")
into a span of days. Ranges, qualifiers and lists are handled in ``parse``."""

from __future__ import annotations

import re

from glamwiki.dates.phrases import millennium, named_period, season
from glamwiki.dates.spans import Span, day_span, month_span, year_span

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan", "januar", "janvier"),
            ("february", "feb", "februar", "février"),
            ("march", "mar", "märz", "mars"),
            ("april", "apr", "avril"),
            ("may", "mai"),
            ("june", "jun", "juni", "juin"),
            ("july", "jul", "juli", "juillet"),
            ("august", "aug", "août"),
            ("september", "sep", "sept", "septembre"),
            ("october", "oct", "oktober", "okt", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "dezember", "déc", "décembre"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_BC = re.compile(r"\s*(?:b\.?\s?c\.?\s?e?\.?|bce)$")
_AD = re.compile(r"^(?:a\.?\s?d\.?)\s*|\s*(?:a\.?\s?d\.?|c\.?\s?e\.?)$")

_YEAR = re.compile(r"(?P<y>\d{1,4})")
_DECADE = re.compile(r"(?:(?P<part>early|mid|late)[\s-]*)?(?P<y>\d{3})0\s?'?s")
_ORD = r"(?P<n>\d{1,2})(?:st|nd|rd|th)?"
_CENTURY = re.compile(
    r"(?:(?P<part>early|mid|middle|late|later|earlier|beginning|start|end|"
    r"(?:first|second|last|1st|2nd) half|(?:first|second|third|fourth|last|1st|2nd|3rd|4th) quarter)"
    r"(?:\s+of)?\s*(?:the\s+)?-?\s*)?" + _ORD + r"[\s-]*(?:century|centuries|cent\.?|c\.|c\b)"
)
# A day: catalogue text reads "1905-06" as a range of years, so a month needs a declared EDTF field.
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_DOTTED = re.compile(r"(?:(?P<d>\d{1,2})\.\s?)?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})")  # 25.10.1923, 10.1923
_SLASH = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})")
_MONTH_SLASH_YEAR = re.compile(r"(?P<m>\d{1,2})/(?P<y>\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+" + _MONTH + r",?\s+(?P<y>\d{3,4})")
_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{3,4})")
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?P<y>\d{3,4})")
_YEAR_MONTH = re.compile(r"(?P<y>\d{3,4})\s+" + _MONTH + r"(?:\s+(?P<d>\d{1,2}))?")

# Parts of a century, as fractions (start, end) of its hundred years.
_CENTURY_PARTS = {
    None: (0, 100),
    "early": (0, 35),
    "earlier": (0, 50),
    "beginning": (0, 15),
    "start": (0, 15),
    "mid": (30, 70),
    "middle": (30, 70),
    "late": (65, 100),
    "later": (50, 100),
    "end": (85, 100),
    "first half of": (0, 50),
    "1st half of": (0, 50),
    "second half of": (50, 100),
    "2nd half of": (50, 100),
    "last half of": (50, 100),
    "first quarter of": (0, 25),
    "1st quarter of": (0, 25),
    "second quarter of": (25, 50),
    "2nd quarter of": (25, 50),
    "third quarter of": (50, 75),
    "3rd quarter of": (50, 75),
    "fourth quarter of": (75, 100),
    "4th quarter of": (75, 100),
    "last quarter of": (75, 100),
}
_DECADE_PARTS = {None: (0, 9), "early": (0, 4), "mid": (3, 7), "late": (5, 9)}


def split_era(text: str) -> tuple[str, int]:
    """Strip a BC/AD marker; return the rest and the sign to apply (-1 for BC)."""
    if _BC.search(text):
        return _BC.sub("", text).strip(), -1
    if _AD.search(text):
        return _AD.sub("", text).strip(), 1
    return text, 0


def bc(year: int) -> int:
    """Astronomical year for a year BC (1 BC is year 0, as in ISO 8601 and EDTF)."""
    return 1 - year


def parse_point(text: str, era: int = 0) -> tuple[Span, str | None] | None:
    """Parse one point; return its span and a qualifier ("decade", "century") or None."""
    text = text.strip()
    if not text:
        return None
    for parser in _PARSERS:
        found = parser(text, era)
        if found is not None:
            return found
    return None


def _signed(year: int, era: int) -> int:
    return bc(year) if era < 0 else year


def _year(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _YEAR.fullmatch(text)
    if not m:
        return None
    y = int(m["y"])
    if era == 0 and (len(m["y"]) < 3 or y == 0):
        return None  # "12" or "0" alone is not a year unless an era says so
    y = _signed(y, era)
    return year_span(y), None


def _decade(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _DECADE.fullmatch(text)
    if not m:
        return None
    base = int(m["y"]) * 10
    lo, hi = _DECADE_PARTS[m["part"]]
    if era < 0:
        return year_span(bc(base + 9 - lo), bc(base + 9 - hi)), "decade"
    return year_span(base + lo, base + hi), "decade"


def _century(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _CENTURY.fullmatch(text)
    if not m:
        return None
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    part = m["part"].strip() if m["part"] else None
    if part and (part.endswith("half") or part.endswith("quarter")):
        part += " of"
    start, end = _CENTURY_PARTS[part]
    if era < 0:  # the 3rd century BC runs from 300 BC down to 201 BC
        first = n * 100
        return year_span(bc(first - start), bc(first - end + 1)), "century"
    # Museums write both 1800-1899 and 1801-1900 for "19th century": cover both.
    base = (n - 1) * 100
    lo = max(base + start, 1)
    hi = base + end
    return year_span(lo, hi), "century"


def _iso(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _ISO.fullmatch(text)
    if not m or era < 0:
        return None
    y, mo = int(m["y"]), int(m["m"])
    if not 1 <= mo <= 12:
        return None
    span = day_span(y, mo, int(m["d"]))
    return (span, None) if span else None


def _dotted(text: str, era: int) -> tuple[Span, str | None] | None:
    """German and central European day.month.year ("25.10.1923", "10.1923")."""
    m = _DOTTED.fullmatch(text)
    if not m or era < 0:
        return None
    y, mo = int(m["y"]), int(m["m"])
    if m["d"]:
        span = day_span(y, mo, int(m["d"]))
        return (span, None) if span else None
    return (month_span(y, mo), None) if 1 <= mo <= 12 else None


def _slash(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _SLASH.fullmatch(text)
    if not m:
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    us = day_span(y, a, b)  # month/day/year, as US collections write it
    eu = day_span(y, b, a)  # day/month/year, as UK and European ones do
    if us and eu:
        return (min(us[0], eu[0]), max(us[1], eu[1])), None  # ambiguous: cover both
    found = us or eu
    return (found, None) if found else None


def _month_slash_year(text: str, era: int) -> tuple[Span, str | None] | None:
    m = _MONTH_SLASH_YEAR.fullmatch(text)
    if not m or not 1 <= int(m["m"]) <= 12:
        return None
    return month_span(int(m["y"]), int(m["m"])), None


def _named_month(text: str, era: int) -> tuple[Span, str | None] | None:
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_MONTH, _MONTH_YEAR):
        m = pattern.fullmatch(text)
        if not m:
            continue
        y, mo = _signed(int(m["y"]), era), MONTHS[m["mon"]]
        day = m.groupdict().get("d")
        if day:
            span = day_span(y, mo, int(day))
            return (span, None) if span else None
        return month_span(y, mo), None
    return None


_PARSERS = (_year, _decade, _century, _iso, _slash, _month_slash_year, _dotted, _named_month, millennium, season,
            named_period)  # fmt: skip
