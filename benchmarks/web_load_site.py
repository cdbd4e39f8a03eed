"""Many PostgreSQL projects behind one uvicorn server, for the web load benchmark, by host name:
``project-00.localhost`` is the unchanged ``glamwiki web`` application (``create_app``) of
project-00, and so on. The load tool sends each project's requests to 127.0.0.1 with that Host
header; every page's links are absolute paths, so they stay on the project's host.

This is how the benchmark serves many projects with the web layer as it is; where ``glamwiki web``
itself serves a site of many projects, the benchmark measures that instead (bench_web_load.py).

    GLAMWIKI_LOAD_SITE='[{"name": ..., "url": ..., "schema": ..., "folder": ...}]' \\
        uvicorn benchmarks.web_load_site:make_app --factory --workers 2
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.routing import Host, Router

SITE_ENV = "GLAMWIKI_LOAD_SITE"


def host_of(name: str) -> str:
    return f"{name}.localhost"


def store_location(url: str, schema: str) -> str:
    """The project's store as one URL (the search path in libpq's ``options``), which ``create_app``
    opens per request like a SQLite path."""
    return f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={schema}', safe='')}"


def make_app() -> Router:
    from glamwiki.web.app import create_app
    from glamwiki.web.auth import session_secret

    projects: list[dict[str, Any]] = json.loads(os.environ[SITE_ENV])
    routes = []
    for p in projects:
        location: Any = store_location(p["url"], p["schema"])  # a URL where create_app types a Path
        app = create_app(location, p["name"], session_secret(Path(p["folder"])), allowed_hosts=[host_of(p["name"])])
        routes.append(Host(host_of(p["name"]), app=app))
    return Router(routes=routes)
