"""The jobs page: the project's jobs with their progress (redrawn every 2 s by htmx while one is
queued or running); for residents and admins, forms that queue a job for the worker (ingest, rights,
link run, publish run, reach collect), a button asking a job to stop, and "run again" for a job that
failed or was cancelled (it goes on where the work stopped)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.config import CONFIG_NAME
from glamwiki.errors import GlamwikiError
from glamwiki.intake.registry import all_profile_names
from glamwiki.project import Project, find_project
from glamwiki.publishing.connect import target_from
from glamwiki.store import Store, jobs
from glamwiki.web.app import current_project, in_store, page, render
from glamwiki.web.auth import may
from glamwiki.worker import starting
from glamwiki.worker.kinds import KINDS
from glamwiki.worker.sources import KnownSource, known_sources

SHOWN = 50  # the latest jobs


@dataclass
class StartForms:
    sources: list[KnownSource]
    profiles: list[str]
    target: str  # the wiki a publish run goes to (the project's settings)
    require_approval: bool


def project_of(request: Request) -> Project | None:
    """The folder of the current project (its settings and files, which jobs use), when the site
    serves it from its folder; None when there is none (a PostgreSQL project without --projects-dir)."""
    root = current_project(request).root
    if not root or not (Path(root) / CONFIG_NAME).is_file():
        return None
    return find_project(Path(root))


NO_FOLDER = ("Jobs are started from the web only for a project served from its folder (`glamwiki web` in it); "
             "here run them with the glamwiki commands.")  # fmt: skip


def _active(found: list[jobs.Job]) -> bool:
    return any(j.status not in jobs.ENDED for j in found)


def _listing(store: Store) -> tuple[list[jobs.Job], list[KnownSource]]:
    return jobs.list_jobs(store, None, SHOWN), known_sources(store)


def _message(request: Request) -> str:
    q = request.query_params
    if q.get("cancelled"):
        return "Asked the job to stop at its next batch."
    started = q.get("started", "")
    return f"Job {started} queued: the worker takes it next (its progress shows below)." if started.isdigit() else ""


async def _page(request: Request, code: int = 200, error: str = "") -> Response:
    found, sources = await in_store(request, _listing)
    if request.headers.get("hx-request"):
        return render(request, "jobs_rows.html", title="Jobs", jobs=found, active=_active(found), ended=jobs.ENDED)
    project = project_of(request)
    forms = None if project is None else StartForms(
        sources, all_profile_names(), target_from(project.config).api,
        bool(project.config.get("publishing", "require_approval", False)))  # fmt: skip
    return render(request, "jobs.html", code, title="Jobs", jobs=found, active=_active(found), ended=jobs.ENDED,
                  message=_message(request), error=error, forms=forms)  # fmt: skip


@page()
async def job_list(request: Request) -> Response:
    return await _page(request)


def _job_id(request: Request) -> int:
    text = str(request.path_params["id"])
    return int(text) if text.isdigit() else 0


@page("run_jobs")
async def cancel(request: Request) -> Response:
    try:
        await in_store(request, jobs.request_cancel, _job_id(request))
    except jobs.JobNotFound as exc:
        return render(request, "error.html", 404, title="No such job", message=str(exc))
    return RedirectResponse("/jobs?cancelled=1", status_code=303)


@page("run_jobs")
async def start(request: Request) -> Response:
    kind = str(request.path_params["kind"])
    if kind not in KINDS:
        return render(request, "error.html", 404, title="No such job", message=f"No job kind {kind!r}.")
    user = request.state.user
    if kind == "publish" and not may(user.role, "publish"):
        return render(request, "error.html", 403, title="Not allowed", message=f"A {user.role} may not publish.")
    form = {k: str(v) for k, v in (await request.form()).items()}
    project = project_of(request)
    if project is None:
        return await _page(request, 400, error=NO_FOLDER)
    root = project.root
    try:
        job_id = await in_store(request, lambda store: starting.queue(
            store, kind, starting.params_from_form(store, root, kind, form), user.username))  # fmt: skip
    except GlamwikiError as exc:
        return await _page(request, 400, error=str(exc))
    return RedirectResponse(f"/jobs?started={job_id}#job-{job_id}", status_code=303)


@page("run_jobs")
async def again(request: Request) -> Response:
    try:
        job_id = await in_store(request, starting.run_again, _job_id(request), request.state.user.username)
    except jobs.JobNotFound as exc:
        return render(request, "error.html", 404, title="No such job", message=str(exc))
    except GlamwikiError as exc:
        return await _page(request, 409, error=str(exc))
    return RedirectResponse(f"/jobs?started={job_id}#job-{job_id}", status_code=303)


ROUTES = [
    Route("/jobs", job_list, methods=["GET"]),
    Route("/jobs/start/{kind}", start, methods=["POST"]),
    Route("/jobs/{id}/cancel", cancel, methods=["POST"]),
    Route("/jobs/{id}/again", again, methods=["POST"]),
]
