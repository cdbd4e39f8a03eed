"""`glamwiki web` as a user starts it: the first admin password printed once and nowhere else (no log
line, no page, not in the store), `glamwiki web add-user`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.demo import run_demo
from glamwiki.store.accounts import get_account

from .conftest import free_port, logged_in


def _start(folder: Path, port: int) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")}
    command = [sys.executable, "-m", "glamwiki", "web", "--port", str(port)]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait(url: str) -> None:
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            httpx.get(url + "/login")
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("glamwiki web did not start")


def _stop(proc: subprocess.Popen[str]) -> tuple[str, str]:
    proc.terminate()
    out, err = proc.communicate(timeout=30)
    return out, err


def test_first_start_prints_the_admin_password_once_and_never_logs_it(tmp_path: Path) -> None:
    project = run_demo(tmp_path / "demo", env={}).project
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(project.root, port)
    try:
        _wait(url)
        admin, pages, first = None, [], []
        deadline = time.monotonic() + 30
        while admin is None and time.monotonic() < deadline:  # stdout holds the two lines before the server starts
            line = proc.stdout.readline() if proc.stdout else ""
            first.append(line)
            if found := re.fullmatch(r"\s+(\S{16,})\s*", line):
                admin = found.group(1)
        assert admin is not None
        client = logged_in(url, "admin", admin)
        pages = [client.get(p).text for p in ("/", "/admin/users", "/rights/queue", "/stage/rights")]
    finally:
        out, err = _stop(proc)
    assert all(admin not in page for page in pages)
    assert "".join([*first, out, err]).count(admin) == 1  # printed once; in no log line
    assert "GET /admin/users" in out + err  # the access log was written, without the password
    with project.open_store() as store:
        account = get_account(store, "admin")
    assert account is not None and account.role == "admin" and account.password_hash.startswith("$argon2id$")
    assert admin.encode() not in project.db_path.read_bytes()
    again = _start(project.root, port)
    try:
        _wait(url)
    finally:
        out, err = _stop(again)
    assert "First start" not in out and "password" not in out.lower()


def test_add_user_on_the_command_line(tmp_path: Path) -> None:
    project = run_demo(tmp_path / "demo", env={}).project
    runner = CliRunner()
    args = ["--project", str(project.root), "web", "add-user"]
    result = runner.invoke(cli, [*args, "cura", "--role", "curator"], input="cura-pass-1234\ncura-pass-1234\n")
    assert result.exit_code == 0, result.output
    assert "Added cura (curator)." in result.output and "cura-pass-1234" not in result.output
    generated = runner.invoke(cli, [*args, "vic", "--role", "viewer", "--generate"])
    assert generated.exit_code == 0 and "Password (shown once): " in generated.output
    short = runner.invoke(cli, [*args, "bob", "--role", "viewer"], input="short\nshort\n")
    assert short.exit_code == 2 and "at least 10 characters" in short.output
    with project.open_store() as store:
        assert get_account(store, "cura").role == "curator"  # type: ignore[union-attr]
        assert get_account(store, "bob") is None
