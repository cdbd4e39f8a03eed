"""`glamwiki serve` against hostile clients (issue 15 item 12): bad bodies get a 400 and the server
keeps serving, bodies and slow senders are bounded, a Host header that does not name this machine is
refused (DNS rebinding), CORS only for OpenRefine's origin, and OPTIONS (a CORS preflight) answered."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from glamwiki.linking.entity import from_person
from glamwiki.linking.reconcile import build_service
from glamwiki.linking.service import MAX_BODY, make_server
from glamwiki.model.records import Person

OPENREFINE = "http://127.0.0.1:3333"


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    people = [from_person(Person(id="Q296", name="Claude Monet")), from_person(Person(id="Q5582", name="Van Gogh"))]
    server = make_server(build_service("test", "http://127.0.0.1", people), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    out = r.status, dict(r.getheaders()), r.read()
    conn.close()
    return out


def raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(data)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("body", [b"queries=" + b"[" * 100_000, b"\xff\xfe", b"queries=%5B%5B%5B", b"a=1&" * 1000])
def test_bad_bodies_get_a_400(port: int, body: bytes) -> None:
    status, _, answer = request(port, "POST", "/", body, FORM)
    assert status == 400 and "error" in json.loads(answer)
    assert request(port, "GET", "/")[0] == 200  # and the server goes on


def test_a_negative_or_huge_content_length_is_refused_at_once(port: int) -> None:
    started = time.monotonic()
    answer = raw(port, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 400") and time.monotonic() - started < 5
    huge = raw(port, f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {MAX_BODY + 1}\r\n\r\n".encode())
    assert huge.startswith(b"HTTP/1.0 413")


def test_a_slow_sender_cannot_hold_a_thread(port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from glamwiki.linking import service

    assert service.TIMEOUT <= 30
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        s.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nqueries=")
        started = time.monotonic()
        answer = s.recv(65536)  # the server gives up on the missing 92 bytes after its timeout
    assert answer.startswith(b"HTTP/1.0 408") and time.monotonic() - started < service.TIMEOUT + 10


def test_a_foreign_host_header_is_refused(port: int) -> None:
    status, _, _ = request(port, "GET", "/", headers={"Host": f"attacker.example:{port}"})
    assert status == 421
    assert request(port, "GET", "/", headers={"Host": f"localhost:{port}"})[0] == 200


def test_cors_for_openrefine_only(port: int) -> None:
    _, headers, _ = request(port, "GET", "/", headers={"Origin": OPENREFINE})
    assert headers["Access-Control-Allow-Origin"] == OPENREFINE
    status, headers, _ = request(port, "GET", "/", headers={"Origin": "https://evil.example"})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    status, _, _ = request(port, "GET", "/?callback=cb", headers={"Sec-Fetch-Site": "cross-site"})
    assert status == 403  # JSONP from another site's page


def test_options_answers_a_preflight(port: int) -> None:
    status, headers, _ = request(port, "OPTIONS", "/", headers={"Origin": OPENREFINE,
                                 "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Origin"] == OPENREFINE
