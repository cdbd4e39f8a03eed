"""What is in a project, stage by stage. Each stage contributes one function here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Literal

from glamwiki.store import Store

StageState = Literal["empty", "ok", "attention"]


@dataclass
class StageStatus:
    stage: str
    state: StageState
    summary: str
    figures: Mapping[str, object] = field(default_factory=dict)


RUN_STATES = {
    "failed": "failed (the records read before the failure are kept; run the ingest again)",
    "interrupted": "interrupted (run the ingest again to finish)",
    "killed": "stopped without finishing (the process was killed; run the ingest again)",
    "running": "still running",
}


def intake_status(store: Store) -> StageStatus:
    from glamwiki.intake.ingest import ingest_running
    from glamwiki.store import records, runs

    sets = records.datasets(store)
    objects = sum(n for _, k, n in sets if k == "object")
    people = sum(n for _, k, n in sets if k == "person")
    errors = runs.error_count(store)
    warnings = runs.issue_count(store) - errors
    unfinished = runs.unfinished_runs(store, ingest_running(store))
    datasets = sorted({d for d, _, _ in sets})
    figures = {
        "datasets": datasets,
        "objects": objects,
        "people": people,
        "errors": errors,
        "warnings": warnings,
        "runs_not_done": unfinished,
    }
    if not sets and not unfinished:
        return StageStatus("intake", "empty", "nothing ingested yet: run `glamwiki ingest FILE`", figures)
    state: StageState = "attention" if errors or set(unfinished) - {"running"} else "ok"
    summary = f"{objects:,} objects, {people:,} people in {len(datasets)} dataset(s)"
    if errors or warnings:
        summary += f"; {errors:,} errors, {warnings:,} warnings (glamwiki export errors)"
    if unfinished:
        summary += "; " + ", ".join(f"{n} ingest run(s) {RUN_STATES[k]}" for k, n in sorted(unfinished.items()))
    return StageStatus("intake", state, summary, figures)


def _stage(module: str) -> Callable[[Store], StageStatus]:
    """``glamwiki.<stage>.status``'s status function, imported when first called (the stage modules
    import StageStatus from here, so they cannot be imported at this module's load)."""
    stage = module.rsplit(".", 1)[-1]

    def status(store: Store) -> StageStatus:
        found: Callable[[Store], StageStatus] = getattr(import_module(f"{module}.status"), f"{stage}_status")
        return found(store)

    return status


# In the order of the work: intake, rights, linking, gaps, publishing, reach.
STAGES: list[Callable[[Store], StageStatus]] = [
    intake_status,
    *(_stage(f"glamwiki.{name}") for name in ("rights", "linking", "gaps", "publishing", "reach")),
]


def project_status(store: Store) -> list[StageStatus]:
    return [stage(store) for stage in STAGES]
