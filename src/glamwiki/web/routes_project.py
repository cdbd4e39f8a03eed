"""The project page, one dashboard per stage (the report's own sections, kept per data version:
web/dashboards.py) and the record page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from glamwiki.web.app import current_project, in_store, page, render
from glamwiki.web.dashboards import STAGES, StageView, overview, redraw_in_background, stage_view
from glamwiki.web.record import record_view

__all__ = ["ROUTES", "STAGES"]


def _redraw_old(request: Request, views: list[StageView]) -> None:
    """Stages shown as drawn for older data: drawn again in the background for the next view."""
    old = [v.name for v in views if not v.current]
    if old:
        place = current_project(request)
        redraw_in_background(f"{place.location} {place.schema or ''}", place.open, old)


@page()
async def home(request: Request) -> Response:
    views = await in_store(request, overview)
    _redraw_old(request, views)
    return render(request, "project.html", title="Project", stages=views)


@page()
async def stage(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STAGES:
        return render(request, "error.html", 404, title="Not found", message=f"No stage named {name!r}.")
    view = await in_store(request, stage_view, name)
    _redraw_old(request, [view])
    return render(request, "stage.html", title=view.label, label=view.label, view=view, stages=STAGES)


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
