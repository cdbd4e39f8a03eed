"""The publishing line of `glamwiki status`."""

from __future__ import annotations

from glamwiki.publishing.targets import is_local
from glamwiki.status import StageState, StageStatus
from glamwiki.store import Store
from glamwiki.store import publishing as db


def publishing_status(store: Store) -> StageStatus:
    plan = db.plan_counts(store)
    states = _institution_states(store)
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
    trials = [t for t in db.targets(store) if is_local(t)]
    if trials:  # the local sandbox is for trying a batch: never counted as the institution's result
        summary += f" (trial runs on a local wiki not counted: {', '.join(trials)})"
    state: StageState = "attention" if failed or (unfinished and states) else "ok"
    if last is not None and last.partial:  # an interrupted plan must not look complete (issue 18.7)
        summary = (
            f"PARTIAL PLAN: only {last.done:,} of {last.total:,} records planned (batch {last.batch} was "
            f"interrupted): run `glamwiki publish plan` again. " + summary
        )
        state = "attention"
    return StageStatus("publishing", state, summary, figures)


def _institution_states(store: Store) -> dict[str, int]:
    """File states summed over the wikis that are not on this machine (issue 18.10)."""
    totals: dict[str, int] = {}
    for target in db.targets(store):
        if not is_local(target):
            for name, n in db.state_counts(store, target).items():
                totals[name] = totals.get(name, 0) + n
    return totals
