"""A real glamwiki web server on 127.0.0.1 (uvicorn in a thread) over the demo project (the bundled
Tate sample taken through ingest, rights, gaps and publishing plan), with one account per role."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn

from glamwiki.demo import run_demo
from glamwiki.project import Project
from glamwiki.web.app import create_app
from glamwiki.web.auth import create_user, session_secret

PASSWORDS = {"admin": "admin-pass-1234", "curator": "curator-pass-1234", "viewer": "viewer-pass-1234"}


@dataclass
class Site:
    url: str
    project: Project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = run_demo(tmp_path_factory.mktemp("web") / "demo", env={}).project
    with project.open_store() as store:
        for role, password in PASSWORDS.items():
            create_user(store, role, role, password)
    return project


@contextmanager
def running(project: Project, https: bool = False, **options: Any) -> Iterator[str]:
    """The workspace of ``project`` served on a free port of 127.0.0.1 until the block ends."""
    with serve_asgi(create_app(project.db_path, project.name, session_secret(project.root), https=https,
                               **options)) as url:  # fmt: skip
        yield url


@contextmanager
def serve_asgi(app: Any, port: int = 0) -> Iterator[str]:
    """An ASGI application served by uvicorn in a thread on 127.0.0.1 until the block ends."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > end or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def site(demo: Project) -> Iterator[Site]:
    with running(demo) as url:
        yield Site(url, demo)


def token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def logged_in(url: str, username: str, password: str | None = None) -> httpx.Client:
    """An HTTP client holding a session of ``username`` (for the checks a browser cannot make)."""
    client = httpx.Client(base_url=url)
    page = client.get("/login")
    response = client.post("/login", data={"username": username, "password": password or PASSWORDS[username],
                                           "csrf_token": token(page.text), "next": "/"})  # fmt: skip
    assert response.status_code == 303, response.text
    return client
