"""Everything `glamwiki gaps` prints and the report shows, computed once from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glamwiki.gaps.audit import AuditTable, Disagreement, audit, gender_disagreements, share_of_women
from glamwiki.gaps.bequest import TURNER_BEQUEST, GenderShare, gender_shares
from glamwiki.gaps.funnel import Step, funnel
from glamwiki.gaps.people import Creator, collect_creators
from glamwiki.gaps.worklist import Entry, worklist
from glamwiki.store import Store

DEFAULT_LANGUAGES = ("en",)


@dataclass
class GapReport:
    languages: list[str]
    creators: list[Creator]
    tables: list[AuditTable]
    disagreements: list[Disagreement]
    steps: list[Step]
    shares: list[GenderShare]
    worklist: list[Entry]
    women: tuple[float | None, int] = (None, 0)
    by_period: list[tuple[str, float, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "people": len(self.creators),
            "share_women": self.women[0],
            "gender_recorded": self.women[1],
            "funnel": [{"step": s.label, "people": s.people, "share_women": s.share_women} for s in self.steps],
            "gender_shares": [
                {
                    "label": g.label,
                    "artists": g.artists,
                    "share_women_artists": g.share_artists,
                    "works": g.works,
                    "share_works_by_women": g.share_works,
                }
                for g in self.shares
            ],
            "disagreements": len(self.disagreements),
            "worklist": len(self.worklist),
            "audit": {f"{t.dimension} ({t.source})": t.rows() for t in self.tables},
        }


def _share_dict(g: GenderShare) -> dict[str, Any]:
    return {
        "label": g.label,
        "artists": g.artists,
        "share_women_artists": g.share_artists,
        "works": g.works,
        "share_works_by_women": g.share_works,
    }


def gap_report(
    store: Store, languages: list[str] | None = None, dataset: str | None = None, credit_line: str = TURNER_BEQUEST
) -> GapReport:
    langs = list(languages or DEFAULT_LANGUAGES)
    creators = collect_creators(store, dataset)
    return GapReport(
        languages=langs,
        creators=creators,
        tables=audit(creators, _labels(store, creators)),
        disagreements=gender_disagreements(creators),
        steps=funnel(creators, langs),
        shares=gender_shares(store, credit_line, dataset),
        worklist=worklist(creators, language=langs[0]),
        women=share_of_women(creators),
        by_period=women_by_period(creators),
    )


def _labels(store: Store, creators: list[Creator]) -> dict[str, str]:
    from glamwiki.store.linking import entity_facts

    wanted = {q for c in creators if c.wd for q in c.wd.get("citizenship", [])}
    return {q: f.get("label", "") for q, f in entity_facts(store, wanted).items() if f.get("label")}


def women_by_period(creators: list[Creator]) -> list[tuple[str, float, int]]:
    """(period, share of women, people with gender recorded) per birth half-century."""
    from glamwiki.gaps.audit import period

    groups: dict[str, list[Creator]] = {}
    for c in creators:
        if c.kind == "person" and c.birth_year is not None:
            groups.setdefault(period(c.birth_year), []).append(c)
    out = []
    for label in sorted(groups, key=lambda g: min(c.birth_year or 0 for c in groups[g])):
        share, n = share_of_women(groups[label])
        if share is not None:
            out.append((label, share, n))
    return out
