"""The Starlette application: one Jinja2 environment (glamwiki's, with the web templates in front),
a store opened per request in a worker thread, signed session cookies, CSRF on every POST."""

from __future__ import annotations

import functools
import threading
from collections.abc import Awaitable, Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote

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

from glamwiki.errors import ConfigError
from glamwiki.identities import Vault, key_file
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.render import make_environment
from glamwiki.store import Store
from glamwiki.store.accounts import Account, get_account
from glamwiki.web.auth import ROLES, LoginLimiter, may
from glamwiki.web.csrf import CSRFMiddleware, csrf_token
from glamwiki.web.site import Access, ProjectPlace, Site, one_project, prepare_accounts_store, visible
from glamwiki.wikimedia.oauth2 import OAuthClient

T = TypeVar("T")
SESSION_COOKIE = "glamwiki_session"
SESSION_MAX_AGE = 8 * 3600  # a working day


@dataclass
class Workspace:
    """What every request needs: the site (its projects, where its accounts are), the login limiter."""

    site: Site
    vault: Vault  # seals the accounts' Wikimedia credentials (ADR 0014)
    oauth: OAuthClient | None = None  # Log in with Wikimedia, when [web.oauth] is configured
    oauth_redirect: str = ""  # the callback URL registered with the consumer ('' : this site's own)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    env: Environment = field(default_factory=lambda: make_environment([PackageLoader("glamwiki.web", "templates")]))

    @property
    def project_name(self) -> str:
        """The site's first project (the one project of the embedded default)."""
        return self.site.projects[0].name

    @property
    def publish_target(self) -> str:
        """The wiki the uploads go to (the funder reports and the programme count them there)."""
        return self.site.target

    @property
    def db_path(self) -> Path:
        """The one project's SQLite file (the embedded default); a site of many projects or on
        PostgreSQL has none: use ``current_project(request)`` (its store, its folder ``root``)."""
        first = self.site.projects[0]
        if self.site.many or first.schema:
            raise ConfigError("this site has no single project file: use current_project(request)")
        return Path(first.location)


_ONE_PROGRAMME = threading.Lock()


def workspace(request: Request) -> Workspace:
    found: Workspace = request.app.state.workspace
    return found


def current_project(request: Request) -> ProjectPlace:
    """The project this request works on, checked by ``page`` (the one project of the embedded
    default before that; in a site of many, none before the check: fails closed)."""
    found = getattr(request.state, "access", None)
    if isinstance(found, Access):
        return found.place
    site = workspace(request).site
    if site.many:
        raise ConfigError("no current project before the access check: wrap the handler in page()")
    return site.projects[0]


async def in_store(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work(store, *args)`` in a worker thread, on the CURRENT project's store (``page`` checked
    the user may see it), opened for it and closed after."""
    place = current_project(request)

    def run() -> T:
        with place.use() as store:
            return work(store, *args)

    return await run_in_threadpool(run)


async def in_site(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work(store, *args)`` on the store that holds the site's accounts and everything keyed by an
    account (memberships, identities, failed logins): the project's own store on the embedded
    default, the schema glamwiki_site on PostgreSQL, site.db beside programme.toml (ADR 0015)."""
    place = workspace(request).site.accounts

    def run() -> T:
        with place.use() as store:
            return work(store, *args)

    return await run_in_threadpool(run)


async def in_programme(request: Request, work: Callable[..., T], *args: Any) -> T:
    """``work([(project name, store), ...], *args)`` over every project the user may see, each store
    opened for it and closed after (the programme pages and reports)."""
    seen = getattr(request.state, "visible", None)
    places = [a.place for a in seen] if seen is not None else [current_project(request)]

    def run() -> T:  # one at a time per process: it holds a store per project at once
        with _ONE_PROGRAMME, ExitStack() as stack:
            return work([(p.name, stack.enter_context(p.use())) for p in places], *args)

    return await run_in_threadpool(run)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    ws = workspace(request)
    user: Account | None = getattr(request.state, "user", None)
    access: Access | None = getattr(request.state, "access", None)
    role = access.role if access else (user.role if user else "")
    # before the access check (login page, errors) a site of many projects shows its own name, not a project's
    shown = access.place.name if access else (ws.site.name or "glamwiki") if ws.site.many else ws.project_name
    html = ws.env.get_template(template).render(
        request=request, user=user, csrf=csrf_token(request.session), project_name=shown,
        may=lambda permission: user is not None and may(role, permission), roles=ROLES, role=role,
        many_projects=ws.site.many, wikimedia=ws.oauth is not None, **context,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status_code)


Handler = Callable[[Request], Awaitable[Response]]


def _choose(visible: list[Access], wanted: str | None, kept: object) -> Access | None:
    """The project asked for (``?project=``), else the one kept in the session, else the first visible."""
    by_name = {a.place.name: a for a in visible}
    if wanted is not None:
        return by_name.get(wanted)
    return by_name.get(kept) if isinstance(kept, str) and kept in by_name else (visible[0] if visible else None)


def _who(store: Store, site: Site, name: str) -> tuple[Account | None, list[Access]]:
    """The session's account and the projects it may see, read on one connection."""
    user = get_account(store, name)
    return user, visible(store, site, user) if user else []


