"""The whole pipeline on one backend, stage by stage (see bench_pipeline.py)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

PG_URL = os.environ.get("GLAMWIKI_BENCH_PG_URL", os.environ.get("GLAMWIKI_TEST_PG_URL", "postgresql:///glamwiki_test"))
AS_OF = "2026-01-01"


def stages(data: Path, out: Path) -> list[tuple[str, list[str]]]:
    """The commands a residency runs, in order, on the Tate export with NGA's constituents as the authority."""
    return [
        ("ingest", ["ingest", str(data / "tate"), "--profile", "tate"]),
        ("rights", ["rights", "--as-of", AS_OF]),
        ("link", ["link", "run", "--authority", str(data / "nga"), "--authority-profile", "nga"]),
        ("gaps", ["gaps", "--no-snapshot"]),
        ("plan", ["publish", "plan"]),
        ("report", ["report", "-o", str(out / "report.html")]),
    ]


def pg_available() -> str:
    """'' when the benchmark's PostgreSQL answers, else why not."""
    from glamwiki.errors import StoreError
    from glamwiki.store import list_projects

    try:
        list_projects(PG_URL)
    except StoreError as exc:
        return str(exc)
    return ""


def pipeline(backend: str, data: str) -> dict:
    from click.testing import CliRunner

    from glamwiki.cli import cli
    from glamwiki.project import find_project, init_project

    schema = f"bench_{os.getpid()}"
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "proj"
        url = PG_URL if backend == "postgresql" else None
        init_project(folder, institution="Tate", store_url=url, schema=schema)
        runner = CliRunner(env={"GLAMWIKI_PROJECT": str(folder)})
        try:
            for name, args in stages(Path(data), Path(tmp)):
                start = time.perf_counter()
                result = runner.invoke(cli, args, catch_exceptions=False)
                timings[name] = round(time.perf_counter() - start, 2)
                if result.exit_code not in (0, 3):
                    raise RuntimeError(f"{name} failed ({result.exit_code}): {result.output[-2000:]}")
            with find_project(folder).open_store() as store:
                records = int(store.scalar("SELECT COUNT(*) FROM records"))
        finally:
            if url:
                _drop(schema)
    return {"items": records, "extra": timings}


def _drop(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
