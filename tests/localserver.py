"""A tiny HTTP server on 127.0.0.1 answering from a function: (path, query) -> (status, headers, body).
It records every request so a test can check what the client asked for."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

Answer = tuple[int, dict[str, str], bytes]
# The servers here listen on 127.0.0.1, a loopback address glamwiki refuses to fetch from unless the
# project allows it by name ([network] allow_hosts): readers' options that allow it.
LOCAL: dict[str, object] = {"allow_hosts": ["127.0.0.1"]}
Route = Callable[[str, dict[str, str]], Answer]


@contextmanager
def serve(route: Route) -> Iterator[tuple[str, list[tuple[str, dict[str, str], dict[str, str]]]]]:
    requests: list[tuple[str, dict[str, str], dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query))
            length = int(self.headers.get("Content-Length") or 0)
            if length and "x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):  # a POSTed form
                query.update(parse_qsl(self.rfile.read(length).decode("utf-8"), keep_blank_values=True))
            requests.append((parts.path, query, dict(self.headers)))
            status, headers, body = route(parts.path, query)
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
