"""The report's publishing section: what was planned and what each target wiki now holds."""

from __future__ import annotations

from html import escape

from glamwiki.publishing.journal import OUTCOMES
from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import bar_chart
from glamwiki.store import Store
from glamwiki.store import publishing as db


def publishing_section(store: Store) -> Section | None:
    plan = db.plan_counts(store)
    if not plan:
        return None
    html = figures(
        [
            ("files planned", plan.get(db.PLANNED, 0)),
            ("records blocked by rights", plan.get(db.BLOCKED, 0)),
            ("records without an image", plan.get(db.UNPLANNABLE, 0)),
        ]
    )
    targets = [r[0] for r in store.query("SELECT DISTINCT target FROM publish_state ORDER BY target")]
    for target in targets:
        counts = db.state_counts(store, target)
        data = [(OUTCOMES.get(state, state), float(n)) for state, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        html += bar_chart(data, f"Files on {target}")
        failures = store.query(
            "SELECT substr(message, 1, 90) AS why, COUNT(*) AS n FROM publish_state WHERE target = ?"
            " AND state = 'failed' GROUP BY why ORDER BY n DESC LIMIT 8",
            (target,),
        )
        if failures:
            html += table(["why a file failed", "files"], [[r["why"], r["n"]] for r in failures], {1})
    if not targets:
        html += f'<p class="empty">{escape("Nothing sent yet: review with `glamwiki publish preview`.")}</p>'
    return Section("publishing", "Publishing", html)
