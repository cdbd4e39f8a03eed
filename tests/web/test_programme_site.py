"""`glamwiki web --programme programme.toml` on the embedded default: the project folders of a
programme served as one site, its accounts in site.db beside the file (ADR 0015); a project whose
name is hostile text is shown as text and reached by its link; a login page names no project."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.project import init_project

from .conftest import free_port, token
from .test_cli import _stop, _wait

HOSTILE = '<script>alert("x")</script> & Co'


def test_a_programme_of_folders_is_one_site_with_its_accounts_beside_the_file(tmp_path: Path) -> None:
    init_project(tmp_path / "tate", name="Tate residency", env={})
    init_project(tmp_path / "odd", name=HOSTILE, env={})
    init_project(tmp_path / "secret", name="Secret residency", env={})
    programme = tmp_path / "programme.toml"
    programme.write_text('[programme]\nname = "Chapter 2026"\nprojects = ["tate", "odd", "secret"]\n', encoding="utf-8")
    added = CliRunner().invoke(cli, ["web", "--programme", str(programme), "add-user", "rita", "--role", "viewer",
                                     "--generate"])  # fmt: skip
    assert added.exit_code == 0, added.output
    password = re.search(r"Password \(shown once\): (\S+)", added.output).group(1)  # type: ignore[union-attr]
    runner = CliRunner()
    made = runner.invoke(cli, ["web", "--programme", str(programme), "member", "rita", HOSTILE, "--role", "curator"])
    assert made.exit_code == 0 and "rita is now curator of" in made.output, made.output
    hidden = runner.invoke(cli, ["web", "--programme", str(programme), "private", "Secret residency"])
    assert hidden.exit_code == 0 and "Secret residency is now private." in hidden.output
    migrated = CliRunner().invoke(cli, ["web", "--programme", str(programme), "migrate"])
    assert migrated.exit_code == 0 and migrated.output.endswith("site.db: up to date\n"), migrated.output
    with sqlite3.connect(tmp_path / "site.db") as db:
        assert db.execute("SELECT username, role FROM web_accounts").fetchall() == [("rita", "viewer")]
    with sqlite3.connect(tmp_path / "tate" / "glamwiki.db") as db:
        assert db.execute("SELECT COUNT(*) FROM web_accounts").fetchone() == (0,)  # not the project's store
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")}
    command = [sys.executable, "-m", "glamwiki", "web", "--programme", str(programme), "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(url)
        client = httpx.Client(base_url=url)
        login = client.get("/login").text
        assert "Chapter 2026" in login and "Tate residency" not in login  # the site's name, no project's
        answer = client.post("/login", data={"username": "rita", "password": password, "csrf_token": token(login)})
        assert answer.status_code == 303
        listed = client.get("/projects").text
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in listed and "<script>alert" not in listed
        link = re.search(r'href="(/projects/[^"]*Co)"', listed).group(1)  # type: ignore[union-attr]
        home = client.get(link.replace("&amp;", "&"), follow_redirects=True)
        assert home.status_code == 200 and "&lt;script&gt;" in home.text and "<script>alert" not in home.text
        assert "rita (curator)" in home.text  # her role in that project
        assert "Secret residency" not in listed  # private, and she is not a member
        assert client.get("/", params={"project": "Secret residency"}).status_code == 404
        dashboard = client.get("/programme")
        assert dashboard.status_code == 200 and "<script>alert" not in dashboard.text
        assert "<td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co</td>" in dashboard.text  # its row
        assert "Secret residency" not in dashboard.text
    finally:
        out, _ = _stop(proc)
    assert "First start: made the account" not in out  # rita exists: no admin is made
    assert (tmp_path / "web-session.key").stat().st_mode & 0o077 == 0


def test_a_store_url_with_a_password_is_refused_and_not_echoed(tmp_path: Path) -> None:
    url = "postgresql://glam:hunter2-secret@127.0.0.1:1/glamwiki"
    result = CliRunner().invoke(cli, ["web", "--store-url", url, "add-user", "x", "--role", "viewer", "--generate"])
    assert result.exit_code == 2 and "holds a password" in result.output
    assert "hunter2" not in result.output
