"""How well glamwiki reads the date texts of real exports: unread, misread, by category.

Usage: python scripts/date_survey.py ../shared/data [--list N]

Every date text of Tate (artworks ``dateText``, artists ``dates``), CMoA (``creation_date``),
MoMA (``ArtistBio``) and NGA (``displaydate``) is parsed, and LIDO ``displayDate`` and Wellcome TEI
``origDate`` texts (Japanese nengō ones aside) are listed when unread. Where the museum publishes its own
bounds (Tate's ``dateRange``, CMoA's ``creation_date_earliest/latest``, MoMA's ``BeginDate`` /
``EndDate``, NGA's ``beginyear`` / ``endyear``) they are the yardstick: a reading that does not
contain the museum's own years (one year of slack at either end) is counted as misread.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from glamwiki.dates import parse, parse_date, parse_date_events, parse_lifespan
from glamwiki.dates.words import says_no_date
from glamwiki.model.dates import DateInterval

Sample = tuple[str, int | None, int | None]  # text, the museum's first and last year (if given)


def tate_works(data: Path) -> Iterator[Sample]:
    with gzip.open(data / "tate" / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            r = d.get("dateRange") or {}
            yield d.get("dateText") or "", r.get("startYear"), r.get("endYear")


def cmoa_works(data: Path) -> Iterator[Sample]:
    with gzip.open(data / "cmoa" / "objects.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            lo, hi = d.get("creation_date_earliest"), d.get("creation_date_latest")
            yield d.get("creation_date") or "", _year(lo), _year(hi)


def _year(iso: str | None) -> int | None:
    if not iso:
        return None
    neg = iso.startswith("-")
    y = int(iso.lstrip("-").split("-")[0])
    return -y if neg else y


def _lives(path: Path, text: str, begin: str, end: str) -> Iterator[Sample]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            b, e = (int(float(row[k])) if row.get(k) and float(row[k]) else None for k in (begin, end))
            yield row.get(text) or "", b, e


def _tate_lives(d: Path) -> Iterator[Sample]:
    return _lives(d / "tate" / "artist_data.csv", "dates", "yearOfBirth", "yearOfDeath")


def _moma_lives(d: Path) -> Iterator[Sample]:
    return _lives(d / "moma" / "Artists-dev.csv", "ArtistBio", "BeginDate", "EndDate")


def _nga_lives(d: Path) -> Iterator[Sample]:
    return _lives(d / "nga" / "constituents.csv", "displaydate", "beginyear", "endyear")


def _xml_texts(folder: Path, tag: str) -> Iterator[Sample]:
    for path in sorted(folder.rglob("*.xml")):
        for element in ET.parse(path).iter():
            if element.tag.rsplit("}", 1)[-1] == tag and (element.get("calendar") or "").lower() != "nengō":
                yield "".join(element.itertext()).strip(), None, None


def _lido_dates(d: Path) -> Iterator[Sample]:
    return _xml_texts(d / "lido", "displayDate")


def _tei_dates(d: Path) -> Iterator[Sample]:
    return _xml_texts(d / "tei-wellcome", "origDate")


SOURCES = {
    "tate artworks dateText": (tate_works, "date"),
    "cmoa creation_date": (cmoa_works, "date"),
    "tate artists dates": (_tate_lives, "life"),
    "moma ArtistBio": (_moma_lives, "life"),
    "nga displaydate": (_nga_lives, "life"),
    "lido displayDate (no bounds given)": (_lido_dates, "date"),
    "tei origDate (Wellcome; no bounds given)": (_tei_dates, "date"),
}


def classify_date(text: str, lo: int | None, hi: int | None) -> str:
    d = parse_date(text)
    if says_no_date(text):
        return "says unknown"
    if not d.is_known:
        return "unread"
    if "uncertain" in d.qualifiers and _fallback_only(d, text):
        return "read by last resort (years picked out)"
    if lo is None or hi is None:
        return "read"
    a, b = _all_events(text)
    if (a is not None and a > hi + 1) or (b is not None and b < lo - 1):
        return "misread (no overlap with the museum's own bounds)"
    if (a is not None and a > lo + 1) or (b is not None and b < hi - 1):
        return "narrower than the museum's own bounds"
    return "read"


def _all_events(text: str) -> tuple[int | None, int | None]:
    """First and last year of every event in the text (the museums' bounds span them all)."""
    events = parse_date_events(text)
    los = [e.date.earliest_year for e in events]
    his = [e.date.latest_year for e in events]
    return (None if None in los else min(los)), (None if None in his else max(his))  # type: ignore[type-var]


_LAST_RESORT: set[str] = set()
_fallback = parse._fallback


def _recording_fallback(text: str, norm: str) -> tuple[parse.DateEvent, ...]:
    found = _fallback(text, norm)
    if found:
        _LAST_RESORT.add(text)
    return found


parse._fallback = _recording_fallback  # the parser's last resort, watched (it is looked up at each call)


def _fallback_only(d: DateInterval, text: str) -> bool:
    return text in _LAST_RESORT


def classify_life(text: str, lo: int | None, hi: int | None) -> str:
    if says_no_date(text) or not any(c.isdigit() for c in text):
        return "says unknown / no digits"
    life = parse_lifespan(text)
    if re.search(r"\b(?:he|she)\s*[:;]", text):
        return "couple (the museum's bounds join both lives)"
    if not (life.birth.is_known or life.death.is_known or life.active.is_known):
        return "unread"
    if lo is not None and life.birth.is_known and not life.birth.contains_year(lo):
        return "misread (birth outside the museum's own year)"
    if hi is not None and life.death.is_known and not life.death.contains_year(hi):
        return "misread (death outside the museum's own year)"
    return "read"


def survey(data: Path, listing: int) -> None:
    for name, (reader, kind) in SOURCES.items():
        counts: Counter[str] = Counter()
        bad: dict[str, Counter[str]] = {}
        for text, lo, hi in reader(data):
            if not text.strip():
                continue
            cls = (classify_date if kind == "date" else classify_life)(text, lo, hi)
            counts[cls] += 1
            if cls != "read" and not cls.startswith("says"):
                bad.setdefault(cls, Counter())[text] += 1
        total = sum(counts.values())
        print(f"\n## {name}: {total} texts")
        for cls, n in counts.most_common():
            print(f"  {cls:50} {n:7} ({len(bad.get(cls, ())) or '-'} distinct)")
        for cls, texts in bad.items():
            print(f"  top {cls}: " + "; ".join(f"{t!r} x{n}" for t, n in texts.most_common(listing)))


if __name__ == "__main__":
    args = sys.argv[1:]
    n = int(args[args.index("--list") + 1]) if "--list" in args else 15
    survey(Path(args[0]) if args else Path("../shared/data"), n)
