"""`glamwiki reach event` against recorded responses: edits, articles, bytes, references,
uploads and their usage, views afterwards, articles about women."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project
from glamwiki.reach.event import count_refs

pytestmark = pytest.mark.both_backends  # store-heavy: runs on SQLite and PostgreSQL

PV = "wikitech_Analytics-AQS-Pageviews__"


def route_event(recorded) -> None:
    en = lambda p: p.startswith("/en.wikipedia.org/w/api.php")  # noqa: E731
    commons = lambda p: p.startswith("/commons.wikimedia.org/w/api.php")  # noqa: E731
    # the participants' accounts (API:Users, usprop=registration) and their edits 7 days after the end
    recorded.add(lambda p, q: en(p) and q.get("list") == "users", "mediawiki.org_API-Users__registration.json")
    recorded.add(
        lambda p, q: q.get("list") == "usercontribs" and q.get("ucstart") == "2025-03-15T18:00:00Z",
        "mediawiki.org_API-Usercontribs__after_event.json",
    )
    recorded.add(
        lambda p, q: en(p) and q.get("list") == "usercontribs" and "uccontinue" in q,
        "mediawiki.org_API-Usercontribs__enwiki_page2.json",
    )
    recorded.add(
        lambda p, q: en(p) and q.get("list") == "usercontribs", "mediawiki.org_API-Usercontribs__enwiki_page1.json"
    )
    recorded.add(lambda p, q: en(p) and q.get("prop") == "revisions", "mediawiki.org_API-Revisions__content.json")
    recorded.add(lambda p, q: en(p) and q.get("prop") == "pageprops", "mediawiki.org_API-Pageprops__wikibase_item.json")
    recorded.add(lambda p, q: q.get("action") == "wbgetentities", "wikidata.org_API-wbgetentities__claims.json")
    recorded.add(
        lambda p, q: commons(p) and q.get("list") == "usercontribs",
        "mediawiki.org_API-Usercontribs__commons_uploads.json",
    )
    recorded.add(
        lambda p, q: commons(p) and q.get("prop") == "globalusage", "mediawiki.org_API-Globalusage__uploads.json"
    )
    recorded.add(
        lambda p, q: "/per-article/en.wikipedia/all-access/user/Ada_Kessler/daily/2025030900/2025031500" in p,
        PV + "per-article_daily_Ada_Kessler.json",
    )
    recorded.add(lambda p, q: "/per-article/" in p, (404, {}, PV + "not_found.json"))


def test_count_refs() -> None:
    assert count_refs('a<ref>x</ref> b<ref name="n"/> <REF name=z>q</REF> <references/>') == 3


def test_event_summary(cli: CliRunner, api, project: Project) -> None:
    root, recorded = api
    route_event(recorded)
    with project.open_store() as store:  # the linking stage matched a collection person to Ada Kessler's item
        store.execute(
            "INSERT INTO link_runs(id, dataset, authority, options, model, counts)"
            " VALUES (1, 'd', 'wikidata', '{}', '{}', '{}')"
        )
        store.execute(
            "INSERT INTO link_matches(dataset, person_id, authority, run_id, qid, probability, decision, evidence)"
            " VALUES ('d', 'p1', 'wikidata', 1, 'Q900001', 0.99, 'match', '{}')"
        )
    args = [
        "reach",
        "event",
        "--name",
        "Art+Feminism Leeds",
        "--participant",
        "Alice",
        "--participant",
        "Bob",
        "--start",
        "2025-03-08T09:00:00Z",
        "--end",
        "2025-03-08T18:00:00Z",
        "--wiki",
        "en.wikipedia",
        "--wiki",
        "commons.wikimedia",
        "--views-days",
        "7",
        "--json",
    ]
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0"}
    result = cli.invoke(glamwiki_cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    s = json.loads(result.stdout)
    assert (s["participants"], s["edits"], s["articles_created"], s["articles_improved"]) == (2, 4, 1, 2)
    assert s["bytes_added"] == 2400 + 300 + 500  # negative diffs do not subtract
    assert s["references_added"] == 2 + 2 + 1 + 0  # new page 2; Alice's second edit +2; Bob +1; a removal adds 0
    assert (s["files_uploaded"], s["uploads_in_use"], s["articles_using_uploads"]) == (2, 1, 2)
    assert s["views_after"] == sum(10 * d for d in range(9, 16))
    assert s["views_window"] == "2025-03-09 to 2025-03-15"
    assert (s["biographies"], s["about_women"], s["gender_share_women"]) == (2, 1, 0.5)
    assert s["about_collection_people"] == 1
    assert (s["new_editors"], s["retained_editors"]) == (1, 1)  # Alice registered a week before; edited in April
    q = next(q for _, q in recorded.log if q.get("list") == "usercontribs")
    assert q["ucuser"] == "Alice|Bob" and q["ucdir"] == "newer" and q["ucstart"] == "2025-03-08T09:00:00Z"
    with project.open_store() as store:
        assert store.scalar("SELECT COUNT(*) FROM reach_event_edits") == 4
        assert store.scalar("SELECT gender FROM reach_page_subjects WHERE title = 'Ada_Kessler'") == "Q6581072"


def test_event_needs_participants(cli: CliRunner) -> None:
    result = cli.invoke(glamwiki_cli, ["reach", "event", "--name", "x", "--start", "2025-01-01", "--end", "2025-01-02"])
    assert result.exit_code == 2 and "participants" in result.output
