"""Edit-a-thon worklists of the collection's women, ranked so that the people with most material
come first (files ready to upload, then works cleared, then works held):

1. ``upload``: public-domain works cleared by the rights stage and not yet on Commons, by files;
2. ``no-item``: no Wikidata item yet, with the institution's record (URL) and what it says;
3. ``no-article``: an item but no Wikipedia article in a chosen language, with sitelink counts;
4. ``missing-properties``: an item lacking key properties, Recoin-style (relative to items of the
   same occupation; https://www.wikidata.org/wiki/Wikidata:Recoin);
5. ``portrait``: an item without an image (P18) while the collection holds a cleared portrait or
   self-portrait of her.

Each can be narrowed by nation/country, birth period and medium (``Filters``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from glamwiki.gaps.funnel import key_properties, missing_properties
from glamwiki.gaps.people import Creator
from glamwiki.gaps.works import WorkInfo
from glamwiki.linking.names import fold
from glamwiki.model.records import PERSON


class GapKind(StrEnum):
    """The kinds of gap the worklist names; the value is the worklist's ``kind`` column."""

    UPLOAD = "upload"
    NO_ITEM = "no-item"
    NO_ARTICLE = "no-article"
    MISSING_PROPERTIES = "missing-properties"
    PORTRAIT = "portrait"


UPLOAD, NO_ITEM, NO_ARTICLE, MISSING_PROPERTIES, PORTRAIT = tuple(GapKind)
KINDS = tuple(GapKind)
TITLES: dict[str, str] = {
    UPLOAD: "Women whose public-domain works are cleared and not yet on Commons",
    NO_ITEM: "Women in the collection with no Wikidata item",
    NO_ARTICLE: "Women with a Wikidata item but no {lang} Wikipedia article",
    MISSING_PROPERTIES: "Women whose Wikidata item lacks key properties",
    PORTRAIT: "Women whose Wikidata item has no image, with a public-domain portrait in the collection",
}
SELF_PORTRAIT_WORDS = ("self-portrait", "self portrait")


@dataclass
class Filters:
    """Keep only people from this nation or country (name or ISO code), born in this period
    ("1800-1899" or "1850"), with a work in this medium or object type (words in the text)."""

    nation: str = ""
    period: str = ""
    medium: str = ""

    def __post_init__(self) -> None:
        if self.period:
            years(self.period)  # a bad period fails now, with the flag's value, not halfway

    def __bool__(self) -> bool:
        return bool(self.nation or self.period or self.medium)

    def keep(self, c: Creator, works: dict[tuple[str, str], WorkInfo]) -> bool:
        if self.nation and not _in_place(c, self.nation):
            return False
        if self.period and not _in_period(c.birth_year, self.period):
            return False
        if self.medium:
            return any(works[(c.dataset, w)].matches_medium(self.medium) for w in c.work_ids if (c.dataset, w) in works)
        return True

    def describe(self) -> str:
        bits = [
            f"nation {self.nation}" if self.nation else "",
            f"born {self.period}" if self.period else "",
            f"medium {self.medium}" if self.medium else "",
        ]
        return ", ".join(b for b in bits if b)


def _in_place(c: Creator, wanted: str) -> bool:
    if c.place is None:
        return False
    w = fold(wanted)
    return w in (fold(c.place.nation), fold(c.place.country), c.place.country_code.lower())


def years(period: str) -> tuple[int, int]:
    """ "1800-1899" -> (1800, 1899); "1850" -> (1850, 1850)."""
    lo, _, hi = period.partition("-")
    try:
        start = int(lo)
        end = int(hi) if hi else start
    except ValueError as exc:
        raise ValueError(f"period {period!r}: give birth years like 1800-1899 or 1850") from exc
    if end < start:
        raise ValueError(f"period {period!r}: the end comes before the start")
    return start, end


def _in_period(year: int | None, period: str) -> bool:
    if year is None:
        return False
    start, end = years(period)
    return start <= year <= end


