"""The report's publishing section: what was planned and what each target wiki now holds."""

from __future__ import annotations

from glamwiki.publishing.journal import OUTCOMES
from glamwiki.publishing.targets import is_local
from glamwiki.render.blocks import Block, empty, note
from glamwiki.report.page import Section, figures, message_kinds, table
from glamwiki.report.svg import bar_chart
from glamwiki.store import Store
from glamwiki.store import publishing as db


def publishing_section(store: Store) -> Section | None:
    plan = db.plan_counts(store)
    if not plan:
        return None
    blocks: list[Block] = [
        figures(
            [
                ("files planned", plan.get(db.PLANNED, 0)),
                ("records blocked by rights", plan.get(db.BLOCKED, 0)),
                ("records without an image", plan.get(db.UNPLANNABLE, 0)),
            ]
        )
    ]
    targets = db.targets(store)
    for target in [t for t in targets if not is_local(t)]:
        counts = db.state_counts(store, target)
        data = [(OUTCOMES.get(state, state), float(n)) for state, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        blocks.append(bar_chart(data, f"Files on {target}"))
        failures = message_kinds(db.failure_messages(store, target))[:8]
        if failures:
            blocks.append(table(["why a file failed", "files"], [list(f) for f in failures], {1}))
    trials = [t for t in targets if is_local(t)]
    if trials:
        tried = "; ".join(f"{t}: {sum(db.state_counts(store, t).values()):,} files" for t in trials)
        blocks.append(note("Trial runs on a local wiki (glamwiki sandbox), not counted here: " + tried))
    if len(trials) == len(targets):
        nothing = "Nothing sent to a public wiki yet: review with `glamwiki publish preview`."
        blocks.append(empty(nothing))
    return Section("publishing", "Publishing", blocks)
