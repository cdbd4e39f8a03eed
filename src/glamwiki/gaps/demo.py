"""The demo's gap step: offline, from the Tate sample alone (and any Wikidata facts recorded in
the project; the demo itself never asks the network). Keeps a snapshot, like `glamwiki gaps`."""

from __future__ import annotations

from glamwiki.gaps.summary import gap_report
from glamwiki.gaps.worklist import NO_ITEM, UPLOAD
from glamwiki.project import Project
from glamwiki.store import Store
from glamwiki.store.gaps import save_snapshot


def demo_step(store: Store, project: Project) -> str:
    report = gap_report(store, ["en"])
    save_snapshot(store, report.snapshot())
    d = report.denominators
    share = f"{d.share_women:.0%}" if d.share_women is not None else "—"
    parts = [f"gaps (sample): {d.people} people, women {share} of {d.gender_recorded} with gender recorded"]
    parts += [f"{g.label}: {g.share_works or 0:.0%} of works by women" for g in report.shares]
    upload, no_item = report.worklists[UPLOAD], report.worklists[NO_ITEM]
    files = sum(e.creator.files_to_upload for e in upload)
    parts.append(f"worklists: {len(upload)} women with {files} cleared files to upload, {len(no_item)} with no item")
    return "; ".join(parts)
