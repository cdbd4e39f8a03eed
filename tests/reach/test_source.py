"""`reach collect` picks the source of the article figures by itself (the cheapest by the estimate)
unless --source forces one, says which and why, and uses it: with dumps, the daily pageview_complete
files are fetched from the dump server (served here from 127.0.0.1 in the published layout and
compression), counted for the articles in use, and deleted."""

from __future__ import annotations

import bz2
import json
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project
from glamwiki.reach.dumpfetch import daily_files
from glamwiki.reach.estimate import estimate, pick_source

from .conftest import CATEGORY, FAST, route_museum

JANUARY = ("reach", "collect", "--category", CATEGORY, "--from", "2025-01", "--to", "2025-01")


def _day_file(day: int) -> bytes:
    """One day of pageview_complete (user), as the readme describes the lines; the articles the museum's
    files are used on get 10 + day views on desktop and 1 on the mobile web."""
    lines = [
        f"en.wikipedia Mona_Lisa 70889 desktop {10 + day} A{10 + day}",
        "en.wikipedia Mona_Lisa 70889 mobile-web 1 B1",
        f"de.wikipedia Mona_Lisa 12345 desktop {day} C{day}",
        "en.wikipedia Unrelated 1 desktop 99 A99",
    ]
    return bz2.compress(("\n".join(lines) + "\n").encode())


def _serve_dumps(recorded: Any, absent: frozenset[int] = frozenset()) -> None:
    """The dump server's January 2025 daily user files; a day in ``absent`` answers 404 the first time
    (not published yet), the file afterwards."""
    for day in range(1, 32):
        name = f"/dumps.wikimedia.org/other/pageview_complete/2025/2025-01/pageviews-202501{day:02d}-user.bz2"
        found = (200, {"Content-Type": "application/octet-stream"}, _day_file(day))
        answers = [(404, {}, b"Not Found"), found] if day in absent else [found]
        recorded.add(lambda p, q, name=name: p.endswith(name), *answers)


