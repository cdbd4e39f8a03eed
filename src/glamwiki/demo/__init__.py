"""The demo: a project built from a small real sample shipped in the package (Tate, CC0),
taken through every stage that needs no network, ending in report.html."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module, resources
from pathlib import Path

from glamwiki.config import CONFIG_NAME, Config
from glamwiki.intake.ingest import IngestSummary, ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.project import Project, init_project
from glamwiki.report.build import build_report
from glamwiki.store import Store

DATA = "glamwiki.demo"


@dataclass
class DemoResult:
    project: Project
    report: Path
    ingest: IngestSummary
    steps: list[str] = field(default_factory=list)


# Later stages append a step (store, project) -> one line saying what it did.
STEPS: list[Callable[[Store, Project], str]] = []


def _rights_step(store: Store, project: Project) -> str:
    """Rights clearance of the sample as of today (offline: the engine reads only the records)."""
    from datetime import date

    from glamwiki.rights.project import assess_project

    summary = assess_project(store, date.today())
    d = summary.decisions
    return f"rights: {summary.assessed} assessed: {d['upload']} upload, {d['block']} block, {d['review']} review"


def _stage_step(stage: str) -> Callable[[Store, Project], str]:
    """``glamwiki.<stage>.demo.demo_step``, imported when the demo runs."""

    def step(store: Store, project: Project) -> str:
        found: Callable[[Store, Project], str] = import_module(f"glamwiki.{stage}.demo").demo_step
        return found(store, project)

    return step


# Rights first: the gaps worklists and the publishing plan use its decisions.
STEPS.extend([_rights_step, _stage_step("gaps"), _stage_step("publishing")])


def sample_folder() -> Path:
    return Path(str(resources.files(DATA) / "data"))


def run_demo(
    folder: Path, progress: Callable[[int], None] | None = None, env: Mapping[str, str] | None = None
) -> DemoResult:
    folder = folder.resolve()
    if (folder / CONFIG_NAME).exists():
        project = Project(folder, Config.load(folder / CONFIG_NAME, env))
    else:
        project = init_project(folder, name="glamwiki demo (Tate sample)", institution="Tate", env=env)
    with project.open_store() as store:
        summary = ingest(
            store, str(sample_folder()), dataset="tate", profile=load_named_profile("tate"), progress=progress
        )
        steps = [f"ingest: {summary.objects} objects, {summary.people} people ({summary.added} new)"]
        steps += [step(store, project) for step in STEPS]
        report = build_report(
            store,
            folder / "report.html",
            "glamwiki demo: a Tate sample",
            "300 real artworks from Tate's CC0 collection data (2014)",
        )
    return DemoResult(project, report, summary, steps)
