"""The Starlette application: one Jinja2 environment (glamwiki's, with the web templates in front),
a store opened per request in a worker thread, signed session cookies, CSRF on every POST."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from glamwiki.render import make_environment
from glamwiki.store import open_store
from glamwiki.store.accounts import Account, get_account
from glamwiki.web.auth import ROLES, LoginLimiter, may
from glamwiki.web.csrf import CSRFMiddleware, csrf_token

T = TypeVar("T")
SESSION_COOKIE = "glamwiki_session"
SESSION_MAX_AGE = 8 * 3600  # a working day


@dataclass
class Workspace:
    """What every request needs: where the store is, the project's name, the shared login limiter."""

    db_path: Path
    project_name: str
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    env: Environment = field(default_factory=lambda: make_environment([PackageLoader("glamwiki.web", "templates")]))


def workspace(request: Request) -> Workspace:
    found: Workspace = request.app.state.workspace
    return found


async def in_store(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work(store, *args)`` in a worker thread, on a store opened for it and closed after."""

    def run() -> T:
        with open_store(workspace(request).db_path, migrate=False) as store:
            return work(store, *args)

    return await run_in_threadpool(run)


async def in_site(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work(store, *args)`` on the store that holds the site's accounts and everything keyed by an
    account (sessions, identities, login limits). On the embedded default it is the project's own
    store; a site serving many projects keeps them in one place for all its projects."""
    return await in_store(request, work, *args)


async def in_programme(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work([(project name, store), ...], *args)`` over every project the user may see, each store
    opened for it and closed after (the programme pages and reports). On the embedded default: the
    one project."""

    def run() -> T:
        ws = workspace(request)
        with open_store(ws.db_path, migrate=False) as store:
            return work([(ws.project_name, store)], *args)

    return await run_in_threadpool(run)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    ws = workspace(request)
    user: Account | None = getattr(request.state, "user", None)
    html = ws.env.get_template(template).render(
        request=request, user=user, csrf=csrf_token(request.session), project_name=ws.project_name,
        may=lambda permission: user is not None and may(user.role, permission), roles=ROLES, **context,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status_code)


Handler = Callable[[Request], Awaitable[Response]]


def page(permission: str | None = None) -> Callable[[Handler], Handler]:
    """A page for logged-in users (logged out: to the login page); with ``permission``, only for the
    roles that have it (others: 403)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def inner(request: Request) -> Response:
            name = request.session.get("user")
            user = await in_site(request, get_account, name) if isinstance(name, str) else None
            if user is None:
                request.session.pop("user", None)
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/login?next=" + quote(target, safe=""), status_code=303)
            request.state.user = user
            if permission and not may(user.role, permission):
                return render(request, "error.html", 403, title="Not allowed",
                              message=f"A {user.role} may not do this ({permission.replace('_', ' ')}).")  # fmt: skip
            return await handler(request)

        return inner

    return wrap


async def not_found(request: Request, exc: Exception) -> Response:
    """An address no route serves: the workspace's own page (with its header, language and landmarks)."""
    return render(request, "error.html", 404, title="Not found", message=f"Nothing here: {request.url.path}")


def create_app(
    db_path: Path, project_name: str, secret: str, *, https: bool = False, allowed_hosts: Sequence[str] = ()
) -> Starlette:
    """The application for the project whose store is at ``db_path``; ``secret`` signs the session
    cookie (Secure when served over ``https``); requests for another Host than ``allowed_hosts``
    (and 127.0.0.1, localhost) are refused, against DNS rebinding."""
    from glamwiki.web import routes_auth, routes_jobs, routes_links, routes_project, routes_rights, routes_uploads

    with open_store(db_path):  # brings the store's schema up to date once, before any request
        pass
    static = StaticFiles(packages=[("glamwiki.web", "static")])
    routes: list[BaseRoute] = [*routes_auth.ROUTES, *routes_project.ROUTES, *routes_rights.ROUTES,
                               *routes_jobs.ROUTES, *routes_uploads.ROUTES, *routes_links.ROUTES,
                               Mount("/static", app=static, name="static")]  # fmt: skip
    hosts = sorted({"127.0.0.1", "localhost", *allowed_hosts})
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
        Middleware(
            SessionMiddleware,
            secret_key=secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_MAX_AGE,
            same_site="lax",
            https_only=https,
        ),
        Middleware(CSRFMiddleware),
    ]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: not_found})
    app.state.workspace = Workspace(db_path, project_name)
    return app
