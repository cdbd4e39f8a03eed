"""/thumb: a record's or a planned file's thumbnail, fetched by the server (web/thumbs.py says why)."""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from glamwiki.config import CONFIG_NAME
from glamwiki.project import find_project
from glamwiki.store import Store
from glamwiki.store.publishing import get_plan_item
from glamwiki.web.app import current_project, in_store, page
from glamwiki.web.thumbs import Source, record_image, thumbnail
from glamwiki.wikimedia.guard import allow_hosts

FOLDER = Path(".glamwiki-cache") / "thumbs"  # in the project folder
KEEP = "private, max-age=86400"


def _item_image(store: Store, item_id: int) -> Source | None:
    item = get_plan_item(store, item_id)
    return (item.source_kind or "url", item.source) if item is not None and item.source else None


@page()
async def thumb(request: Request) -> Response:
    text, item = request.query_params.get("id", ""), request.query_params.get("item", "")
    if item.isdigit():
        source = await in_store(request, _item_image, int(item))
    else:
        source = await in_store(request, record_image, text) if text else None
    root = current_project(request).root
    if source is None or not root or not (Path(root) / CONFIG_NAME).is_file():
        return Response(status_code=404)
    project = find_project(Path(root))
    hosts = allow_hosts(project.config.get("network", "allow_hosts", []))
    data = await run_in_threadpool(thumbnail, source, project.root / FOLDER, project.root, hosts)
    if data is None:
        return Response(status_code=404, headers={"Cache-Control": KEEP})
    return Response(data, media_type="image/jpeg", headers={"Cache-Control": KEEP})


ROUTES = [Route("/thumb", thumb, methods=["GET"])]
