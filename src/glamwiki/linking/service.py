"""`glamwiki serve`: the reconciliation service over HTTP on 127.0.0.1 (standard library server).

GET or POST ``/`` with ``queries=`` (a JSON batch) reconciles; without it, the manifest. Also
``/preview?id=``, ``/suggest/entity|type|property?prefix=``. CORS is open; JSONP via ``callback``.
"""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from glamwiki.linking.reconcile import Service

_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]*$")


def make_server(service: Service, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            self._answer(url.path, parse_qs(url.query))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            url = urlsplit(self.path)
            self._answer(url.path, {**parse_qs(url.query), **parse_qs(body)})

        def _answer(self, path: str, params: dict[str, list[str]]) -> None:
            one = {k: v[0] for k, v in params.items() if v}
            try:
                status, body, kind = route(service, path.rstrip("/") or "/", one)
            except (ValueError, TypeError, AttributeError) as exc:
                status, body, kind = 400, {"error": f"bad request: {exc}"}, "json"
            self._send(status, body, kind, one.get("callback"))

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
            self.send_header("Access-Control-Allow-Origin", "*")
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
