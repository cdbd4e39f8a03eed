"""CSRF protection in one place: every POST must carry the session's token, as the form field
``csrf_token`` (urlencoded forms) or the ``X-CSRF-Token`` header (htmx requests); otherwise 403.

A pure ASGI middleware, inside the session middleware: it reads the body, checks the token and
hands the same body on to the application."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FIELD = "csrf_token"
HEADER = b"x-csrf-token"
MAX_BODY = 1_000_000
SAFE = {"GET", "HEAD", "OPTIONS"}


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The session's token (made on first use)."""
    if FIELD not in session:
        session[FIELD] = secrets.token_urlsafe(32)
    return str(session[FIELD])


class CSRFMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE:
            await self.app(scope, receive, send)
            return
        body, messages = await _read(receive)
        expected = scope.get("session", {}).get(FIELD)
        given = _given(scope, body)
        if body is None or not expected or not given or not hmac.compare_digest(expected, given):
            why = "request too large" if body is None else "missing or wrong CSRF token: reload the page and try again"
            await PlainTextResponse(f"Refused: {why}.", status_code=403)(scope, receive, send)
            return
        replay = iter(messages)

        async def again() -> Message:
            return next(replay, {"type": "http.request", "body": b"", "more_body": False})

        await self.app(scope, again, send)


async def _read(receive: Receive) -> tuple[bytes | None, list[Message]]:
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        size += len(message.get("body", b""))
        if size > MAX_BODY:
            return None, messages
        if message["type"] != "http.request" or not message.get("more_body"):
            break
    return b"".join(m.get("body", b"") for m in messages), messages


def _given(scope: Scope, body: bytes | None) -> str:
    for name, value in scope.get("headers", []):
        if name == HEADER:
            return str(value.decode("latin-1"))
    content_type = dict(scope.get("headers", [])).get(b"content-type", b"")
    if body is not None and content_type.startswith(b"application/x-www-form-urlencoded"):
        values = parse_qs(body.decode("utf-8", "replace")).get(FIELD, [])
        return values[0] if values else ""
    return ""
