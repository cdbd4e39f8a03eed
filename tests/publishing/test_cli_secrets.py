"""The commands end to end against the real wiki, and no secret anywhere in their output or files."""

from __future__ import annotations

import csv
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import OAUTH2, Credentials, load_credentials
from glamwiki.publishing.errors import AuthError
from glamwiki.publishing.sandbox import Sandbox

from .conftest import fast_etiquette, ready_project


def _glamwiki(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "glamwiki", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_run_results_and_no_secret_anywhere(tmp_path: Path, wiki: Sandbox) -> None:
    project = ready_project(tmp_path, 4, block_last=1)
    env = {
        **os.environ,
        "GLAMWIKI_PROJECT": str(project.root),
        "GLAMWIKI_BOT_USER": wiki.user,
        "GLAMWIKI_BOT_PASSWORD": wiki.password,
        "GLAMWIKI_PUBLISHING_EDITS_PER_MINUTE": "0",
        "PYTHONWARNINGS": "always",
    }
    outputs = []
    for args in (
        ["publish", "plan"],
        ["publish", "preview", "--output", str(project.root / "preview.html")],
        ["publish", "run", "--target", wiki.api, "--limit", "2", "--json"],
        ["publish", "run", "--target", wiki.api],
        ["publish", "results", "--target", wiki.api, "--output", str(project.root / "results.csv")],
        ["publish", "results", "--target", wiki.api],
        ["status"],
    ):
        proc = _glamwiki(args, env)
        outputs.append(proc.stdout + proc.stderr)
        assert proc.returncode in (0, 1), proc.stderr
    assert '"done": 2' in outputs[2] and '"unfinished": 0' in outputs[2] and '"later": 1' in outputs[2]
    rows = list(csv.DictReader((project.root / "results.csv").open()))
    assert [r["outcome"] for r in rows] == ["uploaded"] * 3 + ["blocked-by-rights"]
    assert all(r["url"].startswith(wiki.api.rsplit("/", 1)[0]) and r["batch"].startswith("gw-") for r in rows[:3])
    secret = wiki.password.encode()
    assert not any(wiki.password in text for text in outputs)
    for path in project.root.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), f"the secret was written to {path}"


def test_debug_logging_and_errors_carry_no_secret(wiki: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = "oauth-token-that-must-never-show-0123456789"
    client = ApiClient(wiki.api, "tests", Credentials(OAUTH2, "", token), fast_etiquette())
    with pytest.raises(AuthError) as info:
        client.login()  # a plain MediaWiki has no OAuth: the token does not log in
    assert token not in str(info.value) and token not in caplog.text
    wrong = ApiClient(wiki.api, "tests", Credentials("botpassword", wiki.user, "wrong-password-0123456789"))
    with pytest.raises(AuthError) as info:
        wrong.login()
    assert "wrong-password" not in str(info.value) and "wrong-password" not in caplog.text
    assert "wrong-password" not in repr(wrong.credentials)


def test_credentials_from_the_environment() -> None:
    creds = load_credentials(
        "https://commons.wikimedia.org/w/api.php",
        {"GLAMWIKI_BOT_USER": "Museum@batch", "GLAMWIKI_BOT_PASSWORD": "s3cret"},
    )
    assert creds.kind == "botpassword" and "s3cret" not in repr(creds) and "s3cret" not in str(creds)
    assert load_credentials("https://x/w/api.php", {"GLAMWIKI_OAUTH_TOKEN": "tok"}).kind == OAUTH2
    with pytest.raises(AuthError):
        load_credentials("https://x/w/api.php", {"GLAMWIKI_BOT_USER": "NoBotName", "GLAMWIKI_BOT_PASSWORD": "p"})
