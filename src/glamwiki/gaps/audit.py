"""The collection audit: creators and works by gender, nationality and period, as the institution
records them and as Wikidata does, side by side but never merged; disagreements listed; values
such as "non-binary" kept as themselves; cells under SMALL_CELL suppressed; missing data counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from glamwiki.gaps.people import NOT_RECORDED, Creator
from glamwiki.gaps.places import country_label

SMALL_CELL = 5
COLLECTION, WIKIDATA = "collection", "Wikidata"


@dataclass
class Cell:
    value: str
    creators: int
    works: int

    def shown(self, n: int) -> str:
        return f"<{SMALL_CELL}" if 0 < n < SMALL_CELL else str(n)


@dataclass
class AuditTable:
    dimension: str
    source: str  # COLLECTION or WIKIDATA
    cells: list[Cell]

    def rows(self) -> list[list[str]]:
        """Printable rows with small cells suppressed."""
        return [[c.value, c.shown(c.creators), c.shown(c.works)] for c in self.cells]


@dataclass
class Disagreement:
    creator: Creator
    collection: str
    wikidata: str


PERIOD_YEARS = 50  # one bin width for every table and chart
EARLIEST = 1500  # births before this share one bin


def period(year: int | None) -> str:
    """The birth period, in bins of PERIOD_YEARS throughout ("born 1850–1899")."""
    if year is None:
        return NOT_RECORDED
    if year < EARLIEST:
        return f"born before {EARLIEST}"
    start = year // PERIOD_YEARS * PERIOD_YEARS
    return f"born {start}–{start + PERIOD_YEARS - 1}"


def _period_start(label: str) -> int:
    """Sort key of a period label: its first year (before EARLIEST first; other values last)."""
    if label.startswith("born before"):
        return EARLIEST - 1
    digits = label.removeprefix("born ").split("–")[0]
    return int(digits) if digits.isdigit() else 10**6


def _table(
    creators: list[Creator], dimension: str, source: str, key: Callable[[Creator], str], by_date: bool = False
) -> AuditTable:
    """Rows by count (most first), or for periods by date; "not recorded" and the like last."""
    people: Counter[str] = Counter()
    works: Counter[str] = Counter()
    for c in creators:
        value = key(c)
        people[value] += 1
        works[value] += c.works
    if by_date:
        order = sorted(people, key=lambda v: (_period_start(v), v))
    else:
        order = sorted(people, key=lambda v: (v == NOT_RECORDED, -people[v], v))
    return AuditTable(dimension, source, [Cell(v, people[v], works[v]) for v in order])


def wd_period(c: Creator) -> str:
    if not c.qid:
        return "no item"
    if c.wd is None:
        return "item not fetched"
    return period(c.wd.get("birth_year"))


def wd_citizenship(c: Creator, labels: dict[str, str] | None = None) -> str:
    """Best-rank P27 values, by their label when the country's item is recorded, else the QID."""
    if not c.qid:
        return "no item"
    if c.wd is None:
        return "item not fetched"
    names = [country_label(q, labels or {}) for q in c.wd.get("citizenship") or []]
    return " + ".join(names) or NOT_RECORDED


def where(c: Creator) -> str:
    """The UK nation or the country the collection's text resolves to; unresolved text as "unresolved"."""
    if c.place:
        return c.place.where if c.place.country_code != "GB" or c.place.nation else "United Kingdom (nation not stated)"
    return "unresolved text" if c.place_text else NOT_RECORDED


def audit(creators: list[Creator], labels: dict[str, str] | None = None) -> list[AuditTable]:
    return [
        _table(creators, "gender", COLLECTION, lambda c: c.gender),
        _table(creators, "gender", WIKIDATA, lambda c: c.wd_gender),
        _table(creators, "nationality", COLLECTION, lambda c: c.nationality or NOT_RECORDED),
        _table(creators, "country or nation (from nationality and places)", COLLECTION, where),
        _table(creators, "citizenship (P27)", WIKIDATA, lambda c: wd_citizenship(c, labels)),
        _table(creators, "period", COLLECTION, lambda c: period(c.birth_year), by_date=True),
        _table(creators, "period", WIKIDATA, wd_period, by_date=True),
    ]


def gender_disagreements(creators: list[Creator]) -> list[Disagreement]:
    """People whose recorded gender differs from Wikidata's (both recorded)."""
    out = []
    for c in creators:
        wd = c.wd_gender
        if c.gender == NOT_RECORDED or wd in (NOT_RECORDED, "no item", "item not fetched"):
            continue
        if wd != c.gender:
            out.append(Disagreement(c, c.gender, wd))
    return out


def share_of_women(creators: list[Creator]) -> tuple[float | None, int]:
    """Share of women among creators whose gender the collection records, and how many that is."""
    known = [c for c in creators if c.gender != NOT_RECORDED]
    if not known:
        return None, 0
    return sum(c.is_woman for c in known) / len(known), len(known)
