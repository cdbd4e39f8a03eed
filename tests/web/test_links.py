"""The link review queue in a real Chromium against a real server: a person beside the candidate
with the evidence; a curator accepts one and rejects another (decision events with the web user as
actor); an answer to a link decided meanwhile shows the StaleDecision message and writes nothing."""

from __future__ import annotations

import pytest

from glamwiki.project import Project
from glamwiki.store import decisions as ev
from glamwiki.store import linking as db

from .cdp import browser
from .conftest import Site, logged_in, token
from .samples import queue_links
from .test_journey import login


@pytest.fixture(scope="module")
def queued(demo: Project) -> Project:
    queue_links(demo)
    return demo


def _verdicts(project: Project) -> dict[str, tuple[str, str, str]]:
    with project.open_store() as store:
        return {d["person_id"]: (d["verdict"], d["qid"], d["decided_by"]) for d in db.decisions(store, "lk")}


def test_curator_answers_links_beside_the_evidence(queued: Project, site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        html = tab.goto(site.url + "/links")
        text = tab.text()
        assert "lk:L1" in text and "Q159758" in text and "J. M. W. Turner" in text and "1775–1851" in text
        assert "ulan:500012345" in text and "birth: same year" in text and "p=0.60" in text
        assert "death: missing" not in text  # as the terminal review shows it
        assert html.index("lk:L1") < html.index("lk:L2") < html.index("lk:L3")  # by score
        assert tab.js("document.querySelector('#link-1 button.accept').accessKey") == "a"
        tab.tab_to("#link-1 button.accept")  # reachable from the keyboard
        done = tab.submit({"#link-1 input[name=note]": "same dates, ULAN agrees"}, "#link-1 button.accept")
        assert "lk:L1: accepted." in done and 'data-person="lk:L1"' not in done
        done = tab.submit({}, "#link-1 button.reject")  # now John Smith (another man, other dates)
        assert "lk:L2: rejected." in done
    assert _verdicts(queued) == {"L1": ("accept", "Q159758", "curator"), "L2": ("reject", "", "curator")}
    with queued.open_store() as store:
        [event] = ev.history(store, "link", "lk", "L1")
        assert (event.actor, event.reason) == ("curator", "same dates, ULAN agrees")


def test_a_link_decided_meanwhile_shows_the_stale_message(queued: Project, site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        tab.goto(site.url + "/links")
        person = tab.js("document.querySelector('#link-1').dataset.person")
        pid = person.split(":", 1)[1]
        with queued.open_store() as store:  # someone else answers it meanwhile
            db.save_decision(store, "lk", pid, "wikidata", "reject", decided_by="bob", note="another painter")
        refused = tab.submit({}, "#link-1 button.accept")
        assert "decided meanwhile" in refused and "bob" in refused and "Nothing was written" in refused
    assert _verdicts(queued)[pid] == ("reject", "", "bob")


def test_viewers_may_not_answer_links(queued: Project, site: Site) -> None:
    before = _verdicts(queued)
    client = logged_in(site.url, "viewer")
    page = client.get("/links")
    assert page.status_code == 200 and 'class="accept"' not in page.text
    answer = {"csrf_token": token(page.text), "dataset": "lk", "person": "L3", "authority": "wikidata",
              "verdict": "accept", "version_seen": "0"}  # fmt: skip
    refused = client.post("/links", data=answer)
    assert refused.status_code == 403
    client.close()
    assert _verdicts(queued) == before
