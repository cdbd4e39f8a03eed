"""Everything `glamwiki gaps` prints and the report shows, computed once from the store.

One set of denominators (``Denominators``), each share named by what it is a share of:
- *people*: people (not organisations, groups or "British School") in the collection, from the
  people file and from the object records that credit them, each once;
- *people with gender recorded*: of those, the ones whose gender the institution records: the
  share of women in the headline, the funnel's first step and `glamwiki status` is of these;
- *people credited on works*: the artists column of the works table (people with no work in the
  export are not in it);
- *works*: object records, and *works with a credited person of recorded gender* for work shares;
- *credits*: creator–work pairs (a work by two people counts for each): the audit tables' works column.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from glamwiki.gaps.audit import AuditTable, Disagreement, audit, gender_disagreements, period, share_of_women
from glamwiki.gaps.bequest import TURNER_BEQUEST, GenderShare, gender_shares
from glamwiki.gaps.funnel import Step, funnel
from glamwiki.gaps.people import NOT_RECORDED, OBJECT_RECORDS, Creator, collect_creators
from glamwiki.gaps.places import country_labels
from glamwiki.gaps.worklist import KINDS, NO_ARTICLE, Entry, Filters, worklist
from glamwiki.gaps.works import WorkInfo, collection_works
from glamwiki.model.records import PERSON
from glamwiki.store import Store

DEFAULT_LANGUAGES = ("en",)


@dataclass
class Denominators:
    people: int  # people in the collection, every source, each once
    gender_recorded: int  # ... whose gender the institution records
    women: int
    from_object_records: int  # people known only from the object records that credit them
    credited: int  # people credited on at least one work
    women_credited: int  # women credited on at least one work
    works: int
    credits: int  # creator–work pairs over people

    @property
    def share_women(self) -> float | None:
        return self.women / self.gender_recorded if self.gender_recorded else None


@dataclass
class Places:
    resolved: int  # people whose country was found
    nations: int  # UK people whose nation was found
    uk: int
    with_text: int  # people with any place or nationality text
    unresolved: list[tuple[str, int]] = field(default_factory=list)  # text, people; most frequent first


@dataclass
class GapReport:
    languages: list[str]
    creators: list[Creator]  # people only (organisations and groups are not in the gender audit)
    tables: list[AuditTable]
    disagreements: list[Disagreement]
    steps: list[Step]
    shares: list[GenderShare]
    worklists: dict[str, list[Entry]]
    denominators: Denominators
    places: Places
    works: dict[tuple[str, str], WorkInfo] = field(default_factory=dict)
    by_period: list[tuple[str, float, int]] = field(default_factory=list)
    by_place: list[tuple[str, float, int]] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)

    @property
    def women(self) -> tuple[float | None, int]:
        return self.denominators.share_women, self.denominators.gender_recorded

    @property
    def worklist(self) -> list[Entry]:
        return self.worklists[NO_ARTICLE]

    def snapshot(self) -> dict[str, Any]:
        """What one run records for the change-over-time chart."""
        return {
            "languages": self.languages,
            "denominators": asdict(self.denominators),
            "funnel": [
                {"step": s.label, "people": s.people, "women": s.women, "gender_recorded": s.gender_known}
                for s in self.steps
            ],
            "worklists": {k: len(v) for k, v in self.worklists.items()},
        }

    def as_dict(self) -> dict[str, Any]:
        d = self.denominators
        return {
            "people": d.people,
            "share_women": d.share_women,
            "gender_recorded": d.gender_recorded,
            "denominators": asdict(d),
            "funnel": [
                {
                    "step": s.label,
                    "people": s.people,
                    "share_women": s.share_women,
                    "share_of": f"{s.gender_known} people with gender recorded",
                }
                for s in self.steps
            ],
            "gender_shares": [_share_dict(g) for g in self.shares],
            "disagreements": len(self.disagreements),
            "worklist": len(self.worklist),
            "worklists": {k: len(v) for k, v in self.worklists.items()},
            "places": asdict(self.places),
            "audit": {f"{t.dimension} ({t.source})": t.rows() for t in self.tables},
        }


def _share_dict(g: GenderShare) -> dict[str, Any]:
    return {
        "label": g.label,
        "artists": g.artists,
        "share_women_artists": g.share_artists,
        "share_of_artists": "people credited on these works, gender recorded",
        "works": g.works,
        "share_works_by_women": g.share_works,
        "share_of_works": "works crediting at least one person of recorded gender",
    }


def gap_report(
    store: Store,
    languages: list[str] | None = None,
    dataset: str | None = None,
    credit_line: str = TURNER_BEQUEST,
    filters: Filters | None = None,
) -> GapReport:
    langs = list(languages or DEFAULT_LANGUAGES)
    works = collection_works(store, dataset)
    everyone = collect_creators(store, dataset, works)
    people = [c for c in everyone if c.kind == PERSON]
    flt = filters or Filters()
    lists: dict[str, list[Entry]] = {k: worklist(people, k, langs[0], works=works, filters=flt) for k in KINDS}
    for lang in langs[1:]:
        lists[f"{NO_ARTICLE}:{lang}"] = worklist(people, NO_ARTICLE, lang, works=works, filters=flt)
    return GapReport(
        languages=langs,
        creators=people,
        tables=audit(people, country_labels(store, people)),
        disagreements=gender_disagreements(people),
        steps=funnel(people, langs),
        shares=gender_shares(people, works, credit_line),
        worklists=lists,
        denominators=denominators(people, works),
        places=places(people),
        works=works,
        by_period=women_by_period(people),
        by_place=women_by_place(people),
        filters=flt,
    )


def denominators(people: list[Creator], works: dict[tuple[str, str], WorkInfo]) -> Denominators:
    _, known = share_of_women(people)
    women = sum(c.is_woman for c in people if c.gender != NOT_RECORDED)
    return Denominators(
        people=len(people),
        gender_recorded=known,
        women=women,
        from_object_records=sum(c.origin == OBJECT_RECORDS for c in people),
        credited=sum(1 for c in people if c.works),
        women_credited=sum(1 for c in people if c.works and c.is_woman),
        works=len(works),
        credits=sum(c.works for c in people),
    )


def places(people: list[Creator]) -> Places:
    unresolved: dict[str, int] = {}
    for c in people:
        if c.place is None and c.place_text:
            unresolved[c.place_text] = unresolved.get(c.place_text, 0) + 1
    uk = [c for c in people if c.place and c.place.country_code == "GB"]
    return Places(
        resolved=sum(1 for c in people if c.place),
        nations=sum(1 for c in uk if c.place and c.place.nation),
        uk=len(uk),
        with_text=sum(1 for c in people if c.place or c.place_text),
        unresolved=sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def women_by_place(creators: list[Creator]) -> list[tuple[str, float, int]]:
    """(country or UK nation, share of women, people with gender recorded), most people first."""
    from glamwiki.gaps.audit import where

    groups: dict[str, list[Creator]] = {}
    for c in creators:
        if c.place is not None:
            groups.setdefault(where(c), []).append(c)
    out = []
    for label, group in groups.items():
        share, n = share_of_women(group)
        if share is not None:
            out.append((label, share, n))
    return sorted(out, key=lambda r: (-r[2], r[0]))


def women_by_period(creators: list[Creator]) -> list[tuple[str, float, int]]:
    """(period, share of women, people with gender recorded) per birth period, in date order."""
    groups: dict[str, list[Creator]] = {}
    for c in creators:
        if c.kind == PERSON and c.birth_year is not None:
            groups.setdefault(period(c.birth_year), []).append(c)
    out = []
    for label in sorted(groups, key=lambda g: min(c.birth_year or 0 for c in groups[g])):
        share, n = share_of_women(groups[label])
        if share is not None:
            out.append((label, share, n))
    return out
