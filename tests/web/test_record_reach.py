"""The record page's planned Commons page read as Commons lays it out (fields, licence, categories,
structured data with property names) and the reach of the record's uploaded files: where each is
shown and the views of the articles showing it, by the reach report's own rules (issue 14: "a record
page with everything about one record ... upload result, usage and views")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glamwiki.project import Project
from glamwiki.reach.file_reach import file_reach
from glamwiki.store import Store, reach
from glamwiki.store import publishing as pub
from glamwiki.web.pageview import planned_page

from .cdp import browser
from .conftest import PASSWORDS, running

WIKI = "http://127.0.0.1:1/w/api.php"  # where the upload went (never contacted)


def _views(store: Store, file: str) -> None:
    """The file on two articles since September: Ada's views from the API for Sept and Oct; Kew's
    October from a monthly dump only, its September never collected (a gap, not zero)."""
    reach.add_files(store, [file], "project")
    with store.transaction():
        reach.record_usage(store, file, [("en.wikipedia", "Ada_Lovelace", 0, 1, "article"),
                                         ("en.wikipedia", "Kew", 0, 2, "article"),
                                         ("www.wikidata", "Q7259", 0, 3, "other")], "2026-09-03T00:00:00Z")  # fmt: skip
        reach.record_views(
            store, "en.wikipedia", "Ada_Lovelace", "monthly", "user", [("2026-09", 100), ("2026-10", 50)], "api"
        )
        reach.record_coverage(store, "pageviews", "en.wikipedia|Ada_Lovelace", "user", "2026-09", "2026-10")
        reach.record_views(store, "en.wikipedia", "Ada_Lovelace", "monthly", "spider", [("2026-10", 999)], "api")
        store.execute(
            "INSERT INTO reach_dump_counts(path, kind, wiki, title, granularity, period, agent, count)"
            " VALUES ('pageviews-202610-user.bz2', 'pageviews', 'en.wikipedia', 'Kew', 'monthly', '2026-10', 'user', 7)"
        )
        reach.record_coverage(store, "pageviews", "*dump*", "user", "2026-10", "2026-10")


def test_a_files_reach_follows_the_reports_rules(tmp_path: Path) -> None:
    from glamwiki.project import init_project

    project = init_project(tmp_path / "p", institution="Test")
    with project.open_store() as store:
        assert file_reach(store, ["File:Portrait.jpg"])[0].total_views is None  # nothing collected: not zero
        _views(store, "Portrait.jpg")
        (found,) = file_reach(store, ["File:Portrait.jpg"])
    assert found.measured and found.articles_now == 2 and len(found.uses) == 3
    months = dict((m, (v, s)) for m, v, s in found.monthly)
    assert months["2026-10"] == (57, "complete")  # 50 (API, user agents only) + 7 (dump), each article once
    assert months["2026-09"] == (100, "lower bound")  # Kew's September was never collected
    # usage found at the first check is taken to hold before it (the report's rule); August was never
    # collected for either article: unknown, not zero
    assert months["2026-08"] == (None, "not collected")
    assert found.total_views == 157 and len(found.monthly) == 12


def test_the_planned_page_reads_as_commons_shows_it(demo: Project) -> None:
    with demo.open_store() as store:
        item = next(i for i in pub.iter_plan(store, pub.PLANNED) if i.sdc_data.get("claims"))
    page = planned_page(item)
    fields = dict(page.fields)
    assert fields and "{{" not in "".join(fields.values())  # values as text, templates read
    assert page.categories and all(not c.lower().startswith("category:") for c in page.categories)
    names = {name for _, name, _ in page.statements}
    assert {"creator", "copyright status", "inception"} <= names, names
    assert all(pid.startswith("P") for pid, _, _ in page.statements)


@pytest.fixture(scope="module")
def uploaded(demo: Project) -> tuple[Project, str, str]:
    """One demo record marked uploaded, its file shown on two articles with views."""
    with demo.open_store() as store:
        item = next(pub.iter_plan(store, pub.PLANNED))
        title = f"File:{item.title}"
        pub.put_state(store, pub.FileState(WIKI, item.item_id, "done", title=title))
        _views(store, item.title.replace(" ", "_"))
    return demo, f"{item.dataset}:{item.record_id}", item.title


def test_the_record_page_shows_the_rendered_page_usage_and_views(uploaded: tuple[Project, str, str]) -> None:
    project, record, title = uploaded
    with running(project) as url, browser() as tab:
        tab.goto(url + "/login")
        tab.submit({"input[name=username]": "viewer", "input[name=password]": PASSWORDS["viewer"]}, "#login")
        html = tab.goto(f"{url}/record?id={record}")
        text = tab.text()
    assert "As the file page shows it" in text and "Structured data" in text
    reach_part = html[html.index('id="reach"') :]
    assert "Ada Lovelace" in reach_part and "Kew" in reach_part and "Q7259" in reach_part
    assert re.search(r"<b>157</b>", reach_part)  # the two articles' user views, each once
    assert "lower bound" in reach_part and "<svg" in reach_part
    assert title in text
