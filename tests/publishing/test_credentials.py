"""Credentials against hostile or broken servers (issue 15 item 4; issue 18 items 4 and 12), with
stand-in servers on 127.0.0.1: the password never follows a redirect, a server echoing it back never
gets it printed, logged or stored, plain http is refused off this machine, and an unreachable wiki
fails at once."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.publishing.errors import PublishError, TargetUnreachable
from glamwiki.publishing.etiquette import Etiquette

from .conftest import ready_project

PASSWORD = "hunter2-echo-me-0123456789"
Seen = list[tuple[str, str, str]]  # (method, path, body)


@contextmanager
def stand_in(answer: Callable[[str, dict[str, str]], tuple[int, dict[str, str], bytes]]) -> Iterator[tuple[str, Seen]]:
    """A server on 127.0.0.1 that answers each request from ``answer(body, form)`` and records it."""
    seen: Seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            form = dict(parse_qsl(urlsplit(self.path).query)) | dict(parse_qsl(body))
            seen.append((self.command, self.path, body))
            status, headers, data = answer(body, form)
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def _json(data: dict) -> tuple[int, dict[str, str], bytes]:  # type: ignore[type-arg]
    return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()


def echo(body: str, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """A wiki that puts what it received into its error text."""
    if form.get("meta") == "tokens":
        return _json({"query": {"tokens": {"logintoken": "t+\\", "csrftoken": "c+\\"}}})
    if form.get("action") == "login":
        return _json({"login": {"result": "Failed", "reason": f"login with {body} failed"}})
    return _json({"error": {"code": "internal", "info": f"you sent {body} and password={PASSWORD}"}})


def _client(api: str, slept: list[float] | None = None) -> ApiClient:
    etiquette = Etiquette(edits_per_minute=0, sleep=(slept if slept is not None else []).append, timeout=10)
    return ApiClient(api, "tests", Credentials(BOTPASSWORD, "U@bot", PASSWORD), etiquette)


def test_the_login_never_follows_a_redirect(caplog: pytest.LogCaptureFixture) -> None:
    with stand_in(echo) as (elsewhere, stolen):

        def redirect(body: str, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
            if form.get("action") == "login":
                return 307, {"Location": f"{elsewhere.replace('127.0.0.1', 'localhost')}/steal"}, b""
            return echo(body, form)

        with stand_in(redirect) as (api, _), pytest.raises(TargetUnreachable, match="redirect"):
            _client(f"{api}/w/api.php").login()
    assert stolen == []


def test_a_server_echoing_the_password_never_gets_it_shown(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with stand_in(echo) as (api, seen):
        client = _client(f"{api}/w/api.php")
        with pytest.raises(PublishError) as login:
            client.login()
        with pytest.raises(PublishError) as read:
            client.get(action="query", meta="siteinfo")
        logging.getLogger("glamwiki.test").warning("the server said: %s", read.value)
    assert any(PASSWORD in body for _, _, body in seen)  # the stand-in really was sent it, and echoed it
    for text in (str(login.value), str(read.value), caplog.text):
        assert PASSWORD not in text and "[secret]" in text


def test_publish_run_prints_and_stores_no_echoed_password(tmp_path: Path) -> None:
    project = ready_project(tmp_path, 1)
    with stand_in(echo) as (api, _):
        env = {**os.environ, "GLAMWIKI_PROJECT": str(project.root), "GLAMWIKI_BOT_USER": "U@bot",
               "GLAMWIKI_BOT_PASSWORD": PASSWORD}  # fmt: skip
        proc = subprocess.run([sys.executable, "-m", "glamwiki", "publish", "run", "--target", f"{api}/w/api.php"],
                              env=env, capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert proc.returncode != 0 and "refused the BotPassword" in proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr
    for path in project.root.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_plain_http_off_this_machine_is_refused_before_any_connection() -> None:
    with pytest.raises(PublishError, match="not https"):
        ApiClient("http://wiki.museum.example/w/api.php", "ops@museum.example",
                  Credentials(BOTPASSWORD, "U@bot", PASSWORD))  # fmt: skip
    ApiClient("https://wiki.museum.example/w/api.php", "ops@museum.example", Credentials(BOTPASSWORD, "U@b", "pw"))


def test_an_unreachable_wiki_fails_at_once() -> None:
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    slept: list[float] = []
    started = time.monotonic()
    with pytest.raises(TargetUnreachable, match="refused"):
        _client(f"http://127.0.0.1:{port}/w/api.php", slept).login()
    assert slept == [] and time.monotonic() - started < 5
