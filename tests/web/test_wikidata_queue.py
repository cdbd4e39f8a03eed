"""The Wikidata writes queue in a real Chromium and over HTTP: prepared items shown as they would be
written (label, description, aliases, statements with references); a curator approves one and
rejects another (decision events with the web user as actor); an admin "approves and writes", which
queues a create-items job of the approved items (never a secret in its params); a viewer may not
review, a curator may not write, a missing CSRF token and a review made meanwhile are refused."""

from __future__ import annotations

import pytest

from glamwiki.linking.item_review import APPROVED
from glamwiki.linking.new_items import as_json, new_item, quickstatements
from glamwiki.linking.project_flow import NEW_ITEM, PROPOSED
from glamwiki.linking.wikidata.settings import profile_settings
from glamwiki.linking.wikidata.statements import Item
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person
from glamwiki.project import Project
from glamwiki.store import jobs
from glamwiki.store import linking as db
from glamwiki.store.decisions import Decision, latest_of_field, record

from .cdp import browser
from .conftest import Site, logged_in, token
from .test_journey import login

PEOPLE = [("10093", "Magdalena Abakanowicz", "Female", "1930"), ("20001", "Ann Example", "", "1901"),
          ("20002", "Bo Example", "", "1902"), ("20003", "Cy Example", "", "1903")]  # fmt: skip


def prepare_items(project: Project) -> None:
    """Four people's new items as `glamwiki link new-items` journals them; the first proposed in the link queue."""
    settings = profile_settings("tate")
    with project.open_store() as store:
        for pid, name, gender, year in PEOPLE:
            born = DateInterval(year, f"{year}-01-01", f"{year}-12-31")
            person = Person(id=pid, name=name, gender=gender, birth=born, nationality="Polish",
                            url=f"http://www.tate.org.uk/art/artists/x-{pid}")  # fmt: skip
            item = new_item("wq", person, settings)
            assert isinstance(item, Item)
            with store.transaction():
                db.journal_new_item(store, "wq", pid, name, as_json(item), quickstatements(item), "{}")
        record(store, Decision("link", "wq", "10093", NEW_ITEM, PROPOSED, {}, "curator"))


@pytest.fixture(scope="module")
def prepared(demo: Project) -> Project:
    prepare_items(demo)
    return demo


def _reviews(project: Project) -> dict[str, tuple[str, str]]:
    with project.open_store() as store:
        return {e.subject: (e.value, e.actor) for e in latest_of_field(store, "link", NEW_ITEM) if e.dataset == "wq"}


def test_curator_reviews_items_shown_as_written(prepared: Project, site: Site) -> None:
    first, second = 'section[data-item="wq/10093"]', 'section[data-item="wq/20001"]'
    with browser() as tab:
        login(tab, site.url, "curator")
        tab.goto(site.url + "/wikidata")
        shown = tab.js(f"document.querySelector('{first}').innerText")
        assert "Magdalena Abakanowicz" in shown and "Polish artist, born 1930" in shown
        assert "P569" in shown and "1930" in shown and "P248 (stated in): Q430682" in shown
        assert (
            "http://www.tate.org.uk/art/artists/x-10093" in shown and "proposed in the link queue by curator" in shown
        )
        assert tab.js("document.querySelector('button.approve-write')") is None  # a curator does not write
        done = tab.submit({}, f"{first} button.approve")
        assert "1 item approved." in done
        assert tab.js(f"document.querySelector('{first}').dataset.state") == APPROVED
        assert "approved by curator at" in tab.js(f"document.querySelector('{first} p.state').textContent")
        tab.submit({}, f"{second} button.reject")
    assert _reviews(prepared)["10093"] == (APPROVED, "curator")
    assert _reviews(prepared)["20001"] == ("rejected", "curator")


def test_admin_approves_and_writes_a_job_of_the_approved_items(prepared: Project, site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "admin")
        tab.goto(site.url + "/wikidata")
        done = tab.submit({}, "button.approve-write")
        assert "items approved." in done and "writes the approved items" in done
        job_id = int(tab.js("document.querySelector('p.message a').getAttribute('href').split('-')[1]"))
    with prepared.open_store() as store:
        job = jobs.get(store, job_id)
        assert job.kind == "create-items" and job.status == jobs.QUEUED
        assert job.params == {"approved_only": True, "by": "admin"}
    reviews = _reviews(prepared)
    assert reviews["10093"] == (APPROVED, "curator")  # approved already: nothing rewritten
    assert all(reviews[pid] == (APPROVED, "admin") for pid, *_ in PEOPLE[1:])


def _form(page: str, verdict: str, *items: str) -> dict[str, str | list[str]]:
    return {"csrf_token": token(page), "verdict": verdict, "item": list(items)}


def _write_jobs(project: Project) -> int:
    with project.open_store() as store:
        return sum(j.kind == "create-items" for j in jobs.list_jobs(store, None, 50))


def test_viewers_curators_writing_missing_csrf_and_stale_reviews_are_refused(prepared: Project, site: Site) -> None:
    with prepared.open_store() as store:  # bob reviews it after the page below was loaded (version 0 seen)
        record(store, Decision("link", "wq", "20002", NEW_ITEM, "rejected", {}, "bob"))
    before, written = _reviews(prepared), _write_jobs(prepared)
    viewer = logged_in(site.url, "viewer")
    page = viewer.get("/wikidata")
    assert page.status_code == 200 and 'class="approve"' not in page.text and "Cy Example" in page.text
    assert viewer.post("/wikidata", data=_form(page.text, "rejected", "0:wq:20003")).status_code == 403
    viewer.close()
    curator = logged_in(site.url, "curator")
    page = curator.get("/wikidata")
    write = {**_form(page.text, "", "0:wq:20003"), "write": APPROVED}
    assert curator.post("/wikidata", data=write).status_code == 403
    no_token = {k: v for k, v in _form(page.text, "approved", "0:wq:20002").items() if k != "csrf_token"}
    assert curator.post("/wikidata", data=no_token).status_code == 403
    stale = curator.post("/wikidata", data=_form(page.text, "approved", "0:wq:20002"))
    assert stale.status_code == 409 and "decided meanwhile" in stale.text and "bob" in stale.text
    assert "Nothing was written" in stale.text
    forged = curator.post("/wikidata", data=_form(page.text, "rejected", "0:wq:nobody"))
    assert forged.status_code == 400 and "No prepared item" in forged.text
    curator.close()
    assert _reviews(prepared) == before and _reviews(prepared)["20002"] == ("rejected", "bob")
    assert _write_jobs(prepared) == written
