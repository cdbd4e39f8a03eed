"""The funder report pages (/reports, /reports/programme) on a real server over a real project store
(two residencies' worth of uploads, usage, views and events, from tests/report/test_funder.py): the
figures in the page for a viewer, the downloads' headers, the period form, and a real Chromium
drawing the monthly views chart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import closing

import pytest

from glamwiki.project import Project
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.web.auth import create_user

from ..report.test_funder import HOSTILE, _event, _two_residencies
from .cdp import browser
from .conftest import PASSWORDS, logged_in, running


@pytest.fixture(scope="module")
def tate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Project]]:
    project, _ = _two_residencies(tmp_path_factory.mktemp("reports"))
    with project.open_store() as store:
        store.execute("UPDATE publish_state SET target = ?", (COMMONS_API,))  # the web's default target
        create_user(store, "viewer", "viewer", PASSWORDS["viewer"])
        _event(store, HOSTILE, "2026-10-02T00:00:00Z", ["Zed"], [])
    with running(project) as url:
        yield url, project


def test_a_viewer_reads_the_month_and_downloads_it(tate: tuple[str, Project]) -> None:
    url, project = tate
    with closing(logged_in(url, "viewer")) as client:
        page = client.get("/reports", params={"month": "2026-10"})
        assert page.status_code == 200
        html = page.text
        assert "Residency report" in html and "views of Wikipedia articles showing the files, 2026-10" in html
        assert "<b>57</b>" in html and "not measured" in html and "<svg" in html
        assert "{{Delete}} [[Category:X]] |} &lt;script&gt;x&lt;/script&gt;" in html  # the event name, escaped
        assert 'href="/reports/download?month=2026-10&amp;format=csv"' in html
        downloads = {}
        for fmt, kind, ext in (
            ("csv", "text/csv", "csv"),
            ("wikitext", "text/plain", "wiki"),
            ("html", "text/html", "html"),
        ):
            got = client.get("/reports/download", params={"month": "2026-10", "format": fmt})
            assert got.status_code == 200
            assert got.headers["content-type"] == f"{kind}; charset=utf-8"
            name = f"residency-{project.name.lower()}-2026-10.{ext}"
            assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
            downloads[fmt] = got.text
        rows = {r["figure"]: r["value"] for r in csv.DictReader(io.StringIO(downloads["csv"], newline=""))}
        assert (rows["views"], rows["uploads_total"], rows["new_editors"]) == ("57", "3", "not measured")
        assert "&#123;&#123;Delete&#125;&#125;" in downloads["wikitext"] and "{{Delete}}" not in downloads["wikitext"]
        assert downloads["html"].lower().startswith("<!doctype html>") and "<svg" in downloads["html"]
        year = client.get("/reports", params={"year": "2026"}).text
        assert "views of Wikipedia articles showing the files, 2026" in year and "<b>157</b>" in year
        span = client.get("/reports", params={"from": "2026-09", "to": "2026-10"}).text
        assert "2026-09 to 2026-10" in span and "<b>157</b>" in span
        assert 'href="/reports/download?from=2026-09&amp;to=2026-10&amp;format=wikitext"' in span


def test_the_programme_page_on_the_embedded_default_is_the_one_project(tate: tuple[str, Project]) -> None:
    url, _ = tate
    with closing(logged_in(url, "viewer")) as client:
        page = client.get("/reports/programme", params={"month": "2026-10"})
        assert page.status_code == 200 and "Programme report" in page.text and "<b>57</b>" in page.text
        got = client.get("/reports/programme/download", params={"month": "2026-10", "format": "csv"})
        assert got.headers["content-disposition"].startswith('attachment; filename="programme-')
        assert "programme," in got.text


def test_a_wrong_period_or_format_is_refused_and_logged_out_users_sent_to_login(tate: tuple[str, Project]) -> None:
    url, _ = tate
    with closing(logged_in(url, "viewer")) as client:
        assert client.get("/reports", params={"month": "October"}).status_code == 400
        assert client.get("/reports", params={"month": "2026-10", "year": "2026"}).status_code == 400
        assert client.get("/reports/download", params={"month": "2026-10", "format": "xlsx"}).status_code == 404
    with closing(logged_in(url, "viewer")) as client:
        client.cookies.clear()
        response = client.get("/reports/download", params={"month": "2026-10", "format": "csv"})
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")


def test_the_report_page_draws_the_chart_in_chromium(tate: tuple[str, Project]) -> None:
    url, _ = tate
    with browser() as tab:
        tab.goto(url + "/login")
        tab.submit({"input[name=username]": "viewer", "input[name=password]": PASSWORDS["viewer"]}, "#login")
        tab.goto(url + "/")
        tab.goto(url + "/reports")  # the nav's link; then the form chooses the month
        tab.submit({"input[name=month]": "2026-10"}, "#by-month button")
        assert tab.url().endswith("/reports?month=2026-10")
        circles = tab.js("document.querySelectorAll('#views svg circle').length")
        box = tab.js("JSON.stringify(document.querySelector('#views svg').getBoundingClientRect())")
        assert circles == 2, circles  # September and October have views; the months before none collected
        assert '"width":0' not in box
        assert tab.js("window.__xss === undefined")
        assert "not measured" in tab.text()
        tab.goto(url + "/reports/programme?year=2026")
        assert tab.js("document.querySelectorAll('#views svg circle').length") == 2
        assert (
            "Programme report" in tab.text()
            and tab.js("document.querySelector('nav.stages [aria-current]').textContent") == "Programme"
        )
