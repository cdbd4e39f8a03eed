"""The review queues worked without a mouse, in a real Chromium with real key events (DevTools
Input.dispatchKeyEvent): a skip link first, a visible focus ring, Tab through every control in page
order with no trap, Space ticks, Enter sends and pages (the focus kept across htmx's redraw), the
access keys named on the page answer the queue."""

from __future__ import annotations

import time

import pytest

from glamwiki.project import Project
from glamwiki.store import linking
from glamwiki.store.approvals import approval_counts
from glamwiki.store.rights import facts_for
from glamwiki.web.auth import create_user

from .cdp import Tab, browser
from .conftest import PASSWORDS, Site
from .samples import plan_files
from .test_journey import login
from .test_links import queued  # noqa: F401  (the fixture: people waiting in the link queue)

RESIDENT = ("rosa", "resident-pass-1234")
FOCUSABLE = """[...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length)
  .filter(e => e.tagName === 'SUMMARY' || !e.closest('details:not([open])'))"""  # folded content: not reachable


@pytest.fixture(scope="module")
def planned(queued: Project) -> Project:  # noqa: F811
    """60 planned files in a batch of their own (3 pages: 25, 25, 10) and a resident to approve them."""
    plan_files(queued, "kb", 60)
    with queued.open_store() as store:
        create_user(store, RESIDENT[0], "resident", RESIDENT[1])
    return queued


def _until(tab: Tab, condition: str, timeout: float = 10) -> None:
    end = time.monotonic() + timeout
    while not tab.js(condition):
        assert time.monotonic() < end, f"never true: {condition}"
        time.sleep(0.05)


def _chord(tab: Tab, key: str) -> str:
    """Alt+key (an access key that submits a form): the DOM of the page it leads to."""
    tab.events.clear()
    tab.press(key, alt=True)
    tab.wait("Page.loadEventFired")
    return tab.html()


def test_skip_link_comes_first_and_the_focus_is_visible(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        tab.goto(site.url + "/rights/queue")
        tab.press("Tab")
        assert tab.js("document.activeElement.className") == "skip"
        assert tab.js("document.activeElement.getBoundingClientRect().left") >= 0  # shown once focused
        style = tab.js("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))")
        assert style[0] == "solid" and style[1] >= 2
        tab.press("Enter")
        assert tab.focused() == "main"
        tab.press("Tab")  # the next stop is the first link of the content, not the header's
        assert tab.js("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize(("path", "role"), [("/links", "curator"), ("/uploads?dataset=kb", "admin"),
                                            ("/rights/queue/publication_year", "curator")])  # fmt: skip
def test_tab_reaches_every_control_in_page_order_and_leaves(planned: Project, site: Site, path: str, role: str) -> None:
    with browser() as tab:
        login(tab, site.url, role)
        tab.goto(site.url + path)
        count = int(tab.js(f"{FOCUSABLE}.map((e, i) => e.dataset.kbd = i).length"))
        assert count > 5 and not tab.js("[...document.querySelectorAll('[tabindex]')].some(e => e.tabIndex > 0)")
        reached = []
        for _ in range(count + 2):
            tab.press("Tab")
            reached.append(tab.js("document.activeElement.dataset.kbd ?? null"))
        assert reached[:count] == [str(i) for i in range(count)]  # every control, once, in page order
        assert str(count - 1) not in reached[count:]  # past the last one the focus moves on: no trap


def test_link_queue_answered_with_access_keys(planned: Project, site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        page = tab.goto(site.url + "/links")
        assert "<kbd>A</kbd> accept the first person" in page and "Alt+Shift+key in Firefox" in page
        first = tab.js("document.querySelector('#link-1').dataset.person")
        done = _chord(tab, "a")
        assert f"{first}: accepted." in done
        second = tab.js("document.querySelector('#link-1').dataset.person")
        assert f"{second}: rejected." in _chord(tab, "r")
    with planned.open_store() as store:
        verdicts = {f"lk:{d['person_id']}": (d["verdict"], d["decided_by"]) for d in linking.decisions(store, "lk")}
    assert verdicts[first] == ("accept", "curator") and verdicts[second] == ("reject", "curator")


def test_rights_group_answered_from_the_keyboard(planned: Project, site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        page = tab.goto(site.url + "/rights/queue/publication_year")
        assert "<kbd>A</kbd> send the answer" in page
        tab.tab_to("input[name=value]")
        tab.type_text("1850")
        tab.press("Tab")
        assert tab.focused() == "input[basis]"
        tab.type_text("first edition in the catalogue raisonné")
        tab.tab_to("input[name=record]")  # the first record's tick box, after the form
        record = str(tab.js("document.activeElement.value"))
        tab.press("Space")
        assert tab.js("document.activeElement.checked") is True
        done = _chord(tab, "a")
        assert "Answered 1 record." in done
    with planned.open_store() as store:
        dataset, record_id = record.split(":", 1)
        facts = facts_for(store, dataset, record_id)
    assert facts["publication_year"] == "1850"


def test_pages_of_the_upload_queue_turned_with_enter_keep_the_focus(planned: Project, site: Site) -> None:
    with browser() as tab:
        tab.goto(site.url + "/login")
        tab.submit({"input[name=username]": RESIDENT[0], "input[name=password]": RESIDENT[1]}, "#login")
        tab.goto(site.url + "/uploads?dataset=kb&status=waiting")
        tab.tab_to("#page-next")
        tab.press("Enter")  # htmx draws page 2 in place; its own "next" link keeps the focus
        _until(tab, "document.body.innerText.includes('page 2 of 3')")
        _until(tab, "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")  # settled: live links
        assert tab.focused() == "page-next"
        tab.press("Enter")  # the last page has no "next": the focus goes to the new rows, not the top
        _until(tab, "document.body.innerText.includes('page 3 of 3')")
        _until(tab, "document.activeElement.id === 'uploads'")
        tab.press("Tab")
        assert tab.focused() == "input[reason]"
        done = _chord(tab, "a")  # approve the 10 files of page 3
        assert "10 files changed." in done
    with planned.open_store() as store:
        assert approval_counts(store)["approved"] == 10


def test_viewers_see_no_shortcuts_they_may_not_use(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "viewer")
        for path in ("/links", "/uploads", "/jobs", "/rights/queue/publication_year"):
            assert 'class="keys"' not in tab.goto(site.url + path), path
    assert PASSWORDS["viewer"]
