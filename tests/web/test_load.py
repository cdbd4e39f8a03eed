"""The web load benchmark's path at CI size: 2 PostgreSQL projects of 2,000 real records (Tate and
CMoA rows through the real stages; the second a pg_dump copy of the first), served as one site by
`glamwiki web --workers 2`, 10 Locust users of mixed roles going through both: every page answers,
none fails. The 10 x 100,000 run is benchmarks/bench_web_load.py (docs/web.md, "Performance")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from benchmarks import web_load_data
from benchmarks.bench_web_load import LoadProject, measure_load
from tests.conftest import PG_URL, require_shared

STAGE_PAGES = [f"stage {s}" for s in ("intake", "rights", "links", "publishing", "reach")]
PAGES = {"programme", "project", *STAGE_PAGES, "rights queue", "rights group", "links", "uploads", "jobs", "record",
         "login", "baseline: static CSS"}  # fmt: skip
# The link run reads NGA's 27,438 constituents (10-20 s): the link queue's page is measured empty here.
STAGES = tuple(s for s in web_load_data.STAGES if s != "link")


@pytest.fixture
def two_projects(tmp_path: Path) -> Iterator[list[LoadProject]]:
    data = require_shared()
    prefix = f"ci_load_{tmp_path.name[-6:].replace('-', '_').lower()}"
    schemas = [web_load_data.schema_of(i, prefix) for i in range(2)]
    first, second = web_load_data.project_folders(tmp_path, 2)
    try:
        psycopg.connect(PG_URL).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL}: {exc}")
    try:
        web_load_data.build(first, PG_URL, 0, 2_000, data, schema=schemas[0], stages=STAGES, in_process=True)
        web_load_data.copy_project(first, second, PG_URL, schemas[0], schemas[1])
        yield [LoadProject(f.name, PG_URL, s, f) for f, s in zip((first, second), schemas, strict=True)]
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for schema in [*schemas, f"{schemas[0]}_site"]:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_every_page_answers_under_load_without_an_error(two_projects: list[LoadProject], tmp_path: Path) -> None:
    site = f"{two_projects[0].schema}_site"
    summary = measure_load(two_projects, users=10, seconds=8, workers=2, ramp=30, log=tmp_path / "server.log",
                           site_schema=site)  # fmt: skip
    assert summary["errors"] == 0, summary["error_samples"]
    answered = {name for name, n in summary["answered"].items() if n > 0}
    assert answered >= PAGES, f"pages never answered: {sorted(PAGES - answered)}"
    assert summary["users_ready"] == 10
    assert summary["requests"] > 0 and summary["window_s"] >= 8
    roles = summary["roles"]
    assert set(roles) == {"admin", "resident", "curator", "viewer"} and all(roles.values())
