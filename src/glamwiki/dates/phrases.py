"""Catalogue phrases the point and range parsers build on: spelt-out ordinals ("nineteenth
century"), millennia, seasons, and Hijri years written with or beside their Common Era year
("1146 A.H.", "1250 AH / 1834 CE", as Wellcome's TEI manuscript descriptions write them)."""

from __future__ import annotations

import math
import re

from glamwiki.dates.spans import Span, month_span, year_span

_WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
_SPELT = re.compile(
    r"\b(" + "|".join(sorted(_WORD_ORDINALS, key=len, reverse=True)) + r")(?=[\s-]+(?:century|millennium|cent\b))"
)


def numeric_ordinals(text: str) -> str:
    """ "mid nineteenth century" -> "mid 19th century" (only before century/millennium)."""
    return _SPELT.sub(lambda m: f"{_WORD_ORDINALS[m[1]]}th", text)


_MILLENNIUM = re.compile(r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)?[\s-]*millenni(?:um|a)")
_MILLENNIUM_PARTS = {None: (0, 1000), "early": (0, 350), "mid": (300, 700), "late": (650, 1000)}


def millennium(text: str, era: int) -> tuple[Span, str | None] | None:
    """ "2nd millennium BC" is 2000-1001 BC; "1st millennium" AD 1-1000."""
    m = _MILLENNIUM.fullmatch(text)
    if not m or not 1 <= int(m["n"]) <= 10:
        return None
    n = int(m["n"])
    start, end = _MILLENNIUM_PARTS[m["part"]]
    if era < 0:
        first = n * 1000
        return year_span(1 - (first - start), 1 - (first - end + 1)), "millennium"
    base = (n - 1) * 1000
    return year_span(max(base + start, 1), base + end), "millennium"


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASON = re.compile(r"(?P<s>spring|summer|autumn|fall|winter),?\s+(?:of\s+)?(?P<y>\d{3,4})")


def season(text: str, era: int) -> tuple[Span, str | None] | None:
    """ "Autumn 1916" (northern seasons); "winter 1916" covers January 1916 to February 1917."""
    m = _SEASON.fullmatch(text)
    if not m or era < 0:
        return None
    y = int(m["y"])
    if m["s"] == "winter":
        return (month_span(y, 1)[0], month_span(y + 1, 2)[1]), None
    first, last = _SEASONS[m["s"]]
    return (month_span(y, first)[0], month_span(y, last)[1]), None


# Hijri years: "1146 a.h.", "ah 1250", "1250 h."; the Common Era year beside one wins.
_AH = r"(?:a\.?\s?h\.?|h\.|hijri)"
_HIJRI = re.compile(rf"(?:\b{_AH}\s*(?P<a>\d{{1,4}})|(?<![\d.])(?P<b>\d{{1,4}})\s*{_AH}(?![a-z]))")
_HIJRI_CENTURY = re.compile(rf"(?P<text>.*\bcentury)\s+{_AH}$")
_COMMON_ERA = re.compile(r"\d\s*(?:c\.?\s?e\.?|a\.?\s?d\.?)(?![a-z])|\b(?:c\.?\s?e\.?|a\.?\s?d\.?)\s*\d|\bgregorian\b")
_HIJRI_EPOCH = 622.54  # 16 July 622, as a fraction of the Julian/Gregorian year
_HIJRI_YEAR = 354.367 / 365.2425  # a lunar year in solar years


def hijri_span(year: int) -> Span:
    """The Common Era years a Hijri year falls in (it straddles two)."""
    start = _HIJRI_EPOCH + (year - 1) * _HIJRI_YEAR
    return year_span(math.floor(start), math.floor(start + _HIJRI_YEAR))


def hijri_century_span(century: int) -> Span:
    return hijri_span((century - 1) * 100 + 1)[0], hijri_span(century * 100)[1]


def split_hijri(text: str) -> tuple[str, Span | None] | None:
    """A text naming a Hijri date: the Common Era part to read instead, or the Hijri span.

    Returns None when the text has no Hijri marker; ``(rest, None)`` when a Common Era date
    stands beside the Hijri one (read ``rest``); ``("", span)`` for a Hijri year alone.
    """
    m = _HIJRI_CENTURY.fullmatch(text)
    if m:
        from glamwiki.dates.points import parse_point

        found = parse_point(m["text"].strip())
        if found is None or found[1] != "century":
            return None
        first = (found[0][0] or "0").lstrip("-")[:4]
        return "", hijri_century_span(int(first) // 100 + 1)
    m = _HIJRI.search(text)
    if not m:
        return None
    rest = (text[: m.start()] + " " + text[m.end() :]).strip()
    rest = re.sub(r"^[\s/(),;=]+|[\s/(),;=]+$", "", rest)
    rest = re.sub(r"\(\s*\)", "", rest).strip()
    if (rest and _COMMON_ERA.search(rest)) or re.fullmatch(r"\d{4}(?:\s*[-–]\s*\d{1,4})?", rest):
        return re.sub(r"\s*(?:c\.?\s?e\.?|a\.?\s?d\.?)$|^(?:c\.?\s?e\.?|a\.?\s?d\.?)\s*", "", rest), None
    return "", hijri_span(int(m["a"] or m["b"]))


# Named periods catalogues use for East Asian works, with the widest years common references give
# them, since catalogues differ by a few years (Edo from 1603 or from 1615; Momoyama 1568 or
# 1573 to 1600 or 1615); negative years are BC. "Meiji period", "late Qing", "Edo".
PERIODS: dict[str, tuple[int, int]] = {
    "asuka": (538, 710), "nara": (710, 794), "heian": (794, 1185), "kamakura": (1185, 1333),
    "muromachi": (1336, 1573), "momoyama": (1568, 1615), "azuchi-momoyama": (1568, 1615), "edo": (1603, 1868),
    "meiji": (1868, 1912), "taisho": (1912, 1926), "taishō": (1912, 1926), "showa": (1926, 1989),
    "shōwa": (1926, 1989), "heisei": (1989, 2019),
    "shang": (-1600, -1046), "western zhou": (-1046, -771), "eastern zhou": (-770, -256), "zhou": (-1046, -256),
    "qin": (-221, -206), "western han": (-206, 9), "eastern han": (25, 220), "han": (-206, 220),
    "tang": (618, 907), "northern song": (960, 1127), "southern song": (1127, 1279), "song": (960, 1279),
    "yuan": (1271, 1368), "ming": (1368, 1644), "qing": (1644, 1912),
}  # fmt: skip
_PERIOD = re.compile(
    r"(?:(?P<part>early|mid|middle|late)[\s-]+)?(?P<name>"
    + "|".join(map(re.escape, sorted(PERIODS, key=len, reverse=True)))
    + r")(?:\s+(?:period|dynasty|era|jidai))?"
)
_PERIOD_PARTS = {None: (0.0, 1.0), "early": (0.0, 0.35), "mid": (0.3, 0.7), "middle": (0.3, 0.7), "late": (0.65, 1.0)}


def named_period(text: str, era: int) -> tuple[Span, str | None] | None:
    """ "Meiji period" is 1868-1912; "late Qing" the last third of 1644-1912."""
    m = _PERIOD.fullmatch(text)
    if not m or era:
        return None
    first, last = PERIODS[m["name"]]
    lo, hi = _PERIOD_PARTS[m["part"]]
    length = last - first
    return year_span(first + round(length * lo), first + round(length * hi)), "period"


_PERIOD_NAME = re.compile(r"\b(?:" + "|".join(map(re.escape, PERIODS)) + r")\b")


def names_period(text: str) -> bool:
    return _PERIOD_NAME.search(text) is not None
