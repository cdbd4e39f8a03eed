"""The upload approval queue: planned files paged and filtered; residents and admins approve or
reject a page or everything the filter selects (curators and viewers: 403)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError, StaleDecision
from glamwiki.web.app import in_store, page, render
from glamwiki.web.uploads import approve_and_publish, decide, upload_page


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 1


async def _queue(request: Request, dataset: str, status: str, number: int, code: int = 200,
                 error: str = "", message: str = "", job: int | None = None) -> Response:  # fmt: skip
    found = await in_store(request, upload_page, dataset, status, number)
    template = "uploads_rows.html" if request.headers.get("hx-request") else "uploads.html"
    return render(request, template, code, title="Upload approval", q=found, error=error, message=message, job=job)


@page()
async def queue(request: Request) -> Response:
    q = request.query_params
    done, job = q.get("decided", ""), q.get("job", "")
    message = f"{done} file{'' if done == '1' else 's'} changed." if done.isdigit() else ""
    return await _queue(request, q.get("dataset", ""), q.get("status", ""), _number(q.get("page", "1")),
                        message=message, job=int(job) if job.isdigit() else None)  # fmt: skip


@page("publish")
async def answer(request: Request) -> Response:
    form = await request.form()
    dataset, status, number = str(form.get("dataset", "")), str(form.get("status", "")), str(form.get("page", "1"))
    try:
        _, changed = await in_store(
            request, lambda store: decide(
                store, str(form.get("verdict", "")), request.state.user.username, str(form.get("version_seen", "")),
                item_ids=[str(v) for v in form.getlist("item")], dataset=dataset, status=status,
                whole_filter=form.get("scope") == "filter", reason=str(form.get("reason", ""))))  # fmt: skip
    except GlamwikiError as exc:
        code = 409 if isinstance(exc, StaleDecision) else 400
        return await _queue(request, dataset, status, _number(number), code, error=str(exc))
    query = {"dataset": dataset, "status": status, "page": number, "decided": changed}
    if request.query_params.get("publish") and form.get("verdict") == "approved":  # "approve and publish"
        query["job"] = await in_store(request, approve_and_publish, request.state.user.username)
    return RedirectResponse(f"/uploads?{urlencode(query)}", status_code=303)


ROUTES = [
    Route("/uploads", queue, methods=["GET"]),
    Route("/uploads", answer, methods=["POST"]),
]