@dataclass
class Entry:
    creator: Creator
    missing: str  # what the worklist is about, in words: "no Wikidata item", "no cy Wikipedia article"
    missing_properties: list[str] = field(default_factory=list)
    works: list[str] = field(default_factory=list)  # record ids the entry points at (portraits, cleared works)

    @property
    def sitelinks(self) -> int:
        return len(self.creator.wd.get("sitelinks", [])) if self.creator.wd else 0


def _rank(e: Entry) -> tuple[int, int, int, str]:
    c = e.creator
    return (-c.files_to_upload, -c.works_cleared, -c.works, c.name)


def worklist(
    creators: list[Creator],
    kind: str = NO_ARTICLE,
    language: str = "en",
    women_only: bool = True,
    works: dict[tuple[str, str], WorkInfo] | None = None,
    filters: Filters | None = None,
) -> list[Entry]:
    works = works or {}
    pool = [c for c in creators if c.kind == PERSON and (c.is_woman or not women_only)]
    if filters:
        pool = [c for c in pool if filters.keep(c, works)]
    chosen = _choose(kind, pool, creators, language, works)
    chosen.sort(key=_rank)
    return chosen


def _choose(
    kind: str, pool: list[Creator], creators: list[Creator], language: str, works: dict[tuple[str, str], WorkInfo]
) -> list[Entry]:
    if kind == UPLOAD:
        return [
            Entry(c, f"{c.files_to_upload} file(s) cleared, not on Commons", works=_todo(c, works))
            for c in pool
            if c.files_to_upload
        ]
    if kind == NO_ITEM:
        return [Entry(c, "no Wikidata item") for c in pool if not c.qid]
    fetched = [c for c in pool if c.wd is not None]
    if kind == NO_ARTICLE:
        site = f"{language}wiki"
        keys = key_properties([c for c in creators if c.wd is not None])
        return [
            Entry(c, f"no {language} Wikipedia article", missing_properties(c, keys), works=list(c.work_ids))
            for c in fetched
            if site not in (c.wd or {}).get("sitelinks", [])
        ]
    if kind == MISSING_PROPERTIES:
        keys = key_properties([c for c in creators if c.wd is not None])
        out = [Entry(c, "missing key properties", missing_properties(c, keys)) for c in fetched]
        return [e for e in out if e.missing_properties]
    if kind == PORTRAIT:
        out, index = [], portrait_index(works) if fetched else []
        for c in fetched:
            found = portraits(c, index)
            if not (c.wd or {}).get("has_image") and found:
                out.append(Entry(c, "no image (P18); a public-domain portrait is in the collection", works=found))
        return out
    raise ValueError(f"unknown worklist {kind!r}: one of {', '.join(KINDS)}")


def _todo(c: Creator, works: dict[tuple[str, str], WorkInfo]) -> list[str]:
    return [w for w in c.work_ids if (c.dataset, w) in works and works[(c.dataset, w)].files_to_upload]


def portrait_index(works: dict[tuple[str, str], WorkInfo]) -> list[tuple[tuple[str, str], str, str]]:
    """(key, folded title, folded title+subjects) of the cleared works with files that are portraits."""
    out = []
    for key, w in works.items():
        if w.cleared and w.files:
            raw = w.title + " | " + " | ".join(w.subjects)
            if "portrait" in raw.casefold():
                out.append((key, fold(w.title), fold(raw)))
    return out


def portraits(c: Creator, index: list[tuple[tuple[str, str], str, str]]) -> list[str]:
    """Cleared works that show her: her own self-portraits (by title or subject), or another
    artist's portrait whose title names her in full."""
    mine, full = set(c.work_ids), fold(c.name)
    out = []
    for (ds, wid), title, text in index:
        if ds != c.dataset:
            continue
        self_portrait = wid in mine and any(word in text for word in SELF_PORTRAIT_WORDS)
        if self_portrait or (wid not in mine and full and full in title):
            out.append(wid)
    return out


def title_for(kind: str, language: str = "en") -> str:
    return TITLES[kind].format(lang=language)
