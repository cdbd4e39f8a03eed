"""What is in a project, stage by stage. Each stage contributes one function here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from glamwiki.store import Store


@dataclass
class StageStatus:
    stage: str
    state: str  # "empty" | "ok" | "attention"
    summary: str
    figures: dict[str, object] = field(default_factory=dict)


def intake_status(store: Store) -> StageStatus:
    from glamwiki.store import records, runs

    sets = records.datasets(store)
    objects = sum(n for _, k, n in sets if k == "object")
    people = sum(n for _, k, n in sets if k == "person")
    errors = int(store.scalar("SELECT COUNT(*) FROM ingest_errors WHERE severity = 'error'"))
    warnings = runs.issue_count(store) - errors
    figures = {
        "datasets": sorted({d for d, _, _ in sets}),
        "objects": objects,
        "people": people,
        "errors": errors,
        "warnings": warnings,
    }
    if not sets:
        return StageStatus("intake", "empty", "nothing ingested yet: run `glamwiki ingest FILE`", figures)
    state = "attention" if errors else "ok"
    summary = f"{objects:,} objects, {people:,} people in {len(figures['datasets'])} dataset(s)"
    if errors or warnings:
        summary += f"; {errors:,} errors, {warnings:,} warnings (glamwiki export errors)"
    return StageStatus("intake", state, summary, figures)


def _rights_status(store: Store) -> StageStatus:
    from glamwiki.rights.status import rights_status

    return rights_status(store)


def _linking_status(store: Store) -> StageStatus:
    from glamwiki.linking.status import linking_status

    return linking_status(store)


def _gaps_status(store: Store) -> StageStatus:
    from glamwiki.gaps.status import gaps_status

    return gaps_status(store)


def _reach_status(store: Store) -> StageStatus:
    from glamwiki.reach.status import reach_status

    return reach_status(store)


def _publishing_status(store: Store) -> StageStatus:
    from glamwiki.publishing.status import publishing_status

    return publishing_status(store)


# In the order of the work: intake, rights, linking, gaps, publishing, reach.
STAGES: list[Callable[[Store], StageStatus]] = [
    intake_status,
    _rights_status,
    _linking_status,
    _gaps_status,
    _publishing_status,
    _reach_status,
]


def project_status(store: Store) -> list[StageStatus]:
    return [stage(store) for stage in STAGES]
