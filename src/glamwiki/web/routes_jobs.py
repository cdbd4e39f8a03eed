"""The jobs page: the project's jobs with their progress (redrawn every 2 s by htmx while one is
queued or running) and, for residents and admins, a button asking a job to stop."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.store import jobs
from glamwiki.web.app import in_store, page, render

SHOWN = 50  # the latest jobs


def _active(found: list[jobs.Job]) -> bool:
    return any(j.status not in jobs.ENDED for j in found)


@page()
async def job_list(request: Request) -> Response:
    found = await in_store(request, jobs.list_jobs, None, SHOWN)
    template = "jobs_rows.html" if request.headers.get("hx-request") else "jobs.html"
    message = "Asked the job to stop at its next batch." if request.query_params.get("cancelled") else ""
    return render(request, template, title="Jobs", jobs=found, active=_active(found), message=message,
                  ended=jobs.ENDED)  # fmt: skip


@page("run_jobs")
async def cancel(request: Request) -> Response:
    text = request.path_params["id"]
    job_id = int(text) if text.isdigit() else 0
    try:
        await in_store(request, jobs.request_cancel, job_id)
    except jobs.JobNotFound as exc:
        return render(request, "error.html", 404, title="No such job", message=str(exc))
    return RedirectResponse("/jobs?cancelled=1", status_code=303)


ROUTES = [
    Route("/jobs", job_list, methods=["GET"]),
    Route("/jobs/{id}/cancel", cancel, methods=["POST"]),
]
