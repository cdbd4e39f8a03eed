"""The project report's reach section: shown only when reach data exists."""

from __future__ import annotations

from html import escape

from glamwiki.reach.figures import compute
from glamwiki.reach.months import last_complete_month
from glamwiki.reach.render import evidence_html, headline, monthly_html, wiki_html
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
    html = headline(f) + monthly_html(f) + wiki_html(f) + _events(store) + evidence_html(f)
    note = "Full report with CSV and JSON: glamwiki reach report --from YYYY-MM --to YYYY-MM"
    return Section("reach", "Reach and impact", html + f'<p class="note">{escape(note)}</p>')


def _next(month: str) -> str:
    from glamwiki.reach.months import next_month

    return next_month(month)


def _events(store: Store) -> str:
    rows = event_totals(store)
    if not rows:
        return ""
    body = [list(r) for r in rows]
    return "<h3>Events</h3>" + table(
        ["event", "edits", "articles created", "bytes added", "references added"], body, {1, 2, 3, 4}
    )