async def _wanted(request: Request) -> str | None:
    """The project a request names: ``?project=``; for a POST also the page's own project (field
    ``_project`` or header ``X-Glamwiki-Project``, added by static/site.js)."""
    if "project" in request.query_params:
        return request.query_params["project"]
    if request.method != "POST":
        return None
    header = request.headers.get("x-glamwiki-project")
    named = unquote(header) if header is not None else None
    if named is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        field = (await request.form()).get("_project")
        named = field if isinstance(field, str) else None
    return named


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "error.html", 404, title="Not found", message=f"No {what} here.")


def page(permission: str | None = None) -> Callable[[Handler], Handler]:
    """A page for logged-in users (logged out: to the login page), on the current project: the one
    named by ``?project=NAME``, else the session's. A project the user may not see: 404 (its name
    does not leak). With ``permission``, only for the roles in that project that have it (others: 403)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def inner(request: Request) -> Response:
            name = request.session.get("user")
            user, seen = (
                await in_site(request, _who, workspace(request).site, name) if isinstance(name, str) else (None, [])
            )
            if user is None:
                request.session.pop("user", None)
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/login?next=" + quote(target, safe=""), status_code=303)
            request.state.user = user
            request.state.visible = seen
            access = _choose(request.state.visible, await _wanted(request), request.session.get("project"))
            if access is None:
                return not_found(request, "such project")
            request.state.access = access
            if request.session.get("project") != access.place.name:
                request.session["project"] = access.place.name
            if permission and not may(access.role, permission):
                return render(request, "error.html", 403, title="Not allowed",
                              message=f"A {access.role} may not do this ({permission.replace('_', ' ')}).")  # fmt: skip
            return await handler(request)

        return inner

    return wrap


async def no_route(request: Request, exc: Exception) -> Response:
    """An address no route serves: the workspace's own page (with its header, language and landmarks)."""
    return render(request, "error.html", 404, title="Not found", message=f"Nothing here: {request.url.path}")


def create_app(
    db_path: Path, project_name: str, secret: str, *, https: bool = False, allowed_hosts: Sequence[str] = (),
    oauth: OAuthClient | None = None, oauth_redirect: str = "", identity_key: bytes | None = None,
    publish_target: str = COMMONS_API,
) -> Starlette:  # fmt: skip
    """The application for the one project whose store is at ``db_path`` (the embedded default);
    its accounts' Wikimedia credentials sealed with web-identity.key beside the store unless
    ``identity_key`` is given."""
    site = one_project(project_name, db_path, target=publish_target)
    key = identity_key or key_file(db_path.parent)
    return create_site_app(site, secret, https=https, allowed_hosts=allowed_hosts, oauth=oauth,
                           oauth_redirect=oauth_redirect, identity_key=key)  # fmt: skip


def create_site_app(
    site: Site,
    secret: str,
    *,
    https: bool = False,
    allowed_hosts: Sequence[str] = (),
    limiter: LoginLimiter | None = None,
    oauth: OAuthClient | None = None,
    oauth_redirect: str = "",
    identity_key: bytes | None = None,
) -> Starlette:
    """The application for the projects of ``site``; ``secret`` signs the session cookie (Secure when
    served over ``https``); requests for another Host than ``allowed_hosts`` (and 127.0.0.1,
    localhost) are refused, against DNS rebinding. ``oauth``: Log in with Wikimedia (its callback
    ``oauth_redirect``, else this site's /login/wikimedia/callback); ``identity_key`` seals the
    accounts' Wikimedia credentials (default: web-identity.key beside a SQLite accounts store; a
    site on PostgreSQL must be given one — the CLI keeps it beside the session secret file)."""
    from glamwiki.web import (
        routes_auth,
        routes_jobs,
        routes_links,
        routes_oauth,
        routes_project,
        routes_reports,
        routes_rights,
        routes_site,
        routes_thumbs,
        routes_uploads,
        routes_wikidata,
    )

    prepare_accounts_store(site)  # the site's own store made or brought up to date once, before any request
    static = StaticFiles(packages=[("glamwiki.web", "static")])
    routes: list[BaseRoute] = [*routes_auth.ROUTES, *routes_project.ROUTES, *routes_rights.ROUTES,
                               *routes_jobs.ROUTES, *routes_uploads.ROUTES, *routes_links.ROUTES,
                               *routes_wikidata.ROUTES, *routes_site.ROUTES, *routes_oauth.ROUTES,
                               *routes_reports.ROUTES, *routes_thumbs.ROUTES,
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
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: no_route})
    vault = Vault(identity_key or key_file(_key_folder(site)), oauth)
    app.state.workspace = Workspace(site, vault, oauth, oauth_redirect, limiter or LoginLimiter())
    return app


def _key_folder(site: Site) -> Path:
    place = site.accounts
    if place.schema is None:
        return Path(place.location).parent
    if place.root:
        return Path(place.root)
    raise ConfigError(
        "a site on PostgreSQL needs the key that seals its accounts' Wikimedia credentials: start it with "
        "`glamwiki web` (it keeps web-identity.key beside the session secret file)."
    )
