"""Catalogue date text to intervals.

``parse_date("c.1801–10")`` gives 1796-01-01..1815-12-31 with the qualifier ``circa``;
``parse_date_events("1978, printed 2005")`` gives the making (1978) and the printing (2005).
Whatever cannot be read gives an unknown interval that still carries the text.

Catalogue text (the default ``form``) reads "1905-06" as the years 1905 to 1906, with a hyphen as
with an en dash; a month "1905-06" is read only from a field declared EDTF (``form="edtf"``). A
catalogue "1985-04", which cannot be a range, gives the year 1985 with the qualifier
``ambiguous`` so that intake can report it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from glamwiki.dates.edtf import parse_edtf
from glamwiki.dates.phrases import names_period, split_hijri
from glamwiki.dates.points import parse_point, split_era
from glamwiki.dates.spans import Span, ordered, union, widen, year_span
from glamwiki.dates.words import EVENT_NAMES, EVENT_WORDS, MAKING, UNKNOWN_WORDS, normalise
from glamwiki.model.dates import AMBIGUOUS, DateInterval

CATALOGUE = "catalogue"  # free catalogue text: "1905-06" is two years
EDTF = "edtf"  # a field declared EDTF/ISO 8601: "1905-06" is June 1905
DATE_FORMS = (CATALOGUE, EDTF)

DEFAULT_CIRCA_YEARS = 5

_EVENT_RE = re.compile(
    r"^(?P<ev>" + "|".join(map(re.escape, sorted(EVENT_WORDS, key=len, reverse=True))) + r")(?:(?<=\.)|(?!\w))"
    r"[\s:]*(?:in\s+|on\s+)?"
)
_PAREN_EVENT = re.compile(r"^(?P<date>.+?)\s*\((?P<ev>" + "|".join(map(re.escape, EVENT_WORDS)) + r")\)$")
_EVENT_AHEAD = r"(?=(?:" + "|".join(map(re.escape, EVENT_WORDS)) + r")\b)"
# Where one dated event ends and the next begins: "1978, printed 2005", "1953 (designed) c. 1977
# (manufactured)", "1991 (produced 1987-91)", "modelled 1884-1887 cast 1912", "plate: 1747. impression: 1750".
_PARTS = re.compile(
    r"\s*[,;]\s*|(?<=\))\s+(?=\S)|(?<=\d)\s+"
    + _EVENT_AHEAD
    + r"|(?<=\d)\.\s+|\s*\(\s*"
    + _EVENT_AHEAD[:-1]
    + r"[^()]*\d)"
)
_DIGIT = re.compile(r"\d")
_LABEL = re.compile(r"^(?P<label>[a-z][a-z ]{1,30}):\s*(?=\S)")
_UNCERTAIN = re.compile(r"^(?:probably|possibly|perhaps|presumably|likely|estimated|wohl|vermutlich)\s+")
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})")
_PAREN_RANGE = re.compile(r"\((?P<inner>[^()]*\d[^()]*)\)")
_CIRCA = re.compile(r"^(?:c\.|ca\.|c(?=\s*\d)|ca\b|circa|approx\.?|approximately|about|around|um)\s*")
_BEFORE = re.compile(r"^(?:(?:before|in or before|by|not after|no later than|until|pre|prior to|vor)\s+|pre-\s*)")
_AFTER = re.compile(r"^(?:(?:after|in or after|not before|no earlier than|since|post|nach)\s+|post-\s*)")
_OR_BEFORE = re.compile(r"\s*(?:or|and)\s+(?:before|earlier)$")
_OR_AFTER = re.compile(r"\s*(?:or|and)\s+(?:after|later)$")
_RANGE_SEP = re.compile(r"\s*(?:–|—|‒|―|-|\bto\b|\buntil\b|\btill\b|\bbis\b)\s*")
_ALT_SEP = re.compile(r"\s*(?:/|\bor\b|\bund\b|\band\b|&)\s*")
_BETWEEN = re.compile(r"^between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$")
_YEARISH = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


class DateEvent(NamedTuple):
    event: str | None  # None for the making of the work; else "printed", "published"...
    date: DateInterval


def parse_date(text: object, circa_years: int = DEFAULT_CIRCA_YEARS, form: str = CATALOGUE) -> DateInterval:
    """The interval of the main (making) date in a date text (catalogue text, or EDTF if declared)."""
    return _parse_date_cached(_as_text(text), circa_years, form)


def parse_date_events(text: object, circa_years: int = DEFAULT_CIRCA_YEARS, form: str = CATALOGUE) -> list[DateEvent]:
    """Every dated event in the text, the making first ("1978, printed 2005")."""
    return list(_events_cached(_as_text(text), circa_years, form))


def parse_year_value(value: object) -> DateInterval:
    """A year held in a number column, where 0 or empty means unknown (MoMA, NGA)."""
    text = _as_text(value)
    try:
        year = int(float(text)) if text else 0
    except ValueError:
        return parse_date(text)
    if year == 0:
        return DateInterval(text=text)
    lo, hi = year_span(year)
    return DateInterval(text=text, earliest=lo, latest=hi)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@lru_cache(maxsize=65536)
def _parse_date_cached(text: str, circa_years: int, form: str) -> DateInterval:
    events = _events_cached(text, circa_years, form)
    if not events:
        return DateInterval(text=text)
    making = [e.date for e in events if e.event is None]
    if not making:
        first = events[0]
        return DateInterval(
            text=text,
            earliest=first.date.earliest,
            latest=first.date.latest,
            qualifiers=tuple(sorted({*first.date.qualifiers, first.event or ""} - {""})),
        )
    span: Span = (making[0].earliest, making[0].latest)
    quals: set[str] = set(making[0].qualifiers)
    for d in making[1:]:
        span = union(span, (d.earliest, d.latest))
        quals |= set(d.qualifiers)
    bounds = _bounds_pair(making)
    if bounds is not None:
        span = bounds
    return DateInterval(text=text, earliest=span[0], latest=span[1], qualifiers=tuple(sorted(quals)))


def _bounds_pair(making: list[DateInterval]) -> Span | None:
    """ "after 1945, before 1957": two open ends given apart close one interval."""
    if len(making) != 2:
        return None
    a, b = sorted(making, key=lambda d: d.earliest is None)
    if a.latest is None and a.earliest and b.earliest is None and b.latest:
        return ordered((a.earliest, b.latest))
    return None


@lru_cache(maxsize=65536)
def _events_cached(text: str, circa_years: int, form: str = CATALOGUE) -> tuple[DateEvent, ...]:
    norm = normalise(text)
    if norm in UNKNOWN_WORDS:
        return ()
    edtf = parse_edtf(text.strip().upper()) if form == EDTF else None
    if edtf is not None:
        (lo, hi), quals = edtf
        return (DateEvent(None, DateInterval(text=text, earliest=lo, latest=hi, qualifiers=tuple(sorted(quals)))),)
    whole = _segment(norm, circa_years)
    if whole is not None:
        return (whole,)
    events = []
    for i, part in enumerate(_PARTS.split(norm)):
        part = part.removesuffix(")") if part.count(")") > part.count("(") else part
        # words before a later part's date name an event ("1828, reworked 1837"): not the making
        found = _segment(part, circa_years, leading_words=i == 0) if part else None
        if found is not None:
            events.append(found)
    if events:
        return tuple(events)
    return _fallback(text, norm)


def _segment(text: str, circa_years: int, leading_words: bool = True) -> DateEvent | None:
    event = None
    m = _PAREN_EVENT.match(text)
    if m:
        text, event = m["date"], m["ev"]
    else:
        m = _EVENT_RE.match(text)
        if m:
            event, text = m["ev"], text[m.end() :]
    label = _LABEL.match(text) if event is None else None  # "Project: 1891-1895; Drawn 1894"
    if label:
        event, text = label["label"].strip(), text[label.end() :]
    if event in MAKING:
        event = None  # these name the making itself
    event = EVENT_NAMES.get(event or "", event)
    found = _expression(text, circa_years)
    if found is None:
        inner = _PAREN_RANGE.search(text)  # "Qianlong period (1736-1795)"
        found = _expression(inner["inner"], circa_years) if inner else None
    if found is None:
        words = _among_words(text, circa_years)
        if words is not None and words[1] and not leading_words:
            event = event or words[1]  # "1828, reworked 1837": a later event, named by its words
        found = words[0] if words is not None else None
    if found is None:
        return None
    span, quals = found
    return DateEvent(event, DateInterval(text=text, earliest=span[0], latest=span[1], qualifiers=tuple(sorted(quals))))


def _expression(text: str, circa_years: int) -> tuple[Span, set[str]] | None:
    """A date expression with its qualifiers: circa, ?, before/after, ranges, alternatives."""
    text = text.strip()
    if not _DIGIT.search(text) and not names_period(text):
        return None  # every other date form has a digit (spelt ordinals are digits by now)
    quals: set[str] = set()
    if text.startswith("?") or text.endswith("?"):
        quals.add("uncertain")
        text = text.strip("?").strip()
    m = _UNCERTAIN.match(text)
    if m:
        quals.add("uncertain")
        text = text[m.end() :]
    if text in UNKNOWN_WORDS:
        return None
    hijri = split_hijri(text)
    if hijri is not None:
        text, span = hijri
        if span is not None:
            return span, quals
    m = _YEAR_MONTH.fullmatch(text)
    if m and not _is_abbreviated_range(text):
        return year_span(int(m["y"])), quals | {AMBIGUOUS}  # "1985-04": April, or a slip?
    edtf = parse_edtf(text.upper()) if re.fullmatch(r"[0-9x?~%\-/.\[\]{},y]+", text) else None
    if edtf is not None and not _YEAR_MONTH.match(text):
        return edtf[0], quals | edtf[1]
    circa = False
    m = _CIRCA.match(text)
    if m:
        circa, text = True, text[m.end() :]
        if text.startswith("?"):
            quals.add("uncertain")
            text = text.lstrip("?").strip()
    open_end = None
    for pattern, end in ((_BEFORE, "before"), (_AFTER, "after")):
        m = pattern.match(text)
        if m:
            open_end, text = end, text[m.end() :]
            break
    for pattern, end in ((_OR_BEFORE, "before"), (_OR_AFTER, "after")):
        m = pattern.search(text)
        if m:
            open_end, text = end, text[: m.start()]
    if m := _CIRCA.match(text):  # "after c.1830"
        circa, text = True, text[m.end() :]
    found = _range(text)
    if found is None:
        return None
    span, more = found
    quals |= more
    if circa:
        span = widen(span, circa_years)
        quals.add("circa")
    if open_end == "before":
        span = (None, span[1])
        quals.add("before")
    elif open_end == "after":
        span = (span[0], None)
        quals.add("after")
    return span, quals


def _is_abbreviated_range(text: str) -> bool:
    """ "1801-10" reads as 1801 to 1810 in a catalogue; "1985-04" (1904 < 1985) is a month."""
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    return m is not None and int(m[1][:2] + m[2]) >= int(m[1])


def _range(text: str) -> tuple[Span, set[str]] | None:
    body, era = split_era(text)
    m = _BETWEEN.match(body)
    if m:
        return _pair(m["a"], m["b"], era, set())
    single = _side(body, era)
    if single is not None:
        return single
    for sep in _RANGE_SEP.finditer(body):
        a, b = body[: sep.start()], body[sep.end() :]
        if a and b:
            found = _pair(a, b, era, set())
            if found is not None:
                return found
    for sep in _ALT_SEP.finditer(body):
        a, b = body[: sep.start()], body[sep.end() :]
        if a and b:
            found = _pair(a, b, era, {"one-of"}) or _either(a, b, era)
            if found is not None:
                return found
    return None


def _either(a: str, b: str, era: int) -> tuple[Span, set[str]] | None:
    """Two whole ranges given as alternatives: "380 BCE-342 BCE/330-305 BCE" covers both (the era
    written once at the end holds for both)."""
    if era < 0:
        a, b = (t if split_era(t)[1] else f"{t} bc" for t in (a, b))
    left, right = _range(a), _range(b)
    if left is None or right is None:
        return None
    return union(left[0], right[0]), left[1] | right[1] | {"one-of"}


def _side(text: str, era: int) -> tuple[Span, set[str]] | None:
    """One end of a range; it may carry its own circa, ? and era ("c.1744", "3rd century bc")."""
    text = text.strip()
    quals: set[str] = set()
    if text.startswith("?") or text.endswith("?"):
        quals.add("uncertain")
        text = text.strip("?").strip()
    circa = False
    m = _CIRCA.match(text)
    if m:
        circa, text = True, text[m.end() :]
    text, own_era = split_era(text)
    found = parse_point(text, own_era or era)
    if found is None:
        return None
    span, qual = found
    if qual:
        quals.add(qual)
    if circa:
        span = widen(span, DEFAULT_CIRCA_YEARS)
        quals.add("circa")
    return span, quals


_PERIOD_SUFFIX = re.compile(r"\s*(?:-\s*)?(\d{1,2}(?:st|nd|rd|th)?[\s-]*(?:century|centuries|cent\.?|c\.))$")


def _pair(a: str, b: str, era: int, quals: set[str]) -> tuple[Span, set[str]] | None:
    left = _side(a, era) or _alternatives(a, era)
    if left is None:
        # "18th-19th century", "mid- to late-19th century": the left side borrows the noun.
        suffix = _PERIOD_SUFFIX.search(b)
        if suffix:
            stem = a.strip().rstrip("-").strip()
            noun = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?", "", suffix[1]).strip(" -")
            left = _side(f"{stem} {noun}", era) or _side(f"{stem} {suffix[1]}", era)
    if left is None:
        left = _borrow_year(a, b, era)  # "May - June 1944"
    if left is None and re.fullmatch(r"\s*\d{1,2}\s*", a) and re.fullmatch(r"\s*\d{3,4}\s*", b):
        left = _side(a, era or 1)  # "c. 50-320": a year of the first centuries AD
    if left is None:
        return None
    if era >= 0 and split_era(b)[1] >= 0:  # in a BC range the second year is the smaller: "1027-711 BCE"
        b = _expand_abbreviation(a, b)
    right = _side(b, era) or _alternatives(b, era)
    if right is None:
        return None
    span = (left[0][0], right[0][1])  # from the start of one end to the end of the other
    if ordered(span) != span:  # written backwards ("1027-711 BCE" read as AD ends, a slip): cover both ends
        span = union(left[0], right[0])
    return span, quals | left[1] | right[1]


def _borrow_year(a: str, b: str, era: int) -> tuple[Span, set[str]] | None:
    m = re.search(r"\s(\d{3,4})$", b.strip())
    return _side(f"{a.strip()} {m[1]}", era) if m and not any(c.isdigit() for c in a) else None


def _alternatives(text: str, era: int) -> tuple[Span, set[str]] | None:
    """One end of a range written as alternatives: "1580 or 5", "1474/1475"."""
    for sep in _ALT_SEP.finditer(text):
        a, b = text[: sep.start()], text[sep.end() :]
        left, right = _side(a, era), _side(_expand_abbreviation(a, b), era)
        if a and b and left and right:
            return ordered((left[0][0], right[0][1])), left[1] | right[1] | {"one-of"}
    return None


def _expand_abbreviation(a: str, b: str) -> str:
    """ "1843-4" -> 1844, "1762-87" -> 1787, "1491/2" -> 1492, "1957-c.66" -> c.1966 (only when
    the result is later)."""
    ma = re.search(r"(\d{4})$", a.strip())
    mb = re.fullmatch(r"\s*(c\.\s*|ca\.\s*|\?)?(\d{1,3})\s*", b)
    if not ma or not mb:
        return b
    full = ma[1][: 4 - len(mb[2])] + mb[2]
    return (mb[1] or "") + full if int(full) > int(ma[1]) else b


def _among_words(text: str, circa_years: int) -> tuple[tuple[Span, set[str]], str] | None:
    """A date with words around it: "1500-1200 bc bronze age", "bronze age 1500 bc", "autumn of 1916".

    Words without digits are dropped from either end, one at a time, keeping the era marker; the
    date is returned with the words dropped before it."""
    words = text.split()
    for start in range(len(words)):
        if start and any(c.isdigit() for c in words[start - 1]):
            break
        for end in range(len(words), start, -1):
            if (start, end) == (0, len(words)):
                continue
            if end < len(words) and any(c.isdigit() for c in words[end]):
                break
            candidate = " ".join(words[start:end]).strip(" ,:;()")
            found = _expression(candidate, circa_years) if _DIGIT.search(candidate) else None
            if found is not None:
                return found, " ".join(words[:start]).strip(" ,:;()")
    return None


def _fallback(text: str, norm: str) -> tuple[DateEvent, ...]:
    """Last resort: the years written in the text, flagged uncertain; none if an era is named,
    which would make AD years of BC ones."""
    years = [int(y) for y in _YEARISH.findall(norm)]
    if not years or re.search(r"\b(?:b\.?\s?c\.?|bce)(?![a-z])", norm):
        return ()
    lo, hi = year_span(min(years), max(years))
    return (DateEvent(None, DateInterval(text=text, earliest=lo, latest=hi, qualifiers=("uncertain",))),)
