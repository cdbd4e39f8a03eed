"""The report's rights section: the decision breakdown, the review queue and Public Domain Day."""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import bar_chart, stacked_bars
from glamwiki.rights.pdday import public_domain_day
from glamwiki.rights.review import queue_groups
from glamwiki.store import Store
from glamwiki.store.rights import decision_counts, iter_decisions, latest_assessment

ORDER = ("upload", "block", "review")
PD_DAY_ROWS = 25


def rights_section(store: Store) -> Section | None:
    counts = decision_counts(store)
    if not counts:
        return None
    as_of = latest_assessment(store)
    assert as_of is not None  # there are decisions
    layers: dict[str, Counter[str]] = {"UK": Counter(), "US": Counter()}
    for d in iter_decisions(store):
        layers["UK"][d.uk_status] += 1
        layers["US"][d.us_status] += 1
    html = figures([(k, counts.get(k, 0)) for k in ORDER] + [("assessed on", as_of)])
    html += bar_chart([(k, counts.get(k, 0)) for k in ORDER], f"Decisions as of {as_of}")
    html += stacked_bars([(k, dict(v)) for k, v in layers.items()], ["pd", "copyright", "unknown"], "Status by country")
    groups = queue_groups(store)
    if groups:
        html += "<h3>Review queue: the presumption or fact that would decide each record</h3>"
        html += table(["decided by", "records"], [[label, n] for _, label, n in groups], {1})
        html += f'<p class="note">{escape("Export for a curator: glamwiki rights review --export queue.csv")}</p>'
    html += _pd_day(store, date.fromisoformat(as_of).year + 1)
    return Section("rights", "Rights clearance", html)


def _pd_day(store: Store, year: int) -> str:
    freed = list(public_domain_day(store, year))
    head = f"<h3>Public Domain Day, 1 January {year}</h3>"
    if not freed:
        return head + f'<p class="empty">Nothing in the collection becomes free on 1 January {year}.</p>'
    rows = [[f.record_id, f.creators, f.title, _becomes(f.change, f.decision)] for f in freed[:PD_DAY_ROWS]]
    more = f'<p class="note">and {len(freed) - PD_DAY_ROWS:,} more</p>' if len(freed) > PD_DAY_ROWS else ""
    return head + table(["record", "creator", "title", "becomes"], rows) + more


def _becomes(change: str, decision: str) -> str:
    return "free to upload" if change == "upload" else f"PD in the UK (still {decision})"
