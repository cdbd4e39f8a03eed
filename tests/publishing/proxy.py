"""A fault-injecting HTTP proxy on 127.0.0.1 between the uploader and the local wiki: it drops
connections (before and after forwarding), answers 503, maxlag and ratelimited errors, and slows
some answers, following a seeded random schedule."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = ("drop-before", "drop-after", "503", "maxlag", "ratelimited", "slow")


class FaultProxy:
    def __init__(self, upstream: str, rate: float = 0.3, seed: int = 7, slow: float = 0.3) -> None:
        parts = urlsplit(upstream)
        self.host, self.port, self.path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path
        self.rate, self.slow = rate, slow
        self.random = random.Random(seed)
        self.first = list(FAULTS)  # each kind once early in the run, whatever the seed
        self.seen = 0
        self.lock = threading.Lock()
        self.injected: Counter[str] = Counter()
        self.forwarded = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.path}"

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def pick(self) -> str | None:
        with self.lock:
            self.seen += 1
            if self.first and self.seen % 3 == 0:
                fault = self.first.pop(0)
            elif self.random.random() >= self.rate:
                return None
            else:
                fault = self.random.choice(FAULTS)
            self.injected[fault] += 1
            return fault

    def forward(self, method: str, path: str, body: bytes | None, headers: dict[str, str]):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection", "proxy-connection")}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        with self.lock:
            self.forwarded += 1
        return response.status, response.getheaders(), data

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy.pick()
                if fault == "drop-before":
                    self.close_connection = True
                    return
                if fault in ("503", "maxlag", "ratelimited"):
                    return self._fake(fault)
                status, headers, data = proxy.forward(self.command, self.path, body, dict(self.headers))
                if fault == "drop-after":  # the wiki did it, the client never hears
                    self.close_connection = True
                    return
                if fault == "slow":
                    time.sleep(proxy.slow)
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _fake(self, fault: str) -> None:
                if fault == "503":
                    status, payload, extra = 503, b"Service Unavailable", {}
                else:
                    info = "Waiting for a database server: 6 seconds lagged." if fault == "maxlag" else "rate limit"
                    error = {"code": fault, "info": info}
                    if fault == "maxlag":
                        error |= {"host": "db1", "lag": 6}
                    payload = json.dumps({"error": error}).encode()
                    status, extra = 200, ({"Retry-After": "0", "X-Database-Lag": "6"} if fault == "maxlag" else {})
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _serve
            do_POST = _serve

        return Handler
