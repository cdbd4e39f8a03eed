"""The reach stage's line in `glamwiki status`."""

from __future__ import annotations

from glamwiki.status import StageStatus
from glamwiki.store import Store
from glamwiki.store.reach_report import status_figures


def reach_status(store: Store) -> StageStatus:
    figures = status_figures(store)
    files, in_use, articles = figures["files"], figures["files_in_use"], figures["articles"]
    if not files:
        return StageStatus("reach", "empty", "no files measured yet: run `glamwiki reach collect --category NAME`")
    views = f"{figures['views']:,} API views recorded" if figures["collected"] else "no views collected yet"
    summary = f"{files:,} files, {in_use:,} in use on {articles:,} Wikipedia articles; {views}"
    failed = figures["failed_fetches"]
    if failed:
        summary += f"; {failed:,} fetches failed (rerun `glamwiki reach collect`)"
    return StageStatus("reach", "attention" if failed else "ok", summary, figures)
