"""Logging in and out, and the admin's page of users."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError
from glamwiki.store import Store
from glamwiki.store.accounts import Account, get_account, list_accounts
from glamwiki.web.app import in_site, page, render, workspace
from glamwiki.web.auth import check_password, create_user


def _safe_next(target: str) -> str:
    """Only a path on this site (no //host, no scheme): anything else goes to the project page."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


async def login_form(request: Request) -> Response:
    return render(request, "login.html", title="Log in", next=_safe_next(request.query_params.get("next", "/")),
                  error="")  # fmt: skip


def _verify(store: Store, username: str, password: str) -> Account | None:
    account = get_account(store, username)
    return account if check_password(account, password) else None


async def login(request: Request) -> Response:
    form = await request.form()
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "/")))
    address = request.client.host if request.client else "?"
    limiter = workspace(request).limiter
    if await in_site(request, limiter.blocked, username, address):
        return render(request, "login.html", 429, title="Log in", next=target,
                      error="Too many failed attempts: wait 15 minutes and try again.")  # fmt: skip
    account = await in_site(request, _verify, username, password)
    if account is None:
        await in_site(request, limiter.failed, username, address)
        return render(request, "login.html", 401, title="Log in", next=target, error="Wrong user name or password.")
    await in_site(request, limiter.succeeded, username)
    request.session.clear()  # a fresh session (and CSRF token) at each login
    request.session["user"] = account.username
    return RedirectResponse(target, status_code=303)


async def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@page("manage_users")
async def users(request: Request) -> Response:
    accounts = await in_site(request, list_accounts)
    return render(request, "users.html", title="Users", accounts=accounts, message="", error="")


@page("manage_users")
async def add_user(request: Request) -> Response:
    form = await request.form()
    username, role = str(form.get("username", "")), str(form.get("role", ""))
    password = str(form.get("password", ""))
    error, message = "", ""
    try:
        await in_site(request, create_user, username, role, password, request.state.user.username)
        message = f"Added {username.strip()} ({role})."
    except GlamwikiError as exc:
        error = str(exc)
    accounts = await in_site(request, list_accounts)
    return render(request, "users.html", 400 if error else 200, title="Users", accounts=accounts, message=message,
                  error=error)  # fmt: skip


ROUTES = [
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/admin/users", users, methods=["GET"]),
    Route("/admin/users", add_user, methods=["POST"]),
]
