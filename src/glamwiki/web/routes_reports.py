"""Reports for funders: the current project's residency report (``/reports``) and the programme's
(``/reports/programme``, every project the user may see) for a month, a year or a span of months,
shown in the page with download links for CSV and wikitext (and the HTML page itself)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from glamwiki.errors import ConfigError
from glamwiki.reach.months import last_complete_month
from glamwiki.report.funder import FunderReport, Period, period_of, programme_report, residency_report
from glamwiki.report.funder_formats import FORMATS, file_name, sections, write
from glamwiki.store import Store
from glamwiki.web.app import in_programme, in_store, page, render, workspace

PERIOD_FIELDS = ("month", "year", "from", "to")


def _period(request: Request) -> tuple[Period, dict[str, str]]:
    """The period the query asks for (default: the last complete month) and the query naming it."""
    asked = {k: request.query_params[k].strip() for k in PERIOD_FIELDS if request.query_params.get(k, "").strip()}
    if not asked:
        asked = {"month": last_complete_month()}
    return period_of(asked.get("month"), asked.get("year"), asked.get("from"), asked.get("to")), asked


def _residency(store: Store, name: str, period: Period, target: str) -> FunderReport:
    return residency_report(store, name, period, target)


def _programme(projects: Sequence[tuple[str, Store]], period: Period, target: str) -> FunderReport:
    return programme_report(projects, period, target, "Programme" if len(projects) != 1 else projects[0][0])


async def _build(request: Request, programme: bool) -> FunderReport:
    ws = workspace(request)
    period, _ = _period(request)
    if programme:
        return await in_programme(request, _programme, period, ws.publish_target)
    return await in_store(request, _residency, ws.project_name, period, ws.publish_target)


async def _show(request: Request, programme: bool) -> Response:
    try:
        found = await _build(request, programme)
        _, asked = _period(request)
    except ConfigError as exc:
        return render(request, "error.html", 400, title="Which period?", message=str(exc))
    base = "/reports/programme" if programme else "/reports"
    downloads = {fmt: f"{base}/download?{urlencode({**asked, 'format': fmt})}" for fmt in FORMATS}
    return render(request, "reports.html", title=f"{'Programme' if programme else 'Residency'} report",
                  report=found, sections=sections(found), asked=asked, downloads=downloads, base=base)  # fmt: skip


async def _download(request: Request, programme: bool) -> Response:
    fmt = request.query_params.get("format", "")
    if fmt not in FORMATS:
        return render(request, "error.html", 404, title="No such format", message="Choose html, csv or wikitext.")
    try:
        found = await _build(request, programme)
    except ConfigError as exc:
        return render(request, "error.html", 400, title="Which period?", message=str(exc))
    headers = {"Content-Disposition": f'attachment; filename="{file_name(found, fmt)}"'}
    return Response(write(found, fmt), media_type=FORMATS[fmt][1], headers=headers)


@page()
async def residency(request: Request) -> Response:
    return await _show(request, programme=False)


@page()
async def residency_download(request: Request) -> Response:
    return await _download(request, programme=False)


@page()
async def programme(request: Request) -> Response:
    return await _show(request, programme=True)


@page()
async def programme_download(request: Request) -> Response:
    return await _download(request, programme=True)


ROUTES = [
    Route("/reports", residency, methods=["GET"]),
    Route("/reports/download", residency_download, methods=["GET"]),
    Route("/reports/programme", programme, methods=["GET"]),
    Route("/reports/programme/download", programme_download, methods=["GET"]),
]
