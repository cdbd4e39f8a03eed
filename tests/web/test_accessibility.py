"""The main pages checked by axe-core (WCAG 2.1 A and AA rules) in a real Chromium against a real
server: no serious or critical violation on any of them. A page added to the workspace is one line
of PAGES (path, the role that sees it)."""

from __future__ import annotations

import time

import pytest

from glamwiki.project import Project
from glamwiki.store import jobs

from .axe import assert_accessible, axe_source, violations
from .cdp import browser
from .conftest import Site
from .samples import some_jobs
from .test_journey import login
from .test_links import queued  # noqa: F401  (the fixture: people waiting in the link queue)
from .test_wikidata_queue import prepare_items

PAGES = [
    ("/", "curator"),
    ("/stage/intake", "curator"),
    ("/stage/rights", "curator"),
    ("/stage/links", "curator"),
    ("/stage/publishing", "curator"),
    ("/stage/reach", "curator"),
    ("/record?id=tate:N01567", "curator"),
    ("/rights/queue", "curator"),
    ("/rights/queue/creator_death_year", "curator"),
    ("/rights/queue/publication_year", "viewer"),
    ("/links", "curator"),
    ("/uploads", "admin"),
    ("/uploads", "viewer"),
    ("/jobs", "admin"),
    ("/admin/users", "admin"),
    ("/admin/users", "curator"),  # 403
    ("/stage/nowhere", "curator"),  # 404
    ("/record?id=tate:nothing", "curator"),  # 404
    ("/no/such/page", "curator"),  # 404 of no route
    ("/reports", "viewer"),
    ("/reports?month=2026-10", "viewer"),
    ("/reports/programme", "viewer"),
    ("/me", "curator"),
    ("/projects", "curator"),
    ("/programme", "admin"),
    ("/wikidata", "admin"),
    ("/wikidata", "viewer"),
]


@pytest.fixture(scope="module")
def busy(queued: Project) -> Project:  # noqa: F811
    """The demo with people in the link queue, new items to review, one job running and one finished."""
    some_jobs(queued)
    prepare_items(queued)
    return queued


def test_login_page_has_no_serious_violation(site: Site) -> None:
    axe_source()
    with browser() as tab:
        assert_accessible(tab, site.url + "/login")


@pytest.mark.parametrize("role", sorted({role for _, role in PAGES}))
def test_main_pages_have_no_serious_violation(busy: Project, site: Site, role: str) -> None:
    axe_source()
    found = []
    with browser() as tab:
        login(tab, site.url, role)
        for path, who in PAGES:
            if who == role:
                found += [v for v in violations(tab, site.url + path) if v.impact in ("serious", "critical")]
    assert not found, "accessibility violations:\n" + "\n".join(map(str, found))


def test_the_check_finds_a_real_violation(site: Site) -> None:
    """The check can fail: an unlabelled field and an image without text on a page are caught."""
    axe_source()
    with browser() as tab:
        tab.goto(site.url + "/login")
        tab.js("document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=bare><img src=x.png>')")
        with pytest.raises(AssertionError) as caught:
            assert_accessible(tab)
        assert "label" in str(caught.value) and "image-alt" in str(caught.value) and "/login" in str(caught.value)


def test_the_report_page_has_no_serious_violation(demo: Project) -> None:
    """The demo's report.html (the same sections and charts as the stage dashboards), opened as a file."""
    axe_source()
    report = demo.root / "report.html"
    assert report.is_file()
    with browser() as tab:
        assert_accessible(tab, report.resolve().as_uri())


def _said(tab, text: str, timeout: float = 10) -> str:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while text not in (said := str(tab.js("document.getElementById('jobs-status').textContent"))):
        assert time.monotonic() < end, f"the status line never said {text!r}, it says {said!r}"
        time.sleep(0.1)
    return said


def test_job_progress_is_said_by_a_polite_status_line(site: Site) -> None:
    """Screen readers hear a running job's progress in steps of 10 %, and only when it changes."""
    with site.project.open_store() as store:
        job = jobs.start(store, "publish", {"dataset": "tate"}, total=200, worker="a11y-worker:2")
        jobs.progress(store, job, 10)
    with browser() as tab:
        login(tab, site.url, "viewer")
        tab.goto(site.url + "/jobs")
        assert tab.js("document.getElementById('jobs-status').getAttribute('role')") == "status"
        assert f"Job {job} (publish): running, 0 %." in _said(tab, f"Job {job} ")
        status = "document.getElementById('jobs-status')"
        watch = "{childList: true, subtree: true, characterData: true}"
        tab.js(f"window.changes = 0; new MutationObserver(() => window.changes++).observe({status}, {watch})")
        with site.project.open_store() as store:
            jobs.progress(store, job, 70)
        _said(tab, f"Job {job} (publish): running, 30 %.")
        changed = tab.js("window.changes")
        time.sleep(4.5)  # two redraws of the table with nothing new to say
        assert tab.js("window.changes") == changed == 1
        with site.project.open_store() as store:
            jobs.finish(store, job, jobs.DONE, "sent")
        end = time.monotonic() + 10
        while f"Job {job} " in _said(tab, ""):  # said no more once it has ended
            assert time.monotonic() < end, "the ended job is still said to run"
            time.sleep(0.1)
