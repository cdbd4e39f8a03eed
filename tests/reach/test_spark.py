"""The same aggregation on Spark (local mode) gives the same results as on DuckDB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glamwiki.reach.engines import aggregate_duckdb, aggregate_spark, local_spark

# Spark needs Java 17+ (.ci/run installs it); without it these tests fail, they never skip.


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = local_spark(cores=2)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_same_results_on_duckdb_and_spark(
    spark: Any, pvc_file: Path, hourly_file: Path, mediacounts_file: Path, targets: list
) -> None:
    cases = [(pvc_file, targets), (hourly_file, targets), (mediacounts_file, [("commons.wikimedia", "Mona Lisa.jpg")])]
    for path, targets in cases:
        d = aggregate_duckdb(path, targets)
        s = aggregate_spark(path, targets, spark)
        assert (d.views, d.lines, d.malformed) == (s.views, s.lines, s.malformed), path.name
        assert d.views, path.name


def test_real_quoted_titles_same_on_spark(spark: Any, tmp_path: Path) -> None:
    """The 40 real pageview_complete lines (quoted titles, backslashes in hourly letters) plus three
    unreadable titles: both engines read and reject the same lines."""
    import bz2

    sample = Path(__file__).parent / "fixtures" / "dumps" / "pageviews-ar-aa-sample.txt"
    lines = sample.read_text(encoding="utf-8").splitlines()
    bad = [lines[15].replace('المنتهي"', "المنتهي", 1), 'ar.wikipedia a"b 1 desktop 2 A2']
    older = (sample.parent / "pageview-complete-user-2021-and-2011.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "pageviews-20250101-user.bz2"
    path.write_bytes(bz2.compress(("\n".join(lines + bad + older) + "\n").encode("utf-8")))

    def title(field: str) -> str:
        return field[1:-1].replace('\\"', '"') if field.startswith('"') else field

    targets = sorted({(line.split(" ")[0], title(line.split(" ")[1])) for line in lines + older})
    d, s = aggregate_duckdb(path, targets), aggregate_spark(path, targets, spark)
    assert (d.views, d.lines, d.malformed) == (s.views, s.lines, s.malformed)
    older_views = sum(int(line.split(" ")[-2]) for line in older)  # 5 and 6 fields: the count is next to last
    assert (sum(s.views.values()), s.lines, s.malformed) == (174 + older_views, 42 + 15, 2)


def test_reach_dumps_command_on_spark(spark: Any, collected, cli, project, pvc_file: Path) -> None:
    import json

    from glamwiki.cli import cli as glamwiki_cli

    result = cli.invoke(glamwiki_cli, ["reach", "dumps", str(pvc_file), "--engine", "spark", "--json"])
    assert result.exit_code == 0, result.output
    run = json.loads(result.stdout)[0]
    assert (run["matched"], run["malformed"], run["lines"]) == (3, 5, 10)
    with project.open_store() as store:
        assert store.scalar("SELECT engine FROM reach_dump_runs") == "spark"
