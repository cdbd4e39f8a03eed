"""`glamwiki sandbox start|stop|env` manage a private wiki (the same code as the test fixture), with a
real MediaWiki: a second start reuses the running wiki, stop stops what was started (issue 18)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.publishing import sandbox


def flat(text: str) -> str:
    """The output with the terminal's line wrapping undone."""
    return " ".join(text.split())


def _answers(api: str) -> bool:
    try:
        return requests.get(api, params={"action": "query", "format": "json"}, timeout=10).ok
    except requests.ConnectionError:
        return False


def test_sandbox_start_twice_env_stop(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = str(tmp_path / "box")
    started = runner.invoke(glamwiki_cli, ["sandbox", "start", "--dir", folder])
    try:
        assert started.exit_code == 0, started.output
        api = started.output.split("Sandbox wiki at ", 1)[1].split(" ", 1)[0]
        assert api.startswith("http://127.0.0.1:") and _answers(api)
        pid = (Path(folder) / "server.pid").read_text()
        again = runner.invoke(glamwiki_cli, ["sandbox", "start", "--dir", folder])
        assert again.exit_code == 0, again.output
        assert "already running" in flat(again.output) and f"Sandbox wiki at {api}" in flat(again.output)
        assert (Path(folder) / "server.pid").read_text() == pid, "the pid file still names the running server"
        env = runner.invoke(glamwiki_cli, ["sandbox", "env", "--dir", folder])
        assert "GLAMWIKI_BOT_USER='Uploader@glamwiki'" in env.output
    finally:
        stopped = runner.invoke(glamwiki_cli, ["sandbox", "stop", "--dir", folder])
    assert "sandbox stopped" in stopped.output
    assert not _answers(api), "stop stopped the wiki that start started"
    assert "not running" in runner.invoke(glamwiki_cli, ["sandbox", "stop", "--dir", folder]).output
    assert (Path(folder) / "credentials.json").stat().st_mode & 0o077 == 0, "credentials readable by others"

    box = sandbox.load(Path(folder))
    with socket.socket() as squatter:  # another program takes the sandbox's port meanwhile
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the port may be in TIME_WAIT
        squatter.bind(("127.0.0.1", box.port))
        squatter.listen()
        refused = runner.invoke(glamwiki_cli, ["sandbox", "start", "--dir", folder])
        assert refused.exit_code != 0 and "in use by another program" in flat(refused.output)
        assert not (Path(folder) / "server.pid").exists()
    restarted = runner.invoke(glamwiki_cli, ["sandbox", "start", "--dir", folder])
    try:
        assert restarted.exit_code == 0 and "already running" not in flat(restarted.output) and _answers(api)
    finally:
        assert "sandbox stopped" in runner.invoke(glamwiki_cli, ["sandbox", "stop", "--dir", folder]).output


def test_a_stale_pid_file_is_not_trusted(tmp_path: Path) -> None:
    """A pid file left by a crash (its process gone, or the pid now another program's) stops nothing."""
    box = sandbox.Sandbox(tmp_path, sandbox.free_port())
    box.pid_file.write_text("999999")
    assert sandbox.running(box) is None and not box.pid_file.exists()
    box.pid_file.write_text(str(__import__("os").getpid()))  # alive, but this test runner is not PHP
    assert sandbox.stop(box) is False and not box.pid_file.exists()


def test_stop_without_a_sandbox_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(glamwiki_cli, ["sandbox", "stop", "--dir", str(tmp_path / "none")])
    assert result.exit_code != 0 and "No sandbox in" in flat(result.output)


pytestmark = pytest.mark.skipif(not sandbox.available(), reason="needs Debian's mediawiki package and php-sqlite3")
