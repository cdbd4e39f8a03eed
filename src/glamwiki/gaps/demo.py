"""The demo's gap step: offline, from the Tate sample alone (and any Wikidata facts recorded in
the project; the demo itself never asks the network)."""

from __future__ import annotations

from glamwiki.gaps.summary import gap_report
from glamwiki.project import Project
from glamwiki.store import Store


def demo_step(store: Store, project: Project) -> str:
    report = gap_report(store, ["en"])
    share, known = report.women
    parts = [f"gaps: {len(report.creators)} people, {share:.0%} women of {known} with gender recorded"]
    for g in report.shares:
        parts.append(f"{g.label}: {g.share_works or 0:.0%} of works by women")
    return "; ".join(parts)
