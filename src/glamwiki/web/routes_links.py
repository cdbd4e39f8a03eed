"""The link review queue: people whose candidate link awaits a person, accepted or rejected one by
one by curators, residents and admins."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError, StaleDecision
from glamwiki.web.app import in_store, page, render
from glamwiki.web.links import answer_link, link_page


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 1


async def _queue(request: Request, number: int, code: int = 200, error: str = "", message: str = "") -> Response:
    found = await in_store(request, link_page, number)
    return render(request, "links.html", code, title="Link review", q=found, error=error, message=message)


@page()
async def queue(request: Request) -> Response:
    q = request.query_params
    who, verdict = q.get("person", ""), q.get("verdict", "")
    said = {
        "accept": "accepted.",
        "reject": "rejected.",
        "proposed": "none of the candidates fits; proposed for a new item.",
    }
    message = f"{who}: {said[verdict]}" if who and verdict in said else ""
    return await _queue(request, _number(q.get("page", "1")), message=message)


@page("answer_reviews")
async def answer(request: Request) -> Response:
    form = await request.form()
    f = {
        k: str(form.get(k, ""))
        for k in ("dataset", "person", "authority", "verdict", "version_seen", "note", "page", "candidate")
    }
    try:
        done = await in_store(request, answer_link, f["dataset"], f["person"], f["authority"], f["verdict"],
                              request.state.user.username, f["version_seen"], f["note"], f["candidate"])  # fmt: skip
    except GlamwikiError as exc:
        code = 409 if isinstance(exc, StaleDecision) else 400
        return await _queue(request, _number(f["page"]), code, error=str(exc))
    return RedirectResponse(f"/links?page={_number(f['page'])}&person={done['id']}&verdict={done['verdict']}",
                            status_code=303)  # fmt: skip


ROUTES = [
    Route("/links", queue, methods=["GET"]),
    Route("/links", answer, methods=["POST"]),
]
