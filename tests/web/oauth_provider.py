"""A stand-in for a wiki running Extension:OAuth (OAuth 2), on 127.0.0.1: the same paths, parameters,
answers and refusals as the real one, so glamwiki's login and token handling are tested for real over
HTTP without touching a Wikimedia site.

Sources of every shape (read 2026-11-30):
- Paths (``/w/rest.php/oauth2/authorize``, ``/access_token``, ``/resource/profile``) and the flow
  (authorization code, confidential clients with a secret, PKCE, refresh tokens):
  https://www.mediawiki.org/wiki/OAuth/For_Developers#OAuth_2 and
  https://api.wikimedia.org/wiki/Authentication ; RFC 6749 sections 4.1 and 6, RFC 7636 (PKCE).
- The token endpoint's body parameters (grant_type authorization_code | refresh_token |
  client_credentials, client_id, client_secret, redirect_uri, code, refresh_token, code_verifier;
  application/x-www-form-urlencoded only): Extension:OAuth ``src/Rest/Handler/AccessToken.php``.
- Its answers and errors are league/oauth2-server's (which Extension:OAuth uses):
  ``{"token_type": "Bearer", "expires_in": N, "access_token": ..., "refresh_token": ...}``; errors
  ``{"error": ..., "error_description": ..., "hint": ..., "message": ...}`` with 400 (invalid_grant,
  invalid_request) or 401 (invalid_client, access_denied). A used code is refused with the hint
  "Authorization code has been revoked"; a refresh token is rotated (the old one revoked).
  An access token's life is $wgOAuth2GrantExpirationInterval (the extension falls back to PT1H,
  ``src/AuthorizationProvider/AuthorizationProvider.php``; wiki farms set e.g. PT4H, with refresh
  tokens of P365D, $wgOAuth2RefreshTokenTTL): the stand-in's ``ttl``, 4 hours unless a test shortens it.
- The profile (``sub``, ``username``, ``editcount``, ``confirmed_email``, ``blocked``, ``registered``,
  ``groups``, ``rights``, ``grants``; a hidden user only ``sub`` and ``blocked: true``):
  Extension:OAuth ``src/UserStatementProvider.php`` ``getUserProfile()``, served by
  ``src/Rest/Handler/Resource.php``.
- ``/w/api.php?action=query&meta=userinfo`` with ``Authorization: Bearer``: the Action API's userinfo
  answer (formatversion 2: ``{"batchcomplete": true, "query": {"userinfo": {"id", "name", "groups",
  "rights"}}}``); a bad token: error code ``mwoauth-invalid-authorization``
  (https://www.mediawiki.org/wiki/API:Userinfo, Extension:OAuth i18n); ``meta=tokens`` gives a CSRF
  token (https://www.mediawiki.org/wiki/API:Tokens) and ``action=upload`` with it answers
  ``{"upload": {"result": "Success", ...}}`` (https://www.mediawiki.org/wiki/API:Upload), the file
  kept nowhere. It records each request's method, action and Authorization header, so a test sees
  what the API client sent.

Real tokens are JWTs signed by the wiki; here they are opaque random strings (a client never reads
inside them). The consent step stands in for Special:OAuth/authorize: the person says who they are
(the stand-in has no passwords) and allows or cancels."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

REST = "/w/rest.php/oauth2"
TOKEN_TTL = 4 * 3600
INVALID = "The provided authorization grant is invalid."
MISSING = "The request is missing a required parameter."
CSRF = "0123456789abcdef+\\"  # the shape of a MediaWiki CSRF token (hex, then +\\)


@dataclass
class Client:
    client_id: str
    secret: str
    redirect_uri: str


@dataclass
class User:
    name: str
    sub: int
    blocked: bool = False
    editcount: int = 1234
    groups: tuple[str, ...] = ("*", "user", "autoconfirmed")
    rights: tuple[str, ...] = ("read", "edit", "upload", "reupload")


@dataclass
class Provider:
    clients: dict[str, Client] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    ttl: float = TOKEN_TTL
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    access: dict[str, dict[str, Any]] = field(default_factory=dict)  # token -> user, client, expires
    refresh: dict[str, dict[str, Any]] = field(default_factory=dict)
    seen_authorization: list[str] = field(default_factory=list)  # Authorization headers sent to api.php
    api_requests: list[tuple[str, str, str]] = field(default_factory=list)  # (method, action, Authorization)
    token_requests: list[dict[str, str]] = field(default_factory=list)  # grant types asked for (no secrets)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expire_all(self) -> None:
        """Every access token issued so far has expired (as 4 hours later)."""
        with self.lock:
            for token in self.access.values():
                token["expires"] = 0.0

    def _issue(self, user: str, client_id: str, code: str = "") -> dict[str, Any]:
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.access[access] = {"user": user, "client": client_id, "expires": time.time() + self.ttl, "code": code}
        self.refresh[refresh] = {"user": user, "client": client_id, "code": code}
        return {"token_type": "Bearer", "expires_in": int(self.ttl), "access_token": access, "refresh_token": refresh}

    def user_of(self, header: str) -> User | None:
        if not header.startswith("Bearer "):
            return None
        with self.lock:
            found = self.access.get(header[len("Bearer ") :])
            if found is None or found["expires"] <= time.time():
                return None
            return self.users.get(found["user"])


def _error(status: int, error: str, description: str, hint: str = "") -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description, "hint": hint, "message": description},
                        status_code=status)  # fmt: skip


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode("ascii")


CONSENT = """<!doctype html><html><head><title>Authorize</title></head><body>
<h1>{client} would like to access your account</h1>
<form method="post">{hidden}
<p><label>Your user name <input name="wpName" id="wpName"></label></p>
<p><button name="decision" value="accept" id="mw-mwoauth-accept">Allow</button>
<button name="decision" value="cancel" id="mw-mwoauth-cancel">Cancel</button></p>
</form></body></html>"""


def app(provider: Provider) -> Starlette:
    async def authorize(request: Request) -> Response:
        params = dict(request.query_params)
        if request.method == "POST":
            params.update({k: str(v) for k, v in (await request.form()).items()})
        client = provider.clients.get(params.get("client_id", ""))
        if client is None:
            return _error(401, "invalid_client", "Client authentication failed")
        if params.get("redirect_uri", client.redirect_uri) != client.redirect_uri:
            return _error(401, "invalid_client", "Client authentication failed", "redirect_uri does not match")
        if params.get("response_type") != "code":
            return _error(400, "unsupported_grant_type", "The authorization grant type is not supported.")
        if params.get("code_challenge") and params.get("code_challenge_method", "plain") not in ("S256", "plain"):
            return _error(400, "invalid_request", "Code challenge method must be one of `plain` or `S256`")
        if request.method == "GET":
            keep = ("client_id", "redirect_uri", "response_type", "state", "code_challenge", "code_challenge_method")
            fields = [f'<input type="hidden" name="{k}" value="{escape(params[k])}">' for k in keep if k in params]
            hidden = "".join(fields)
            return HTMLResponse(CONSENT.format(client=escape(client.client_id), hidden=hidden))
        state = {"state": params["state"]} if "state" in params else {}
        if params.get("decision") != "accept" or params.get("wpName") not in provider.users:
            query = {"error": "access_denied", "error_description": "The resource owner denied the request.", **state}
            return RedirectResponse(f"{client.redirect_uri}?{urlencode(query)}", status_code=302)
        code = secrets.token_urlsafe(24)
        with provider.lock:
            provider.codes[code] = {"client": client.client_id, "user": params["wpName"], "used": False,
                                    "expires": time.time() + 600, "challenge": params.get("code_challenge", ""),
                                    "method": params.get("code_challenge_method", "plain")}  # fmt: skip
        return RedirectResponse(f"{client.redirect_uri}?{urlencode({'code': code, **state})}", status_code=302)

    def client_of(request: Request, form: dict[str, str]) -> Client | None:
        header = request.headers.get("authorization", "")
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if header.startswith("Basic "):  # league reads HTTP Basic first, then the body
            client_id, _, secret = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        client = provider.clients.get(client_id)
        return client if client is not None and secrets.compare_digest(client.secret, secret) else None

    async def access_token(request: Request) -> Response:
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            return _error(400, "invalid_request", "The request body must be application/x-www-form-urlencoded")
        form = {k: str(v) for k, v in (await request.form()).items()}
        provider.token_requests.append({"grant_type": form.get("grant_type", "")})
        client = client_of(request, form)
        if client is None:
            return _error(401, "invalid_client", "Client authentication failed")
        with provider.lock:
            if form.get("grant_type") == "authorization_code":
                return _code_for_tokens(provider, client, form)
            if form.get("grant_type") == "refresh_token":
                found = provider.refresh.pop(form.get("refresh_token", ""), None)  # rotated: used once
                if found is None or found["client"] != client.client_id:
                    return _error(400, "invalid_grant", "The refresh token is invalid.", "Token has been revoked")
                return JSONResponse(provider._issue(found["user"], client.client_id, found["code"]))
        return _error(400, "unsupported_grant_type", "The authorization grant type is not supported.")

    async def profile(request: Request) -> Response:
        user = provider.user_of(request.headers.get("authorization", ""))
        if user is None:
            return _error(401, "access_denied", "The resource owner or authorization server denied the request.",
                          "Access token could not be verified")  # fmt: skip
        return JSONResponse({"sub": user.sub, "username": user.name, "editcount": user.editcount,
                             "confirmed_email": True, "blocked": user.blocked, "registered": "20200101000000",
                             "groups": list(user.groups), "rights": list(user.rights),
                             "grants": ["basic"]})  # fmt: skip

    async def api(request: Request) -> Response:
        header = request.headers.get("authorization", "")
        provider.seen_authorization.append(header)
        params = dict(request.query_params)
        if request.method == "POST":
            params.update({k: v if isinstance(v, str) else "(file)" for k, v in (await request.form()).items()})
        provider.api_requests.append((request.method, params.get("action", ""), header))
        user = provider.user_of(header)
        if header and user is None:
            info = "The authorization headers in your request are not valid: Invalid access token"
            return JSONResponse({"error": {"code": "mwoauth-invalid-authorization", "info": info}})
        if params.get("action") == "upload" and user is not None and params.get("token") == CSRF:
            return JSONResponse({"upload": {"result": "Success", "filename": params.get("filename", "")}})
        if params.get("meta") == "tokens" and user is not None:
            return JSONResponse({"batchcomplete": True, "query": {"tokens": {"csrftoken": CSRF}}})
        if params.get("meta") != "userinfo":
            return JSONResponse(
                {"error": {"code": "badvalue", "info": "This stand-in answers userinfo, tokens, upload."}}
            )
        if user is None:
            return JSONResponse({"batchcomplete": True, "query": {"userinfo": {"id": 0, "name": "127.0.0.1",
                                                                              "anon": True}}})  # fmt: skip
        userinfo = {"id": user.sub, "name": user.name, "groups": list(user.groups), "rights": list(user.rights)}
        return JSONResponse({"batchcomplete": True, "query": {"userinfo": userinfo}})

    return Starlette(routes=[
        Route(f"{REST}/authorize", authorize, methods=["GET", "POST"]),
        Route(f"{REST}/access_token", access_token, methods=["POST"]),
        Route(f"{REST}/resource/profile", profile, methods=["GET"]),
        Route("/w/api.php", api, methods=["GET", "POST"]),
    ])  # fmt: skip


def _code_for_tokens(provider: Provider, client: Client, form: dict[str, str]) -> Response:
    code = provider.codes.get(form.get("code", ""))
    if code is None or code["client"] != client.client_id or code["expires"] <= time.time():
        return _error(400, "invalid_grant", INVALID, "Cannot decrypt the authorization code")
    if code["used"]:  # RFC 6749 4.1.2: a code used twice revokes what it gave
        for table in (provider.access, provider.refresh):
            for token in [t for t, v in table.items() if v["code"] == form["code"]]:
                del table[token]
        return _error(400, "invalid_grant", INVALID, "Authorization code has been revoked")
    code["used"] = True
    if form.get("redirect_uri", client.redirect_uri) != client.redirect_uri:
        return _error(400, "invalid_grant", INVALID, "Invalid redirect URI")
    if code["challenge"]:
        verifier = form.get("code_verifier", "")
        if not verifier:
            return _error(400, "invalid_request", MISSING, "Check the `code_verifier` parameter")
        expected = _challenge(verifier) if code["method"] == "S256" else verifier
        if not secrets.compare_digest(expected, code["challenge"]):
            return _error(400, "invalid_grant", INVALID, "Failed to verify `code_verifier`.")
    return JSONResponse(provider._issue(code["user"], client.client_id, form["code"]))


@contextmanager
def serving(provider: Provider) -> Iterator[str]:
    """The stand-in served on a free port of 127.0.0.1 until the block ends; its base URL."""
    from .conftest import serve_asgi

    with serve_asgi(app(provider)) as url:
        yield url


def consent(authorize_url: str, user: str, decision: str = "accept") -> str:
    """What a person's browser does on the consent page, without a browser: the redirect it gets back."""
    import httpx

    page = httpx.get(authorize_url)
    assert page.status_code == 200, page.text
    answer = httpx.post(authorize_url, data={"wpName": user, "decision": decision})
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]
