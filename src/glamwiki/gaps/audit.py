"""The collection audit: creators and works by gender, nationality and period, as the institution
records them and as Wikidata does, side by side but never merged; disagreements listed; values
such as "non-binary" kept as themselves; cells under SMALL_CELL suppressed; missing data counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from glamwiki.gaps.people import NOT_RECORDED, Creator

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


def period(year: int | None) -> str:
    if year is None:
        return NOT_RECORDED
    if year < 1500:
        return "born before 1500"
    if year >= 1900:
        return f"born {year // 10 * 10}s" if year >= 1950 else f"born {year // 25 * 25}–{year // 25 * 25 + 24}"
    return f"born {year // 50 * 50}–{year // 50 * 50 + 49}"


def _table(creators: list[Creator], dimension: str, source: str, key: Callable[[Creator], str]) -> AuditTable:
    people: Counter[str] = Counter()
    works: Counter[str] = Counter()
    for c in creators:
        value = key(c)
        people[value] += 1
        works[value] += c.works
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
    names = [(labels or {}).get(q) or q for q in c.wd.get("citizenship") or []]
    return " + ".join(names) or NOT_RECORDED


def audit(creators: list[Creator], labels: dict[str, str] | None = None) -> list[AuditTable]:
    return [
        _table(creators, "gender", COLLECTION, lambda c: c.gender),
        _table(creators, "gender", WIKIDATA, lambda c: c.wd_gender),
        _table(creators, "nationality", COLLECTION, lambda c: c.nationality or NOT_RECORDED),
        _table(creators, "citizenship (P27)", WIKIDATA, lambda c: wd_citizenship(c, labels)),
        _table(creators, "period", COLLECTION, lambda c: period(c.birth_year)),
        _table(creators, "period", WIKIDATA, wd_period),
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
