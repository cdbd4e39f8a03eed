"""Shared fixtures: where the shared real data is, temporary projects, the CLI runner."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.project import Project, init_project
from glamwiki.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path | None:
    """The shared real data: $GLAMWIKI_SHARED, else ../shared beside the checkout; None when absent.

    No fixed machine path is ever consulted: a clone without the data runs every test that does
    not need it, and the tests that do are skipped with the reason below.
    """
    configured = os.environ.get("GLAMWIKI_SHARED")
    path = Path(configured) if configured else ROOT.parent / "shared"
    return path if (path / "data").is_dir() else None


SHARED = _shared()
DATA = SHARED / "data" if SHARED else None
SHARED_MISSING = (
    "needs the shared real data (../shared/data beside the checkout, or set GLAMWIKI_SHARED "
    "to the folder that holds data/)"
)


def require_shared() -> Path:
    """The shared data folder, or skip the calling test with a clear reason."""
    if DATA is None:
        pytest.skip(SHARED_MISSING)
    return DATA


@pytest.fixture
def shared_data() -> Path:
    return require_shared()


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


_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    """Tests may talk to servers on this machine only: never to Wikimedia or anything else."""
    if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host = str(address[0])
        resolved = {info[4][0] for info in socket.getaddrinfo(host, None)}
        if not all(ipaddress.ip_address(ip.split("%")[0]).is_loopback for ip in resolved):
            raise ConnectionRefusedError(f"tests may only connect to 127.0.0.1, not {host} ({', '.join(resolved)})")
    return _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="session")
def _no_network_but_loopback() -> Iterator[None]:
    socket.socket.connect = _loopback_only  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
