"""The report's rights section: the decision breakdown, the review queue and Public Domain Day."""

from __future__ import annotations

from collections import Counter
from datetime import date

from glamwiki.render.blocks import Block, Heading, empty, note
from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import bar_chart, stacked_bars
from glamwiki.rights.pdday import public_domain_day
from glamwiki.rights.project import settings_of_run
from glamwiki.rights.review import queue_groups
from glamwiki.store import Store
from glamwiki.store.records import count as object_count
from glamwiki.store.rights import RightsRun, decision_counts, iter_decisions, last_rights_run, latest_assessment

ORDER = ("upload", "block", "review")
PD_DAY_ROWS = 25
NOT_RUN = "No rights decisions are stored for this project yet: run `glamwiki rights`."


def rights_section(store: Store) -> Section | None:
    """The decisions the last `glamwiki rights` run stored, never a re-assessment with other settings."""
    counts = decision_counts(store)
    if not counts:
        if not object_count(store, kind="object"):
            return None
        return Section("rights", "Rights clearance", [empty(NOT_RUN)])
    as_of = latest_assessment(store)
    assert as_of is not None  # there are decisions
    run = last_rights_run(store)
    layers: dict[str, Counter[str]] = {"UK": Counter(), "US": Counter()}
    for d in iter_decisions(store):
        layers["UK"][d.uk_status] += 1
        layers["US"][d.us_status] += 1
    blocks: list[Block] = [
        figures([(k, counts.get(k, 0)) for k in ORDER] + [("assessed on", as_of)]),
        *_run_note(run),
        bar_chart([(k, counts.get(k, 0)) for k in ORDER], f"Decisions as of {as_of}"),
        stacked_bars([(k, dict(v)) for k, v in layers.items()], ["pd", "copyright", "unknown"], "Status by country"),
    ]
    groups = queue_groups(store)
    if groups:
        blocks.append(Heading("Review queue: the presumption or fact that would decide each record"))
        blocks.append(table(["decided by", "records"], [[label, n] for _, label, n in groups], {1}))
        blocks.append(note("Export for a curator: glamwiki rights review --export queue.csv"))
    blocks += _pd_day(store, date.fromisoformat(as_of).year + 1, run)
    return Section("rights", "Rights clearance", blocks)


def _run_note(run: RightsRun | None) -> list[Block]:
    if run is None:
        return []
    applied = ", ".join(run.presumptions) or "none"
    text = (f"Decisions stored by `glamwiki rights` on {run.run_at[:10]}: as of {run.as_of}, longest life "
            f"{run.max_lifespan} years, presumptions applied: {applied}.")  # fmt: skip
    return [note(text)]


def _pd_day(store: Store, year: int, run: RightsRun | None) -> list[Block]:
    settings, presumptions, problem = settings_of_run(store, run)
    freed = list(public_domain_day(store, year, presumptions, settings))
    head: list[Block] = [Heading(f"Public Domain Day, 1 January {year}")]
    if problem:
        head.append(note(problem))
    if not freed:
        return [*head, empty(f"Nothing in the collection becomes free on 1 January {year}.")]
    rows = [[f.record_id, f.creators, f.title, _becomes(f.change, f.decision)] for f in freed[:PD_DAY_ROWS]]
    more = [note(f"and {len(freed) - PD_DAY_ROWS:,} more")] if len(freed) > PD_DAY_ROWS else []
    return [*head, table(["record", "creator", "title", "becomes"], rows), *more]


def _becomes(change: str, decision: str) -> str:
    return "free to upload" if change == "upload" else f"PD in the UK (still {decision})"
