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


# -- backends: SQLite always; PostgreSQL where a server is reachable (docs/store.md) -------------------
PG_URL = os.environ.get("GLAMWIKI_TEST_PG_URL", "postgresql:///glamwiki_test")
PG_REQUIRED = os.environ.get("GLAMWIKI_TEST_REQUIRE_PG", "") == "1"  # .ci/run: absent PostgreSQL fails
BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_backends`` run once on SQLite and once on PostgreSQL."""
    if metafunc.definition.get_closest_marker("both_backends") and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str]:
    """One migrated schema for this test session (a unique name: parallel sessions never meet)."""
    import psycopg

    from glamwiki.errors import StoreError
    from glamwiki.store import open_store

    schema = f"test_{os.getpid()}_{os.urandom(3).hex()}"
    try:
        store = open_store(PG_URL, schema=schema, migrate=True)
    except StoreError as exc:
        reason = f"PostgreSQL is not reachable at {PG_URL} (set GLAMWIKI_TEST_PG_URL; see docs/store.md): {exc}"
        if PG_REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    store.close()
    yield schema
    with psycopg.connect(PG_URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _empty_pg_schema(schema: str) -> None:
    """Every table of the session's schema emptied and its identities restarted: a fresh database, fast."""
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s"
                " AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version'",
                (schema,),
            )
        ]
        names = ", ".join(f'"{schema}"."{name}"' for name in tables)
        conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


@pytest.fixture
def pg_store_schema(backend: str, request: pytest.FixtureRequest) -> str | None:
    """The emptied PostgreSQL schema this test's project uses, or None on SQLite."""
    if backend != "postgresql":
        return None
    schema = str(request.getfixturevalue("pg_schema"))
    _empty_pg_schema(schema)
    return schema


@pytest.fixture
def project(tmp_path: Path, pg_store_schema: str | None) -> Project:
    if pg_store_schema is None:
        return init_project(tmp_path / "proj", institution="Test Museum")
    return init_project(tmp_path / "proj", institution="Test Museum", store_url=PG_URL, schema=pg_store_schema)


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
