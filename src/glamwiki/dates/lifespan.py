"""Life dates of people and bodies: "1852–1911", "born 1930", "active 1787–1808",
"c.1744–c.1783", "1767 or 9–1818", "American, born Germany. 1899–1994", "est. 1851"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from glamwiki.dates.parse import DEFAULT_CIRCA_YEARS, _among_words, _expand_abbreviation, _expression
from glamwiki.dates.words import UNKNOWN_WORDS, normalise
from glamwiki.model.dates import UNKNOWN, DateInterval

_PREFIXES = (
    (re.compile(r"^(?:born|b\.|b\b|n\.|geb\.|geboren)\s*"), "birth"),
    (re.compile(r"^(?:died|d\.|d\b|†|gest\.|gestorben)\s*"), "death"),
    (
        re.compile(
            r"^(?:active|fl\.|fl\b|floruit|flourished|working|exhibited|recorded|mentioned|tätig|built"
            r"|existed(?: in)?|alive(?: in| from)?)\s*"
        ),
        "active",
    ),
    (re.compile(r"^(?:established|founded|est\.|est\b|formed|incorporated)\s*"), "founded"),
)
_LIFE_SEP = re.compile(r"\s*(?:–|—|‒|-|\bto\b)\s*")


class Lifespan(NamedTuple):
    birth: DateInterval = UNKNOWN
    death: DateInterval = UNKNOWN
    active: DateInterval = UNKNOWN
    founded: bool = False  # the dates are of a body (established/founded), not a person


def parse_lifespan(text: object, circa_years: int = DEFAULT_CIRCA_YEARS) -> Lifespan:
    raw = "" if text is None else str(text).strip()
    return _cached(raw, circa_years)


@lru_cache(maxsize=65536)
def _cached(raw: str, circa_years: int) -> Lifespan:
    norm = normalise(raw)
    if norm in UNKNOWN_WORDS:
        return Lifespan()
    for segment in _segments(norm):
        found = _segment(segment, raw, circa_years)
        if found is not None:
            return found
    return Lifespan()


_ABBREVIATIONS = {"c", "ca", "est", "fl", "b", "d", "n", "approx", "geb", "gest", "st"}


def _segments(norm: str) -> list[str]:
    """Split at commas, semicolons and sentence stops, but not after "c." or "est."."""
    parts: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", norm):
        start = 0
        for m in re.finditer(r"\.\s+", piece):
            word = re.search(r"([a-zà-ÿ]+)$", piece[start : m.start()])
            if word and word[1] not in _ABBREVIATIONS:
                parts.append(piece[start : m.start()])
                start = m.end()
        parts.append(piece[start:])
    return parts


_ACTIVE_THEN_DIED = re.compile(r"^(?:active|fl\.?)\s+(?P<a>.+?)\s*[–-]\s*(?:died|d\.)\s*(?P<d>.+)$")


_WHO = re.compile(r"^(?:he|she|they|both|they both)\s*[:;]?\s+|^(?:he|she|they)\s*[:;]\s*")  # NGA couples


_DOUBT_FIRST = re.compile(r"^(probably|possibly|perhaps)\s+(born|died|active)\s+")


def _segment(seg: str, raw: str, circa_years: int) -> Lifespan | None:
    if not any(c.isdigit() for c in seg):
        return None  # "American", "born Germany": no date here
    seg = _DOUBT_FIRST.sub(r"\2 \1 ", _WHO.sub("", seg))  # "probably died by 1804": died, probably by 1804
    m = _ACTIVE_THEN_DIED.match(seg)
    if m:
        active, death = _interval(m["a"], raw, circa_years), _interval(m["d"], raw, circa_years)
        if active is not None and death is not None:
            return Lifespan(death=death, active=active)
    for pattern, role in _PREFIXES:
        m = pattern.match(seg)
        if m and 0 < m.end() < len(seg):
            found = _prefixed(seg[m.end() :], role, raw, circa_years)
            if found is not None:
                return found
    for sep in _LIFE_SEP.finditer(seg):
        left, right = seg[: sep.start()].strip(), seg[sep.end() :].strip()
        if not left and not right:
            continue
        birth = _interval(left, raw, circa_years) if left not in ("", "?") else UNKNOWN
        right = _expand_abbreviation(left, right) if left else right
        death = _interval(right, raw, circa_years) if right not in ("", "?") else UNKNOWN
        if (birth is not None and death is not None) and (birth.is_known or death.is_known):
            return Lifespan(birth=birth, death=death)
    roled = _roled_pair(seg, raw, circa_years)
    if roled is not None:
        return roled
    alone = _interval(seg, raw, circa_years)
    if alone is not None and alone.is_known:
        # A bare date or period with no role: when the person worked, not when born.
        return Lifespan(active=alone)
    return None


_SIDE_ROLES = (
    (re.compile(r"^(?:active|fl\.|fl\b|floruit|mentioned|recorded|working)\s*"), "active"),
    (re.compile(r"^(?:died|d\.|closed|dissolved|disbanded)\s*"), "death"),
    (re.compile(r"^(?:born|b\.)\s*"), "birth"),
    (re.compile(r"^(?:established|founded|est\.)\s*"), "founded"),
)
_OPEN_END = {"", "?", "unknown", "present", "living", "today"}


def _roled_pair(seg: str, raw: str, circa_years: int) -> Lifespan | None:
    """Two ends each with its own role, as NGA writes them: "active c. 1935 - active c. 1942",
    "1805 - active 1851", "c. 1545 - died after 1602", "1813 - in or after 1879", "1890 - unknown"."""
    for sep in _LIFE_SEP.finditer(seg):
        left_role, left = _roled(seg[: sep.start()].strip(), "birth", raw, circa_years)
        right_role, right = _roled(seg[sep.end() :].strip(), "death", raw, circa_years)
        if (
            left is None
            or right is None
            or not (left.is_known or right.is_known)
            or left_role == right_role != "active"
        ):
            continue
        founded = left_role == "founded"
        parts = {"birth": UNKNOWN, "death": UNKNOWN, "active": UNKNOWN}
        if left_role == right_role == "active":
            quals = tuple(sorted({*left.qualifiers, *right.qualifiers}))
            parts["active"] = DateInterval(text=raw, earliest=left.earliest, latest=right.latest, qualifiers=quals)
        else:
            parts["birth" if founded else left_role], parts[right_role] = left, right
        return Lifespan(parts["birth"], parts["death"], parts["active"], founded)
    return None


def _roled(text: str, default: str, raw: str, circa_years: int) -> tuple[str, DateInterval | None]:
    if text in _OPEN_END:
        return default, UNKNOWN
    for pattern, role in _SIDE_ROLES:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return role, _interval(text[m.end() :], raw, circa_years)
    return default, _interval(text, raw, circa_years)


def _prefixed(rest: str, role: str, raw: str, circa_years: int) -> Lifespan | None:
    found = _interval(rest, raw, circa_years, among_words=True)
    if found is None or not found.is_known:
        return None
    if role == "birth":
        return Lifespan(birth=found)
    if role == "death":
        return Lifespan(death=found)
    if role == "founded":
        return Lifespan(birth=found, founded=True)
    return Lifespan(active=found)


def _interval(text: str, raw: str, circa_years: int, among_words: bool = False) -> DateInterval | None:
    """A date; after a role, words around it are dropped ("born Germany 1918", "active 1959-64 in Padua")."""
    found = _expression(text, circa_years)
    if found is None and among_words and not re.search(r"\b(?:active|born|died|fl|mentioned)\b", text):
        words = _among_words(text, circa_years)
        found = words[0] if words is not None else None
    if found is None:
        return None
    (lo, hi), quals = found
    return DateInterval(text=raw, earliest=lo, latest=hi, qualifiers=tuple(sorted(quals)))
