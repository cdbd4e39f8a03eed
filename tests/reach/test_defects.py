"""Issue 11, defects 6-9: category membership per month and depth, the cache bypass, which pages
are articles, a usage entry without ``ns``, and a report with nothing collected."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project
from glamwiki.reach import mediawiki
from glamwiki.reach.collect import listing_ttl
from glamwiki.reach.figures import compute
from glamwiki.reach.http import Client, Politeness
from glamwiki.reach.usage_months import usage_by_month
from glamwiki.reach.wikis import page_kind
from glamwiki.store import reach as db
from glamwiki.store.db import Store

from .conftest import FAST, Recorded

TOP = {"query": {"categorymembers": [{"ns": 6, "title": "File:A.jpg"}, {"ns": 14, "title": "Category:Sub"}]}}
SUB = {"query": {"categorymembers": [{"ns": 6, "title": "File:B.jpg"}, {"ns": 14, "title": "Category:Top"}]}}


def _tree(recorded: Recorded) -> None:
    recorded.add(lambda p, q: q.get("cmtitle") == "Category:Top", (200, {}, TOP))
    recorded.add(lambda p, q: q.get("cmtitle") == "Category:Sub", (200, {}, SUB))


def test_subcategories_to_a_stated_depth(api, tmp_path: Path) -> None:
    root, recorded = api
    _tree(recorded)
    client = Client(api_root=root, polite=Politeness(min_interval=0))
    assert mediawiki.category_files(client, "Top", 0) == ["A.jpg"]
    assert mediawiki.category_files(client, "Top", 1) == ["A.jpg", "B.jpg"]
    assert mediawiki.category_files(client, "Top", 5) == ["A.jpg", "B.jpg"]  # the loop back to Top is cut
    kinds = [q["cmtype"] for _, q in recorded.log]
    assert kinds[0] == "file" and kinds[1] == "file|subcat"


def test_usage_max_age_zero_bypasses_the_cache(api, tmp_path: Path) -> None:
    root, recorded = api
    _tree(recorded)
    client = Client(api_root=root, cache_dir=tmp_path / "cache", polite=Politeness(min_interval=0))
    mediawiki.category_files(client, "Top", 0, listing_ttl(7))
    mediawiki.category_files(client, "Top", 0, listing_ttl(7))
    assert (client.requests_made, client.cache_hits) == (1, 1)
    mediawiki.category_files(client, "Top", 0, listing_ttl(0))
    assert (client.requests_made, client.cache_hits) == (2, 1)


def test_collect_with_usage_max_age_zero_asks_usage_again(collected, collect_again) -> None:
    _, recorded, root = collected
    before = len(recorded.log)
    again = collect_again(root, "--usage-max-age", "0")
    assert again["usage_checked"] == 3
    assert any(q.get("prop") == "globalusage" for _, q in recorded.log[before:])


def test_category_membership_is_taken_per_month(store: Store) -> None:
    db.add_files(store, ["A.jpg", "B.jpg"], "category:Top")
    db.record_membership(store, "Top", ["2025-01", "2025-02"], ["A.jpg", "B.jpg"], 1)
    db.record_membership(store, "Top", ["2025-03"], ["A.jpg"], 1)  # B left the category
    for file in ("A.jpg", "B.jpg"):
        db.record_usage(store, file, [("en.wikipedia", f"Page_{file}", 0, None, "article")], "2025-01-10T00:00:00Z")
    use = usage_by_month(store, ["2025-01", "2025-02", "2025-03"])
    assert use.files_in_use_monthly("article") == [("2025-01", 2, 2), ("2025-02", 2, 2), ("2025-03", 1, 1)]
    assert use.pages("article")[("en.wikipedia", "Page_B.jpg")] == {"2025-01", "2025-02"}
    assert use.depths == {"Top": 1}
    f = compute(store, "2025-01", "2025-03")
    assert f.files == 1 and f.unused_files == []


def test_wikidata_commons_and_sister_pages_are_not_articles(store: Store) -> None:
    uses = [
        ("en.wikipedia", "Mona_Lisa", 0),
        ("www.wikidata", "Q12418", 0),  # an item, not an article
        ("commons.wikimedia", "Mona_Lisa", 0),  # a gallery
        ("en.wikisource", "The_Mona_Lisa", 0),  # stated apart
        ("en.wikipedia", "Talk:Mona_Lisa", 1),
    ]
    db.add_files(store, ["Mona_Lisa.jpg"], "list")
    rows = [(w, t, ns, None, page_kind(w, ns)) for w, t, ns in uses]
    db.record_usage(store, "Mona_Lisa.jpg", rows, "2025-01-10T00:00:00Z")
    assert db.articles_in_use(store) == [("en.wikipedia", "Mona_Lisa"), ("en.wikisource", "The_Mona_Lisa")]
    with store.transaction():
        for wiki, title, _ in uses:
            db.record_views(store, wiki, title, "monthly", "user", [("2025-01", 100)], "api")
            db.record_coverage(store, "pageviews", f"{wiki}|{title}", "user", "2025-01", "2025-01")
    f = compute(store, "2025-01", "2025-01")
    assert f.total_views == 100 and f.articles_in_use == 1 and f.wikis == 1
    assert [w for w, _, _ in f.per_wiki] == ["en.wikipedia"]
    assert f.content_views == 100 and [w for w, _, _ in f.content_per_wiki] == ["en.wikisource"]
    assert f.other_pages_in_use == 3


GU = {
    "query": {
        "pages": [
            {
                "ns": 6,
                "title": "File:Mona Lisa.jpg",
                "globalusage": [
                    {"title": "Mona_Lisa", "wiki": "en.wikipedia.org", "pageid": "70889", "ns": "0"},
                    {"title": "La_Joconde", "wiki": "fr.wikipedia.org", "pageid": "1"},
                    {"title": "Gioconda", "wiki": "it.wikipedia.org", "ns": "zero"},
                ],
            }
        ]
    }
}


def test_usage_entry_without_ns_is_a_recorded_problem(api, cli: CliRunner, project: Project, tmp_path: Path) -> None:
    root, recorded = api
    recorded.add(lambda p, q: q.get("prop") == "globalusage", (200, {}, GU))
    files = tmp_path / "files.txt"
    files.write_text("File:Mona Lisa.jpg\n", encoding="utf-8")
    args = ["reach", "collect", "--files", str(files), "--from", "2025-01", "--to", "2025-01", "--no-media", "--json"]
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0", **FAST}
    result = cli.invoke(glamwiki_cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert len(summary["problems"]) == 2 and "missing ns" in summary["problems"][0]
    assert "is not a number" in summary["problems"][1]
    with project.open_store() as store:
        assert db.articles_in_use(store) == [("en.wikipedia", "Mona_Lisa")]
        assert [p[1] for p in db.problems(store)] == ["globalusage", "globalusage"]
    report = cli.invoke(glamwiki_cli, ["reach", "report", "--from", "2025-01", "--to", "2025-01", "--output",
                                       str(tmp_path / "r")])  # fmt: skip
    assert report.exit_code == 0, report.output
    html = (tmp_path / "r" / "reach-report.html").read_text(encoding="utf-8")
    assert "Answers that could not be read (2)" in html and "Gioconda" in html


def test_nothing_collected_is_not_zero_views(cli: CliRunner, project: Project, tmp_path: Path) -> None:
    with project.open_store() as store:
        db.add_files(store, ["Mona_Lisa.jpg"], "list")
    args = ["reach", "report", "--from", "2025-01", "--to", "2025-03", "--output", str(tmp_path / "r")]
    result = cli.invoke(glamwiki_cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total_views"] is None and data["collected"] is False
    assert [m[3] for m in data["monthly"]] == ["not collected"] * 3 and all(m[1] is None for m in data["monthly"])
    html = (tmp_path / "r" / "reach-report.html").read_text(encoding="utf-8")
    assert "Nothing has been collected yet" in html and "0 views" not in html
    assert "No gaps" not in html
    text = cli.invoke(glamwiki_cli, args)
    assert "Nothing collected yet" in text.output and "0 views" not in text.output


def test_files_in_use_per_upload_batch(store: Store) -> None:
    with store.transaction():
        for item, (title, batch) in enumerate(
            [("File:A b.jpg", "gw-1"), ("File:C.jpg", "gw-1"), ("File:D.jpg", "gw-2")]
        ):
            store.execute(
                "INSERT INTO publish_plan(item_id, dataset, record_id, status) VALUES (?, 'd', ?, 'planned')",
                (item, str(item)),
            )
            store.execute(
                "INSERT INTO publish_state(target, item_id, state, title, batch) VALUES ('t', ?, 'done', ?, ?)",
                (item, title, batch),
            )
    db.add_files(store, ["A_b.jpg", "C.jpg", "D.jpg"], "project")
    db.record_usage(store, "A_b.jpg", [("en.wikipedia", "X", 0, None, "article")], "2025-01-10T00:00:00Z")
    f = compute(store, "2025-01", "2025-01")
    assert f.files_in_use_by_source == [("upload batch gw-1", 1, 2), ("upload batch gw-2", 0, 1)]
    assert f.unused_files == ["C.jpg", "D.jpg"] and f.files_in_use_monthly == [("2025-01", 1, 3)]


def test_usage_counts_from_when_it_was_seen(store: Store) -> None:
    """Usage at a file's first check holds for the months before; later usage from its month; gone usage
    until the month it was last seen."""
    db.add_files(store, ["A.jpg"], "list")
    db.record_usage(store, "A.jpg", [("en.wikipedia", "First", 0, None, "article")], "2025-03-10T00:00:00Z")
    both = [("en.wikipedia", "First", 0, None, "article"), ("en.wikipedia", "Later", 0, None, "article")]
    db.record_usage(store, "A.jpg", both, "2025-05-10T00:00:00Z")
    db.record_usage(store, "A.jpg", both[1:], "2025-07-10T00:00:00Z")  # First stopped showing it
    pages = usage_by_month(store, [f"2025-{m:02d}" for m in range(1, 10)]).pages("article")
    assert pages[("en.wikipedia", "First")] == {f"2025-{m:02d}" for m in range(1, 8)}
    assert pages[("en.wikipedia", "Later")] == {f"2025-{m:02d}" for m in range(5, 10)}
