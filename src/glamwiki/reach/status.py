"""The reach stage's line in `glamwiki status`."""

from __future__ import annotations

from glamwiki.status import StageStatus
from glamwiki.store import Store


def reach_status(store: Store) -> StageStatus:
    files = int(store.scalar("SELECT COUNT(*) FROM reach_files"))
    if not files:
        return StageStatus("reach", "empty", "no files measured yet: run `glamwiki reach collect --category NAME`")
    in_use = int(store.scalar("SELECT COUNT(DISTINCT file) FROM reach_usage WHERE ns = 0 AND gone_at IS NULL"))
    articles = int(
        store.scalar(
            "SELECT COUNT(*) FROM (SELECT DISTINCT wiki, title FROM reach_usage WHERE ns = 0 AND gone_at IS NULL)"
        )
    )
    views = int(store.scalar("SELECT COALESCE(SUM(views), 0) FROM reach_pageviews WHERE agent = 'user'"))
    failed = int(store.scalar("SELECT COUNT(*) FROM reach_coverage WHERE status = 'error'"))
    events = int(store.scalar("SELECT COUNT(*) FROM reach_events"))
    figures = {
        "files": files,
        "files_in_use": in_use,
        "articles": articles,
        "views": views,
        "failed_fetches": failed,
        "events": events,
    }
    summary = f"{files:,} files, {in_use:,} in use on {articles:,} articles; {views:,} views recorded"
    if failed:
        summary += f"; {failed:,} fetches failed (rerun `glamwiki reach collect`)"
    return StageStatus("reach", "attention" if failed else "ok", summary, figures)
