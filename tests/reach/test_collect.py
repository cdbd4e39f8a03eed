"""`glamwiki reach collect` against recorded API responses served on 127.0.0.1: continuation,
maxlag and Retry-After, backoff, the on-disk cache, and incremental reruns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli
from glamwiki.cli import cli as cli_app
from glamwiki.project import Project
from glamwiki.reach import mediawiki, rest
from glamwiki.reach.errors import ApiError
from glamwiki.reach.http import Client, Politeness

from .conftest import FAST, route_museum

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL


def test_collect_category_into_store(collected, project: Project) -> None:
    summary, recorded, _ = collected
    assert summary["files"] == 3 and summary["new_files"] == 3
    assert summary["articles"] == 4  # the talk page is not an article
    assert len(summary["failures"]) == 1 and "Girl_with_a_Pearl_Earring" in summary["failures"][0]
    with project.open_store() as store:
        usage = store.query("SELECT file, wiki, title, ns FROM reach_usage ORDER BY wiki, title")
        assert ("Mona_Lisa.jpg", "fr.wikipedia", "La_Joconde", 0) in [tuple(r) for r in usage]
        assert store.scalar("SELECT COUNT(*) FROM reach_usage WHERE ns = 1") == 1
        en = store.scalar("SELECT SUM(views) FROM reach_pageviews WHERE wiki = 'en.wikipedia' AND title = 'Mona_Lisa'")
        assert en == sum(300000 + 1000 * m for m in range(1, 13))
        assert store.scalar("SELECT COUNT(*) FROM reach_pageviews WHERE wiki = 'de.wikipedia'") == 11
        statuses = dict(store.query("SELECT key, status FROM reach_coverage WHERE kind = 'pageviews'"))
        assert statuses["fr.wikipedia|La_Joconde"] == "ok"  # 404: no views recorded, not a gap
        assert statuses["en.wikipedia|Girl_with_a_Pearl_Earring"] == "error"
        assert store.scalar("SELECT SUM(requests) FROM reach_mediarequests") == sum(50000 + m for m in range(1, 13))
        assert store.scalar("SELECT COUNT(*) FROM reach_cim WHERE kind = 'category'") == 12
    # continuation followed for both modules
    assert any("cmcontinue" in q for _, q in recorded.log)
    assert any(q.get("gucontinue") == "Mona_Lisa.jpg|dewiki|12345" for _, q in recorded.log)
    assert all(q.get("maxlag") == "5" for p, q in recorded.log if p.endswith("api.php"))


def test_rerun_fetches_only_what_is_new(collected, collect_again) -> None:
    _, recorded, root = collected
    before = len(recorded.log)
    again = collect_again(root)
    new_requests = recorded.log[before:]
    # only the page whose fetch failed is asked again (plus its retries); nothing else
    assert again["view_requests"] == 1 and again["usage_checked"] == 0
    assert all("Girl_with_a_Pearl_Earring" in p for p, _ in new_requests), new_requests
    # a later month: one request per page for the new month only
    before = len(recorded.log)
    later = collect_again(root, "--to", "2026-01")
    assert later["months_fetched"] >= 3
    asked = [p for p, _ in recorded.log[before:] if "Mona_Lisa/monthly" in p]
    assert asked and all("/2026010100/2026013100" in p for p in asked)


def test_maxlag_and_retry_after_are_honoured(api) -> None:
    root, recorded = api
    recorded.add(
        lambda p, q: q.get("list") == "categorymembers",
        (200, {"Retry-After": "5"}, "mediawiki.org_Manual-Maxlag_parameter__error.json"),
        (429, {"Retry-After": "3"}, b'{"title": "Too many requests"}'),
        "mediawiki.org_API-Categorymembers__page2.json",
    )
    waits: list[float] = []
    notes: list[str] = []
    client = Client(api_root=root, polite=Politeness(min_interval=0), sleep=waits.append, notify=notes.append)
    assert mediawiki.category_files(client, "Anything") == ["The_Night_Watch.jpg"]
    assert waits == [5.0, 3.0]
    assert "lagged (maxlag); waiting 5 s (retry 1 of 5)" in notes[0]  # every wait is said, none is silent
    assert "answered HTTP 429; waiting 3 s (retry 2 of 5)" in notes[1]


def test_backoff_then_error_message(api) -> None:
    root, recorded = api
    recorded.add(lambda p, q: True, (503, {}, b"{}"))
    waits: list[float] = []
    client = Client(api_root=root, polite=Politeness(min_interval=0, max_retries=3, backoff=1), sleep=waits.append)
    with pytest.raises(ApiError, match="still refused after 3 retries"):
        rest.per_article(client, "en.wikipedia", "X", "20250101", "20250131")
    assert waits == [1, 2, 4]


def test_api_error_field_becomes_one_exception(api) -> None:
    root, recorded = api
    recorded.add(lambda p, q: True, "mediawiki.org_API-Errors_and_warnings__badvalue.json")
    client = Client(api_root=root, polite=Politeness(min_interval=0), sleep=lambda s: None)
    with pytest.raises(ApiError, match="badvalue") as info:
        mediawiki.category_files(client, "X")
    assert info.value.code == "badvalue"


def test_disk_cache_answers_repeats(api, tmp_path: Path) -> None:
    root, recorded = api
    recorded.add_museum()
    client = Client(api_root=root, cache_dir=tmp_path / "cache", polite=Politeness(min_interval=0))
    first = rest.per_article(client, "en.wikipedia", "Mona_Lisa", "20250101", "20251231")
    again = rest.per_article(client, "en.wikipedia", "Mona_Lisa", "20250101", "20251231")
    assert first == again and len(first) == 12 and first[0].period == "2025-01"
    assert client.requests_made == 1 and client.cache_hits == 1


def test_files_list_and_bad_arguments(cli: CliRunner, api, tmp_path: Path) -> None:
    root, recorded = api
    recorded.add_museum()
    listing = tmp_path / "files.txt"
    listing.write_text("# our uploads\nFile:Mona Lisa.jpg\nThe Night Watch.jpg\n\n", encoding="utf-8")
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0"}
    ok = cli.invoke(
        cli_group(),
        ["reach", "collect", "--files", str(listing), "--from", "2025-01", "--to", "2025-12", "--json"],
        env=env,
    )
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["files"] == 2
    bad = cli.invoke(cli_group(), ["reach", "collect", "--from", "2025-01"], env=env)
    assert bad.exit_code == 2 and "exactly one of" in bad.output


def cli_group():
    return cli


def test_agents_and_per_file_impact_metrics(collected, collect_again, project: Project) -> None:
    _, _, root = collected
    summary = collect_again(root, "--agents", "user,spider", "--cim-files")
    assert summary["view_requests"] >= 4  # the spider series of every article, asked once
    with project.open_store() as store:
        assert store.scalar("SELECT SUM(views) FROM reach_pageviews WHERE agent = 'spider'") == 777
        assert store.scalar("SELECT SUM(pageviews) FROM reach_cim WHERE kind = 'file'") == sum(
            380000 + m for m in range(1, 13)
        )
        from glamwiki.reach.figures import compute

        figures = compute(store, "2025-01", "2025-12")
        assert figures.excluded_agents == {"spider": 777}
        assert figures.total_views == sum(300000 + 1000 * m for m in range(1, 13)) + sum(
            40000 + 10 * m for m in range(1, 13) if m != 4
        )


COMMONS = "https://commons.wikimedia.org/w/api.php"


def _uploaded(project: Project, titles: list[str], state: str = "done", target: str = COMMONS) -> None:
    from glamwiki.store.publishing import FileState, iter_plan, put_state, save_plan

    with project.open_store() as store:
        save_plan(store, [{"dataset": "m", "record_id": t, "status": "planned", "title": t} for t in titles])
        for item in iter_plan(store):
            if item.title in titles:
                put_state(
                    store, FileState(target=target, item_id=item.item_id, state=state, title=f"File:{item.title}")
                )


def test_collect_the_files_this_project_uploaded(cli: CliRunner, project: Project, api) -> None:
    root, recorded = api
    route_museum(recorded)
    _uploaded(project, ["Mona_Lisa.jpg", "Sunflowers.jpg"])
    _uploaded(project, ["Elsewhere.jpg"], target="http://127.0.0.1:1/api.php")  # another wiki: not counted
    _uploaded(project, ["Failed.jpg"], state="failed")
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    args = ["reach", "collect", "--project", "--from", "2025-01", "--to", "2025-12", "--json"]
    result = cli.invoke(cli_app, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["files"] == 2
    with project.open_store() as store:
        files = {r[0] for r in store.query("SELECT file FROM reach_files")}
    assert files == {"Mona_Lisa.jpg", "Sunflowers.jpg"}
    assert not any(q.get("list") == "categorymembers" for _, q in recorded.log)


def test_collect_project_with_nothing_uploaded_says_so(cli: CliRunner, api) -> None:
    root, _ = api
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0"}
    result = cli.invoke(cli_app, ["reach", "collect", "--project"], env=env)
    assert result.exit_code == 2 and "No files uploaded" in result.output
