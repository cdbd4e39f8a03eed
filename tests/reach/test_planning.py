"""Planning a collect: the estimate of requests and time, the cheapest source, and REST requests
running a few at a time while the Action API stays one at a time."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from click.testing import CliRunner

from glamwiki.reach.estimate import estimate, measure_floor
from glamwiki.reach.http import Client, Politeness

from .conftest import COLLECT_2025, FAST, route_museum


def test_estimate_counts_requests_and_picks_the_cheapest() -> None:
    small = estimate(100, 120, 12, 0.2, 4, floor_mb_s=5.0, cores=2)
    assert (small.action_requests, small.rest_requests) == (3, 220)
    assert small.choice == "the REST APIs" and small.dump_files == 365
    year = estimate(1_000_000, None, 12, 0.2, 4, category=True, floor_mb_s=5.0, cores=2)
    assert year.articles == 1_250_000 and not year.articles_known
    assert year.choice == "dumps" and year.dump_seconds < year.api_seconds
    assert year.cim_requests == 1_000_001
    assert any("Commons Impact Metrics" in line for line in year.lines())


def test_floor_is_measured_here() -> None:
    assert measure_floor(5_000) > 0


def test_rest_requests_run_together_action_requests_one_at_a_time(api) -> None:
    root, recorded = api
    flight = {"now": 0, "max": 0}
    lock = threading.Lock()

    def slow(path: str, query: dict) -> bool:
        with lock:
            flight["now"] += 1
            flight["max"] = max(flight["max"], flight["now"])
        time.sleep(0.15)
        with lock:
            flight["now"] -= 1
        return True

    recorded.add(slow, (200, {}, {"items": []}))
    client = Client(api_root=root, polite=Politeness(min_interval=0, rest_concurrency=3))
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: client.rest("wikimedia.org", f"/api/rest_v1/x/{i}", 0), range(9)))
    assert flight["max"] == 3
    flight["max"] = 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: client.action("en.wikipedia.org", {"action": "query", "n": str(i)}, 0), range(4)))
    assert flight["max"] == 1


def test_collect_says_what_it_will_cost_first(cli: CliRunner, api) -> None:
    from glamwiki.cli import cli as glamwiki_cli

    root, recorded = api
    route_museum(recorded)
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    args = list(COLLECT_2025)
    only = cli.invoke(glamwiki_cli, [*args, "--estimate", "--json"], env=env, catch_exceptions=False)
    plan = json.loads(only.stdout)
    assert plan["files"] == 3 and plan["articles_known"] is False and plan["months"] == 12
    assert not any("per-article" in p for p, _ in recorded.log)  # nothing fetched but the listing
    done = cli.invoke(glamwiki_cli, args, env=env, catch_exceptions=False)
    assert "Cheapest for the article figures" in done.output and "Action API" in done.output
    again = json.loads(cli.invoke(glamwiki_cli, [*args, "--estimate", "--json"], env=env).stdout)
    assert again["articles"] == 4 and again["articles_known"] is True
    assert plan["cim_allow_listed"] is None and again["cim_allow_listed"] is True  # it answered for the category
