"""Shared fixtures: where the shared real data is, temporary projects, the CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.project import Project, init_project
from glamwiki.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    """The shared real data: $GLAMWIKI_SHARED, else ../shared beside the checkout, else /work/shared."""
    configured = os.environ.get("GLAMWIKI_SHARED")
    candidates = [Path(configured)] if configured else [ROOT.parent / "shared", Path("/work/shared")]
    for path in candidates:
        if (path / "data").is_dir():
            return path
    tried = ", ".join(str(p / "data") for p in candidates)
    raise RuntimeError(f"The shared test data is not at {tried}. Set GLAMWIKI_SHARED to the folder that holds data/.")


SHARED = _shared()
DATA = SHARED / "data"


@pytest.fixture
def shared_data() -> Path:
    return DATA


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return init_project(tmp_path / "proj", institution="Test Museum")


@pytest.fixture
def store(project: Project) -> Iterator[Store]:
    s = project.open_store()
    yield s
    s.close()


@pytest.fixture
def cli(project: Project) -> CliRunner:
    """A CLI runner whose commands act on the temporary project (via GLAMWIKI_PROJECT)."""
    return CliRunner(env={"GLAMWIKI_PROJECT": str(project.root)})