def _run(cli: CliRunner, root: str, *extra: str) -> dict[str, Any]:
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    result = cli.invoke(glamwiki_cli, [*JANUARY, *extra, "--json"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_cheapest_is_picked_unless_forced() -> None:
    small = estimate(3, 4, 12, 0.2, 4, floor_mb_s=50.0, cores=2)
    year = estimate(1_000_000, None, 12, 0.2, 4, floor_mb_s=50.0, cores=2)
    assert pick_source(small)[0] == "api" and pick_source(year)[0] == "dumps"
    source, why = pick_source(year)
    assert why.startswith("the cheapest: ") and "of dumps against" in why
    source, why = pick_source(small, "dumps")
    assert source == "dumps" and why.startswith("forced with --source dumps; the cheapest would be the REST APIs")
    source, why = pick_source(year, "api")
    assert source == "api" and "the cheapest would be dumps" in why
    assert pick_source(year, "dumps") == ("dumps", "forced with --source dumps")


def test_daily_file_names_and_paths_follow_the_published_layout() -> None:
    files = daily_files(["2024-02"], "user")
    assert len(files) == 29  # a leap year's February
    assert files[0] == (
        "pageviews-20240201-user.bz2",
        "/other/pageview_complete/2024/2024-02/pageviews-20240201-user.bz2",
    )


def test_auto_uses_the_rest_apis_for_a_small_category(cli: CliRunner, api) -> None:
    root, recorded = api
    route_museum(recorded)
    said = cli.invoke(glamwiki_cli, list(JANUARY), env={"GLAMWIKI_REACH_API_ROOT": root,
                                                        "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST})  # fmt: skip
    assert said.exit_code == 0, said.output
    assert "Article figures from: the REST APIs (the cheapest: " in " ".join(said.output.split())
    assert any("/per-article/" in p for p, _ in recorded.log)
    assert not any("dumps.wikimedia.org" in p for p, _ in recorded.log)


def test_dumps_forced_are_downloaded_counted_and_deleted(cli: CliRunner, api, project: Project, tmp_path: Path) -> None:
    root, recorded = api
    route_museum(recorded)
    _serve_dumps(recorded, absent=frozenset({31}))
    folder = tmp_path / "dl"
    summary = _run(cli, root, "--source", "dumps", "--dumps-dir", str(folder))
    assert summary["views_source"] == "dumps" and summary["source_why"].startswith("forced with --source dumps")
    assert not any("/per-article/" in p for p, _ in recorded.log)  # no per-article request at all
    fetched = [p for p, _ in recorded.log if "dumps.wikimedia.org" in p]
    assert len(fetched) == 31 and fetched[0].endswith(
        "/other/pageview_complete/2025/2025-01/pageviews-20250101-user.bz2"
    )
    assert summary["dump_files_loaded"] == 30
    assert summary["dump_files_missing"][0].startswith("pageviews-20250131-user.bz2: ")
    assert list(folder.iterdir()) == []  # each file deleted once counted
    with project.open_store() as store:
        rows = store.query(
            "SELECT wiki, SUM(count) FROM reach_dump_counts WHERE kind = 'pageviews' GROUP BY wiki ORDER BY wiki"
        )
        assert [tuple(r) for r in rows] == [
            ("de.wikipedia", sum(range(1, 31))),
            ("en.wikipedia", sum(11 + d for d in range(1, 31))),
        ]
        # one day missing: the month is not covered by dumps (a gap, not a complete month)
        assert store.scalar("SELECT COUNT(*) FROM reach_coverage WHERE key = '*dump*'") == 0
    # a rerun fetches only the day it lacks
    recorded.log.clear()
    again = _run(cli, root, "--source", "dumps", "--dumps-dir", str(folder))
    assert [p for p, _ in recorded.log if "dumps.wikimedia.org" in p] == [fetched[-1]]
    assert again["dump_files_loaded"] == 1 and again["dump_files_missing"] == []
    with project.open_store() as store:
        assert store.scalar("SELECT COUNT(*) FROM reach_coverage WHERE key = '*dump*'") == 1


def test_days_not_published_yet_are_not_asked(api, project: Project, tmp_path: Path) -> None:
    from glamwiki.reach.dumpfetch import views_from_dumps
    from glamwiki.reach.http import Client, Politeness

    root, recorded = api
    _serve_dumps(recorded)
    client = Client(api_root=root, polite=Politeness(min_interval=0))
    with project.open_store() as store:
        done = views_from_dumps(store, client, ["2025-01"], ("user",), tmp_path / "dl", today=date(2025, 1, 11))
    assert len(done.loaded) == 10 and len(done.missing) == 21
    assert "not published yet" in done.missing[0]
    assert sum("dumps.wikimedia.org" in p for p, _ in recorded.log) == 10


def test_a_damaged_download_is_dropped_and_fetched_again(api, project: Project, tmp_path: Path) -> None:
    from glamwiki.reach.dumpfetch import views_from_dumps
    from glamwiki.reach.http import Client, Politeness

    root, recorded = api
    name = "/dumps.wikimedia.org/other/pageview_complete/2025/2025-01/pageviews-20250101-user.bz2"
    recorded.add(lambda p, q: p.endswith(name), (200, {}, b"BZh91AY&SY truncated"), (200, {}, _day_file(1)))
    client = Client(api_root=root, polite=Politeness(min_interval=0))
    folder = tmp_path / "dl"
    with project.open_store() as store:
        first = views_from_dumps(store, client, ["2025-01"], ("user",), folder, today=date(2025, 1, 2))
        assert first.loaded == [] and "is not a valid bz2 file" in first.missing[0]
        assert list(folder.iterdir()) == []  # the damaged file is not kept
        second = views_from_dumps(store, client, ["2025-01"], ("user",), folder, today=date(2025, 1, 2))
        assert second.loaded == ["pageviews-20250101-user.bz2"] and second.lines == 4
