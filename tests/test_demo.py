"""The demo: a project from the bundled sample and a report, offline."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli


def test_demo_builds_a_report(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(cli, ["demo", "--output", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert Path(data["report"]).is_file()
    html = Path(data["report"]).read_text(encoding="utf-8")
    assert "What was read" in html and "<svg" in html and "Objects by form" in html
    assert "300" in html
    status = json.loads(CliRunner(env={"GLAMWIKI_PROJECT": str(out)}).invoke(cli, ["status", "--json"]).output)
    intake = next(s for s in status["stages"] if s["stage"] == "intake")
    assert intake["figures"]["objects"] == 300 and intake["figures"]["errors"] == 0
    rerun = CliRunner().invoke(cli, ["demo", "--output", str(out), "--json"])
    assert rerun.exit_code == 0
    assert "(0 new)" in json.loads(rerun.output)["steps"][0]


def test_demo_sample_licence_is_shipped() -> None:
    from glamwiki.demo import sample_folder

    text = (sample_folder() / "LICENCE.md").read_text(encoding="utf-8")
    assert "CC0" in text and "Tate" in text


def test_report_command_writes_the_project_report(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert CliRunner().invoke(cli, ["demo", "--output", str(out)]).exit_code == 0
    runner = CliRunner(env={"GLAMWIKI_PROJECT": str(out)})
    result = runner.invoke(cli, ["report", "-o", str(tmp_path / "ours.html"), "--json"])
    assert result.exit_code == 0, result.output
    path = Path(json.loads(result.output)["report"])
    html = path.read_text(encoding="utf-8")
    assert "glamwiki: glamwiki demo (Tate sample)" in html and "Tate, as of" in html
    for heading in ("What was read", "Rights clearance", "Publishing"):
        assert heading in html
