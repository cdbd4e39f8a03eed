"""Log in with Wikimedia, and each user's own page with their Wikimedia identity panel (connect,
link a BotPassword, disconnect)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from glamwiki.errors import GlamwikiError
from glamwiki.identities import save_botpassword
from glamwiki.scrub import remember
from glamwiki.store import Store
from glamwiki.store.identities import credentials_of, delete_credential, wikimedia_link_of
from glamwiki.web.app import in_site, page, render, workspace
from glamwiki.web.oauth import LoginRefused, Pending, admit, connect, who
from glamwiki.web.routes_auth import _safe_next
from glamwiki.wikimedia.oauth2 import OAuthFailed, start


def _not_configured(request: Request) -> Response:
    return render(request, "error.html", 404, title="Not configured",
                  message="Wikimedia login is not configured here ([web.oauth] in glamwiki.toml, see "
                          "docs/web.md).")  # fmt: skip


async def begin(request: Request) -> Response:
    """Send the browser to the wiki's authorize page, with a fresh state and PKCE verifier kept in the session."""
    ws = workspace(request)
    if ws.oauth is None:
        return _not_configured(request)
    redirect_uri = ws.oauth_redirect or str(request.url_for("wikimedia_callback"))
    auth = start(ws.oauth, redirect_uri)
    connecting = request.query_params.get("connect") == "1" and isinstance(request.session.get("user"), str)
    pending = Pending(auth.state, auth.verifier, redirect_uri, _safe_next(request.query_params.get("next", "/")),
                      connecting)  # fmt: skip
    request.session[Pending.KEY] = pending.as_session()
    return RedirectResponse(auth.url, status_code=303)


async def callback(request: Request) -> Response:
    ws = workspace(request)
    if ws.oauth is None:
        return _not_configured(request)
    pending = Pending.from_session(request.session.pop(Pending.KEY, None))
    params = request.query_params
    if pending is None or not params.get("state") or params.get("state") != pending.state:
        return render(request, "error.html", 400, title="Login not recognised",
                      message="This login answer does not belong to a login started in this browser (or it was "
                              "used already). Start again from the login page.")  # fmt: skip
    if params.get("error") or not params.get("code"):
        return render(request, "error.html", 403, title="Login cancelled",
                      message="The wiki did not authorize the login (cancelled or refused). Start again if "
                              "you wish.")  # fmt: skip
    remember(params["code"])  # the access log's line for this request shows it blanked
    try:
        person, tokens = await run_in_threadpool(who, ws.oauth, params["code"], pending.verifier, pending.redirect_uri)
        user = request.session.get("user")
        if pending.connect and isinstance(user, str):
            await in_site(request, connect, ws.vault, ws.oauth.site, user, person, tokens)
            return RedirectResponse("/me", status_code=303)
        account = await in_site(request, admit, ws.vault, ws.oauth.site, person, tokens)
    except LoginRefused as exc:
        return render(request, "error.html", exc.status, title=exc.title, message=str(exc))
    except OAuthFailed as exc:
        return render(request, "error.html", 400, title="Login failed", message=str(exc))
    request.session.clear()  # a fresh session (and CSRF token) at each login
    request.session["user"] = account
    return RedirectResponse(pending.next, status_code=303)


def _identity(store: Store, account: str) -> dict[str, object]:
    return {"link": wikimedia_link_of(store, account), "credentials": credentials_of(store, account)}


async def _me(request: Request, status: int = 200, message: str = "", error: str = "") -> Response:
    user = request.state.user
    identity = await in_site(request, _identity, user.username)
    return render(request, "me.html", status, title=f"Your account: {user.username}", message=message, error=error,
                  wikimedia_login=workspace(request).oauth is not None, **identity)  # fmt: skip


@page()
async def me(request: Request) -> Response:
    return await _me(request)


@page()
async def disconnect(request: Request) -> Response:
    site = str((await request.form()).get("site", ""))
    gone = await in_site(request, delete_credential, request.state.user.username, site)
    if not gone:
        return await _me(request, 400, error=f"Nothing to disconnect for {site}.")
    return await _me(request, message=f"Disconnected your identity for {site}: its tokens are forgotten here.")


@page()
async def botpassword(request: Request) -> Response:
    form = await request.form()
    api, name, password = (str(form.get(k, "")) for k in ("api", "bot_user", "bot_password"))
    try:
        site = await in_site(request, save_botpassword, workspace(request).vault, request.state.user.username, api,
                             name, password)  # fmt: skip
    except GlamwikiError as exc:
        return await _me(request, 400, error=str(exc))
    return await _me(request, message=f"Your BotPassword for {site} is kept, encrypted: uploads there go under it.")


ROUTES = [
    Route("/login/wikimedia", begin, methods=["GET"]),
    Route("/login/wikimedia/callback", callback, methods=["GET"], name="wikimedia_callback"),
    Route("/me", me, methods=["GET"]),
    Route("/me/disconnect", disconnect, methods=["POST"]),
    Route("/me/botpassword", botpassword, methods=["POST"]),
]
