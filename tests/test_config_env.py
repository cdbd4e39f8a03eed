"""GLAMWIKI_<SECTION>_<KEY> overrides: the library takes the environment as an argument, the CLI
passes its own, so a command still honours them and a library call is not swayed by them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.config import Config
from glamwiki.project import Project, find_project


def test_overrides_come_from_the_env_given(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project.root / "glamwiki.toml"
    monkeypatch.setenv("GLAMWIKI_INTAKE_CIRCA_YEARS", "99")  # the process's environment: not read
    assert Config.load(path).get("intake", "circa_years") == 5
    env = {"GLAMWIKI_INTAKE_CIRCA_YEARS": "10", "GLAMWIKI_INTAKE_EXTRA": "x", "OTHER": "y"}
    config = Config.load(path, env)
    assert config.get("intake", "circa_years", 5) == 10  # coerced like the default
    assert config.section("intake") == {"circa_years": 10, "extra": "x"}
    assert find_project(project.root, env={"GLAMWIKI_PROJECT_NAME": "Renamed"}).name == "Renamed"
    assert find_project(project.root).name == project.name


def test_the_cli_passes_its_environment(project: Project, tmp_path: Path) -> None:
    env = {"GLAMWIKI_PROJECT": str(project.root), "GLAMWIKI_PROJECT_NAME": "From the environment"}
    result = CliRunner(env=env).invoke(cli, ["status", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["project"] == "From the environment"
