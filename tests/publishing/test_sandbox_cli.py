"""`glamwiki sandbox start|stop|env` manage a private wiki (the same code as the test fixture)."""

from __future__ import annotations

from pathlib import Path

import requests
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli


def test_sandbox_start_env_stop(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = str(tmp_path / "box")
    started = runner.invoke(glamwiki_cli, ["sandbox", "start", "--dir", folder])
    try:
        assert started.exit_code == 0, started.output
        api = started.output.split("Sandbox wiki at ", 1)[1].split(" ", 1)[0]
        assert api.startswith("http://127.0.0.1:")
        assert requests.get(api, params={"action": "query", "format": "json"}, timeout=10).ok
        env = runner.invoke(glamwiki_cli, ["sandbox", "env", "--dir", folder])
        assert "GLAMWIKI_BOT_USER='Uploader@glamwiki'" in env.output
    finally:
        stopped = runner.invoke(glamwiki_cli, ["sandbox", "stop", "--dir", folder])
    assert "sandbox stopped" in stopped.output
    assert (Path(folder) / "credentials.json").stat().st_mode & 0o077 == 0, "credentials readable by others"
