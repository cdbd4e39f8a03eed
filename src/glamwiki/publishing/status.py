"""The publishing line of `glamwiki status`."""

from __future__ import annotations

from glamwiki.status import StageStatus
from glamwiki.store import Store
from glamwiki.store import publishing as db


def publishing_status(store: Store) -> StageStatus:
    plan = db.plan_counts(store)
    states = db.state_counts(store)
    figures: dict[str, object] = {"plan": plan, "files": states}
    last = db.last_plan_run(store)
    if not plan and not (last and last.partial):
        return StageStatus("publishing", "empty", "nothing planned yet: run `glamwiki publish plan`", figures)
    planned = plan.get(db.PLANNED, 0)
    done, dup, failed = states.get("done", 0), states.get("duplicate", 0), states.get("failed", 0)
    unfinished = max(planned - done - dup - failed, 0)
    summary = (
        f"{planned:,} files planned ({plan.get(db.BLOCKED, 0):,} records blocked by rights, "
        f"{plan.get(db.HELD, 0):,} files held for review); "
        f"{done:,} uploaded, {dup:,} already on the wiki, {failed:,} failed, {unfinished:,} to go"
    )
    state = "attention" if failed or (unfinished and states) else "ok"
    if last is not None and last.partial:  # an interrupted plan must not look complete (issue 18.7)
        summary = (
            f"PARTIAL PLAN: only {last.done:,} of {last.total:,} records planned (batch {last.batch} was "
            f"interrupted): run `glamwiki publish plan` again. " + summary
        )
        state = "attention"
    return StageStatus("publishing", state, summary, figures)
