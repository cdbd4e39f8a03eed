"""The rights stage in `glamwiki status`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glamwiki.model.rights import BLOCK, REVIEW, UPLOAD
from glamwiki.store import Store
from glamwiki.store.rights import decision_counts, fact_count, latest_assessment

if TYPE_CHECKING:
    from glamwiki.status import StageState, StageStatus


def rights_status(store: Store) -> StageStatus:
    from glamwiki.status import StageStatus

    counts = decision_counts(store)
    figures: dict[str, object] = {k: counts.get(k, 0) for k in (UPLOAD, BLOCK, REVIEW)}
    total = sum(counts.values())
    figures["assessed"] = total
    figures["facts"] = fact_count(store)
    if not total:
        return StageStatus("rights", "empty", "not assessed yet: run `glamwiki rights`", figures)
    as_of = latest_assessment(store)
    summary = f"{total:,} assessed as of {as_of}: {figures[UPLOAD]:,} upload, {figures[BLOCK]:,} block, "
    summary += f"{figures[REVIEW]:,} review"
    state: StageState = "attention" if figures[REVIEW] else "ok"
    if figures[REVIEW]:
        summary += " (glamwiki rights review)"
    return StageStatus("rights", state, summary, figures)
