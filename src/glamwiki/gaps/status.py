"""The gaps line of `glamwiki status`: the same denominators as `glamwiki gaps` and the report."""

from __future__ import annotations

from glamwiki.gaps.people import collect_creators
from glamwiki.gaps.summary import denominators
from glamwiki.gaps.works import collection_works
from glamwiki.model.records import PERSON
from glamwiki.status import StageStatus
from glamwiki.store import Store


def gaps_status(store: Store) -> StageStatus:
    works = collection_works(store)
    people = [c for c in collect_creators(store, works=works) if c.kind == PERSON]
    if not people:
        return StageStatus("gaps", "empty", "no people to audit yet", {})
    d = denominators(people, works)
    share = d.share_women
    linked = sum(1 for c in people if c.qid)
    figures = {"people": d.people, "gender_recorded": d.gender_recorded, "share_women": share, "linked": linked}
    women = (
        f"{share:.1%} women of {d.gender_recorded:,} with gender recorded"
        if share is not None
        else "gender not recorded"
    )
    return StageStatus("gaps", "ok", f"{d.people:,} people, {women}, {linked:,} with a Wikidata item", figures)
