"""The project report's reach section: shown only when reach data exists."""

from __future__ import annotations

from glamwiki.reach.figures import compute
from glamwiki.reach.months import last_complete_month
from glamwiki.reach.render import by_wiki, evidence, headline, monthly
from glamwiki.render.blocks import Block, Heading, note
from glamwiki.report.page import Section, table
from glamwiki.store import Store, reach_report
from glamwiki.store.reach_report import event_totals


def reach_section(store: Store) -> Section | None:
    if not reach_report.has_files(store):
        return None
    latest = reach_report.latest_month(store) or last_complete_month()
    first = f"{int(latest[:4]) - 1}-{latest[5:7]}"
    first = first if first < latest else latest
    f = compute(store, _next(first), latest, top=10)
    blocks = headline(f) + monthly(f) + by_wiki(f) + _events(store) + evidence(f)
    more = note("Full report with CSV and JSON: glamwiki reach report --from YYYY-MM --to YYYY-MM")
    return Section("reach", "Reach and impact", [*blocks, more])


def _next(month: str) -> str:
    from glamwiki.reach.months import next_month

    return next_month(month)


def _events(store: Store) -> list[Block]:
    rows = event_totals(store)
    if not rows:
        return []
    body = [list(r) for r in rows]
    return [
        Heading("Events"),
        table(["event", "edits", "articles created", "bytes added", "references added"], body, {1, 2, 3, 4}),
    ]
