"""The upload approval queue in a real Chromium against a real server: planned files paged 25 at a
time and filtered by batch and approval; a resident approves a page and a whole batch as decision
events with the web user as actor; a decision made meanwhile by someone else is shown, not
overwritten; curators and viewers may not approve (403)."""

from __future__ import annotations

import re

import pytest

from glamwiki.project import Project
from glamwiki.store.approvals import REJECTED, approval_counts, approval_rows, decide_uploads
from glamwiki.store.decisions import history
from glamwiki.store.publishing import save_plan
from glamwiki.web.auth import create_user

from .cdp import browser
from .conftest import PASSWORDS, Site, logged_in, token

EXTRA = 30  # planned files of a second batch, more than a page
RESIDENT = ("rita", "resident-pass-1234")


@pytest.fixture(scope="module")
def planned(demo: Project) -> Project:
    rights = '{"decision": "upload", "templates": ["{{PD-old-100}}"], "reasons": []}'
    items = [{"dataset": "extra", "record_id": f"X{i:02d}", "status": "planned", "title": f"Extra <{i}> & co.jpg",
              "source_kind": "url", "source": f"http://127.0.0.1/x{i}.jpg", "rights": rights}
             for i in range(EXTRA)]  # fmt: skip
    with demo.open_store() as store:
        save_plan(store, items)
        create_user(store, RESIDENT[0], "resident", RESIDENT[1])
    return demo


def _login(tab, url: str, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(url + "/login")
    tab.submit({"input[name=username]": username, "input[name=password]": password}, "#login")


def _rows(tab) -> int:  # type: ignore[no-untyped-def]
    return int(tab.js("document.querySelectorAll('table.uploads tbody tr').length"))


def test_resident_approves_a_page_then_the_whole_batch(planned: Project, site: Site) -> None:
    with browser() as tab:
        _login(tab, site.url, *RESIDENT)
        html = tab.goto(site.url + "/uploads?dataset=extra")
        assert _rows(tab) == 25 and "page 1 of 2" in html
        assert "Extra &lt;0&gt; &amp; co.jpg" in html and "{{PD-old-100}}" in tab.text()
        assert "http://127.0.0.1/x0.jpg" in tab.text()
        tab.js("document.querySelector('nav.pager a').click()")  # htmx: page 2 in place
        for _ in range(50):
            if "page 2 of 2" in tab.text():
                break
            tab.wait_a_little(0.1)
        assert _rows(tab) == EXTRA - 25 and "/uploads?dataset=extra" in tab.url()
        tab.goto(site.url + "/uploads?dataset=extra")
        assert tab.js("document.querySelector('#approve-page').accessKey") == "a"
        tab.tab_to("#approve-page")  # reachable from the keyboard
        done = tab.submit({"input[name=reason]": "checked against the catalogue"}, "#approve-page")
        assert "25 files changed." in done
        assert tab.js("[...document.querySelectorAll('td.verdict')].every(td => td.textContent === 'approved')")
        waiting = tab.goto(site.url + "/uploads?dataset=extra&status=waiting")
        assert _rows(tab) == EXTRA - 25 and "page 1 of 1" in waiting
        with planned.open_store() as store:
            events = history(store, "upload", "extra", "X00")
            assert [(e.value, e.actor, e.reason, e.source) for e in events] == [
                ("approved", "rita", "checked against the catalogue", "web")
            ]
            assert approval_counts(store)["approved"] == 25
        tab.goto(site.url + "/uploads")  # all batches: more than a page, so "approve all" is offered
        everything = tab.submit({}, "#approve-all")
        assert "changed." in everything
        with planned.open_store() as store:
            total, _ = approval_rows(store)
            assert approval_counts(store) == {"approved": total, "rejected": 0, "waiting": 0}


def test_a_decision_made_meanwhile_is_shown_not_overwritten(planned: Project, site: Site) -> None:
    with browser() as tab:
        _login(tab, site.url, "admin", PASSWORDS["admin"])
        tab.goto(site.url + "/uploads?dataset=extra&page=2")
        with planned.open_store() as store:  # someone else rejects a file of that page meanwhile
            _, rows = approval_rows(store, dataset="extra")
            decide_uploads(store, [rows[-1].file], REJECTED, "sam", "blurred scan")
            before = approval_counts(store)
        refused = tab.submit({}, "#approve-page")
        assert "decided meanwhile" in refused and "Nothing was written" in refused
        assert "sam" in tab.text()
        with planned.open_store() as store:
            assert history(store, "upload", "extra", rows[-1].record_id)[-1].actor == "sam"
            assert approval_rows(store, dataset="extra", verdict=REJECTED)[0] == 1
            assert approval_counts(store) == before  # nothing of the refused answer was written
        assert tab.js(f"document.querySelector('#item-{rows[-1].item_id}').dataset.verdict") == REJECTED


def test_curators_and_viewers_may_not_approve_uploads(planned: Project, site: Site) -> None:
    with planned.open_store() as store:
        before = approval_counts(store)
        _, rows = approval_rows(store, dataset="extra", limit=1)
    for role in ("curator", "viewer"):
        client = logged_in(site.url, role)
        page = client.get("/uploads?dataset=extra")
        assert page.status_code == 200 and 'id="approve-page"' not in page.text
        refused = client.post("/uploads", data={"csrf_token": token(page.text), "verdict": "rejected",
                                                "version_seen": "999999", "item": str(rows[0].item_id)})  # fmt: skip
        assert refused.status_code == 403
        client.close()
    with planned.open_store() as store:
        assert approval_counts(store) == before
    assert re.search(r"Upload approval", page.text)
