"""The project page, one dashboard per stage (the report's own sections) and the record page."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from glamwiki.render.blocks import Section
from glamwiki.report.gaps_section import gaps_section
from glamwiki.report.intake_section import intake_section
from glamwiki.report.publishing_section import publishing_section
from glamwiki.report.reach_section import reach_section
from glamwiki.report.rights_section import rights_section
from glamwiki.store import Store
from glamwiki.web.app import in_store, page, render
from glamwiki.web.record import record_view

# url name -> (menu label, the report section that draws the stage)
STAGES: dict[str, tuple[str, Callable[[Store], Section | None]]] = {
    "intake": ("Intake", intake_section),
    "rights": ("Rights", rights_section),
    "links": ("Links and gaps", gaps_section),
    "publishing": ("Publishing", publishing_section),
    "reach": ("Reach", reach_section),
}


def _overview(store: Store) -> list[tuple[str, str, Section | None]]:
    return [(name, label, build(store)) for name, (label, build) in STAGES.items()]


@page()
async def home(request: Request) -> Response:
    stages = await in_store(request, _overview)
    return render(request, "project.html", title="Project", stages=stages)


@page()
async def stage(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STAGES:
        return render(request, "error.html", 404, title="Not found", message=f"No stage named {name!r}.")
    label, build = STAGES[name]
    section = await in_store(request, build)
    return render(request, "stage.html", title=label, label=label, section=section, stages=STAGES)


@page()
async def record(request: Request) -> Response:
    wanted = request.query_params.get("id", "").strip()
    view = await in_store(request, record_view, wanted) if wanted else None
    if view is None:
        message = f"No record with id {wanted!r}." if wanted else "Give a record id (dataset:id)."
        return render(request, "error.html", 404, title="Record not found", message=message)
    return render(request, "record.html", title=view.id, view=view)


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/stage/{name}", stage, methods=["GET"]),
    Route("/record", record, methods=["GET"]),
]
