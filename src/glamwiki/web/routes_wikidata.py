"""The Wikidata writes queue: the new items `glamwiki link create-items people` would create, each as
it would be written; curators, residents and admins approve or reject one or every item shown
(who and when recorded, a review made meanwhile refused); residents and admins may "approve and
write", which queues a ``create-items`` job that the worker runs, writing only the approved items."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import ConfigError, GlamwikiError, StaleDecision
from glamwiki.linking.item_review import APPROVED, item_queue, queue_write, review_items
from glamwiki.web.app import in_store, page, render
from glamwiki.web.auth import may


async def _queue(request: Request, code: int = 200, error: str = "", message: str = "", job: int | None = None,
                 ) -> Response:  # fmt: skip
    found = await in_store(request, item_queue)
    return render(request, "wikidata.html", code, title="Wikidata writes", q=found, error=error, message=message,
                  job=job)  # fmt: skip


@page()
async def queue(request: Request) -> Response:
    q = request.query_params
    done, verdict, job = q.get("reviewed", ""), q.get("verdict", ""), q.get("job", "")
    message = f"{done} item{'' if done == '1' else 's'} {verdict}." if done.isdigit() and verdict.isalpha() else ""
    return await _queue(request, message=message, job=int(job) if job.isdigit() else None)


def seen_items(values: list[str]) -> dict[tuple[str, str], int]:
    """(dataset, person id) -> the version shown, from the form's ``item`` fields ("version:dataset:person")."""
    out = {}
    for value in values:
        version, dataset, person = [*value.split(":", 2), "", ""][:3]
        if not (version.isdigit() and dataset and person):
            raise ConfigError(f"{value!r} names no item: reload the page and choose again.")
        out[(dataset, person)] = int(version)
    if not out:
        raise ConfigError("No item chosen.")
    return out


@page("answer_reviews")
async def answer(request: Request) -> Response:
    form = await request.form()
    user, write = request.state.user, form.get("write") == APPROVED  # "approve and write"
    verdict = APPROVED if write else str(form.get("verdict", ""))
    if write and not may(user.role, "publish"):
        return render(request, "error.html", 403, title="Not allowed", message=f"A {user.role} may not write.")
    try:
        seen = seen_items([str(v) for v in form.getlist("item")])
        changed = await in_store(request, review_items, seen, verdict, user.username)
    except GlamwikiError as exc:
        return await _queue(request, 409 if isinstance(exc, StaleDecision) else 400, error=str(exc))
    query: dict[str, str | int] = {"reviewed": changed, "verdict": verdict}
    if write and verdict == APPROVED:
        query["job"] = await in_store(request, queue_write, user.username)
    return RedirectResponse(f"/wikidata?{urlencode(query)}", status_code=303)


ROUTES = [
    Route("/wikidata", queue, methods=["GET"]),
    Route("/wikidata", answer, methods=["POST"]),
]
