"""The gaps line of `glamwiki status`."""

from __future__ import annotations

from glamwiki.gaps.audit import share_of_women
from glamwiki.gaps.people import collect_creators
from glamwiki.status import StageStatus
from glamwiki.store import Store


def gaps_status(store: Store) -> StageStatus:
    creators = [c for c in collect_creators(store) if c.kind == "person"]
    if not creators:
        return StageStatus("gaps", "empty", "no people to audit yet", {})
    share, known = share_of_women(creators)
    linked = sum(1 for c in creators if c.qid)
    figures = {"people": len(creators), "gender_recorded": known, "share_women": share, "linked": linked}
    women = f"{share:.0%} women" if share is not None else "gender not recorded"
    return StageStatus("gaps", "ok", f"{len(creators):,} people, {women}, {linked:,} with a Wikidata item", figures)
