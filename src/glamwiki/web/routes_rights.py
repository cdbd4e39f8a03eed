"""The rights review queue: groups, a group's records (paged), the bulk answer."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError
from glamwiki.web.app import in_store, page, render
from glamwiki.web.review import StaleAnswer, answer_group, group_page, groups


def _page_number(request: Request) -> int:
    text = request.query_params.get("page", "1")
    return int(text) if text.isdigit() else 1


def _answered(count: str) -> str:
    if not count.isdigit():
        return ""
    return f"Answered {int(count):,} record{'' if count == '1' else 's'}."


@page()
async def queue(request: Request) -> Response:
    found = await in_store(request, groups)
    message = request.query_params.get("answered", "")
    return render(request, "queue.html", title="Rights review", groups=found,
                  message=_answered(message))  # fmt: skip


async def _group(request: Request, status: int = 200, error: str = "") -> Response:
    key = request.path_params["key"]
    found = await in_store(request, group_page, key, _page_number(request))
    if found is None:
        return render(request, "error.html", 404, title="Nothing to review",
                      message=f"No record under review in group {key!r}.")  # fmt: skip
    template = "queue_rows.html" if request.headers.get("hx-request") else "group.html"
    return render(request, template, status, title=found.label, group=found, error=error)


@page()
async def group(request: Request) -> Response:
    return await _group(request)


@page("answer_reviews")
async def answer(request: Request) -> Response:
    form = await request.form()
    key = request.path_params["key"]
    try:
        n = await in_store(request, answer_group, key, str(form.get("value", "")), str(form.get("basis", "")),
                           request.state.user.username, str(form.get("version_seen", "")), date.today(),
                           [str(v) for v in form.getlist("record")], str(form.get("fact", "")))  # fmt: skip
    except GlamwikiError as exc:
        return await _group(request, 409 if isinstance(exc, StaleAnswer) else 400, str(exc))
    return RedirectResponse(f"/rights/queue?answered={n}#{quote(key)}", status_code=303)


ROUTES = [
    Route("/rights/queue", queue, methods=["GET"]),
    Route("/rights/queue/{key:path}", group, methods=["GET"]),
    Route("/rights/queue/{key:path}", answer, methods=["POST"]),
]
