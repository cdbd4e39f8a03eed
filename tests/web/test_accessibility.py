"""The main pages checked by axe-core (WCAG 2.1 A and AA rules) in a real Chromium against a real
server: no serious or critical violation on any of them. A page added to the workspace is one line
of PAGES (path, the role that sees it)."""

from __future__ import annotations

import pytest

from glamwiki.project import Project

from .axe import assert_accessible, axe_source, violations
from .cdp import browser
from .conftest import Site
from .samples import some_jobs
from .test_journey import login
from .test_links import queued  # noqa: F401  (the fixture: people waiting in the link queue)

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
]


@pytest.fixture(scope="module")
def busy(queued: Project) -> Project:  # noqa: F811
    """The demo with people in the link queue, one job running and one finished."""
    some_jobs(queued)
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
