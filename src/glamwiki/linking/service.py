"""`glamwiki serve`: the reconciliation service over HTTP on 127.0.0.1 (standard library server).

GET or POST ``/`` with ``queries=`` (a JSON batch) reconciles; without it, the manifest. Also
``/preview?id=``, ``/suggest/entity|type|property?prefix=``. CORS for OpenRefine's origin only;
JSONP via ``callback`` for older OpenRefine versions (same-site pages only).
"""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from glamwiki.linking.reconcile import Service

_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")
MAX_BODY = 1024 * 1024  # a batch of queries is a few kB; OpenRefine sends ten at a time
TIMEOUT = 15.0  # seconds a client may take to send its request (a slow sender cannot hold a thread)
# OpenRefine's own address (it runs at http://127.0.0.1:3333 by default): the only web page that needs
# to call this service from a browser (suggest, preview; CORS, https://github.com/OpenRefine/OpenRefine/issues/2260).
OPENREFINE_ORIGINS = ("http://127.0.0.1:3333", "http://localhost:3333")
LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def make_server(
    service: Service, host: str = "127.0.0.1", port: int = 8765, origins: tuple[str, ...] = OPENREFINE_ORIGINS,
    hosts: tuple[str, ...] = (), max_body: int = MAX_BODY, timeout: float = TIMEOUT,
) -> ThreadingHTTPServer:  # fmt: skip
    """The service over HTTP, hardened: bad input gets a 400 (never a dropped connection), bodies
    (``max_body`` bytes) and the time to send them (``timeout`` seconds) are bounded, only requests
    naming this machine (or ``hosts``) in ``Host`` are answered (no DNS rebinding), and CORS is
    granted to OpenRefine's ``origins`` only."""
    names = {h.lower().strip("[]") for h in (*LOCAL_NAMES, host, *hosts)}
    body_limit, send_timeout = max_body, timeout

    class Handler(BaseHTTPRequestHandler):
        timeout = send_timeout

        def do_GET(self) -> None:
            self._handle(lambda: {})

        def do_POST(self) -> None:
            self._handle(self._form)

        def do_OPTIONS(self) -> None:  # a CORS preflight
            try:
                self._guard()
            except BadRequest as exc:
                return self._send(exc.status, {"error": str(exc)}, "json", None)
            self.send_response(204)
            self._cors(preflight=True)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _handle(self, form: Any) -> None:
            try:
                self._guard()
                url = urlsplit(self.path)
                params = {**parse_qs(url.query, max_num_fields=100), **form()}
                one = {k: v[0] for k, v in params.items() if v}
                status, body, kind = route(service, url.path.rstrip("/") or "/", one)
                callback = one.get("callback")
            except BadRequest as exc:
                status, body, kind, callback = exc.status, {"error": str(exc)}, "json", None
            except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
                status, body, kind, callback = 400, {"error": f"bad request: {str(exc)[:200]}"}, "json", None
            self._send(status, body, kind, callback)

        def _guard(self) -> None:
            """Refuse a Host header that does not name this machine (DNS rebinding), and a request from
            another site's page unless it is OpenRefine's (CORS and JSONP alike)."""
            hostname = (urlsplit("//" + (self.headers.get("Host") or "")).hostname or "").lower()
            if hostname not in names:
                raise BadRequest(421, f"this service answers only to {', '.join(sorted(names))}, not {hostname!r}")
            origin = self.headers.get("Origin")
            foreign = self.headers.get("Sec-Fetch-Site") == "cross-site" or (origin and not self._same(origin))
            if foreign and origin not in origins:
                raise BadRequest(403, "requests from other web sites are refused (only OpenRefine's are allowed)")

        def _same(self, origin: str) -> bool:
            parts = urlsplit(origin)
            address = self.server.server_address  # (host, port) for a TCP server
            return (parts.hostname or "") in names and isinstance(address, tuple) and parts.port == address[1]

        def _form(self) -> dict[str, list[str]]:
            raw = self.headers.get("Content-Length")
            if raw is None or not raw.isdigit():
                raise BadRequest(411 if raw is None else 400, "a POST needs a valid Content-Length")
            if int(raw) > body_limit:
                raise BadRequest(413, f"the request body is larger than {body_limit:,} bytes")
            try:
                body = self.rfile.read(int(raw)).decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest(400, "the request body is not UTF-8") from None
            except TimeoutError:
                raise BadRequest(408, "the request body did not arrive in time") from None
            return parse_qs(body, max_num_fields=100)

        def _cors(self, preflight: bool = False) -> None:
            origin = self.headers.get("Origin")
            if origin in origins:
                self.send_header("Access-Control-Allow-Origin", origin)
                if preflight:
                    self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    self.send_header("Access-Control-Allow-Headers", "Content-Type")
                    self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Vary", "Origin")

        def _send(self, status: int, body: Any, kind: str, callback: str | None) -> None:
            if kind == "html":
                data, ctype = str(body).encode("utf-8"), "text/html; charset=utf-8"
            else:
                text = json.dumps(body, ensure_ascii=False)
                if callback and _CALLBACK.match(callback):
                    text, ctype = f"{callback}({text});", "application/javascript; charset=utf-8"
                else:
                    ctype = "application/json; charset=utf-8"
                data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("X-Content-Type-Options", "nosniff")
            self._cors()
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI prints what matters
            return

    return ThreadingHTTPServer((host, port), Handler)


def route(service: Service, path: str, params: dict[str, str]) -> tuple[int, Any, str]:
    if path == "/":
        if "queries" in params:
            queries = json.loads(params["queries"])
            if not isinstance(queries, dict):
                raise ValueError("queries must be a JSON object of named queries")
            return 200, service.reconcile_batch(queries), "json"
        if "query" in params:  # single query (older clients)
            q = json.loads(params["query"]) if params["query"].startswith("{") else {"query": params["query"]}
            return 200, {"result": service.reconcile(q)}, "json"
        return 200, service.manifest(), "json"
    if path == "/preview":
        html = service.preview(params.get("id", ""))
        return (200, html, "html") if html else (404, {"error": "no such entity"}, "json")
    prefix = params.get("prefix", "")
    if path == "/suggest/entity":
        return 200, service.suggest_entity(prefix), "json"
    if path == "/suggest/type":
        return 200, service.suggest_type(prefix), "json"
    if path == "/suggest/property":
        return 200, service.suggest_property(prefix), "json"
    return 404, {"error": f"no such endpoint {path}"}, "json"
