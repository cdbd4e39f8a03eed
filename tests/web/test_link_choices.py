"""The link queue's other candidates and "none of these: propose a new item", in a real Chromium and
over HTTP: a curator accepts another candidate than the best (its QID recorded), or marks a person for
a new Wikidata item (the link rejected and a "new_item" decision event, both with the web user as
actor); a viewer may not; a candidate the run did not keep, a missing CSRF token and a decision made
meanwhile are refused with nothing written."""

from __future__ import annotations

from glamwiki.project import Project
from glamwiki.store import decisions as ev
from glamwiki.store import linking as db

from .cdp import browser
from .conftest import Site, logged_in, token
from .test_journey import login
from .test_links import _verdicts, queued  # noqa: F401  (queued: the fixture, the demo with people to link)


def _proposed(project: Project) -> dict[str, tuple[str, str]]:
    with project.open_store() as store:
        return {e.subject: (e.value, e.actor) for e in ev.latest_of_field(store, "link", "new_item")}


def test_curator_accepts_another_candidate_or_proposes_a_new_item(queued: Project, site: Site) -> None:  # noqa: F811
    smith, turner = 'section[data-person="lk:L2"]', 'section[data-person="lk:L1"]'
    with browser() as tab:
        login(tab, site.url, "curator")
        tab.goto(site.url + "/links")
        assert tab.js(f"document.querySelector('{smith} details.others summary').textContent") == "2 other candidates"
        tab.js(f"document.querySelector('{smith} details.others').open = true")
        others = tab.js(f"document.querySelector('{smith} details.others').innerText")
        assert "Q2010" in others and "1801–1870" in others and "birth: within 5 years" in others
        assert "p=0.10" in others and "Q2110" in others and "1790–" in others
        done = tab.submit({}, f'{smith} div.other[data-candidate="Q2010"] button.accept-other')
        assert "lk:L2: accepted." in done and 'data-person="lk:L2"' not in done
        done = tab.submit({f"{turner} input[name=note]": "not this Turner"}, f"{turner} button.propose")
        assert "lk:L1: none of the candidates fits; proposed for a new item." in done
        assert 'data-person="lk:L1"' not in done
    verdicts = _verdicts(queued)
    assert verdicts["L2"] == ("accept", "Q2010", "curator")
    assert verdicts["L1"] == ("reject", "", "curator")
    assert _proposed(queued)["L1"] == ("proposed", "curator")
    with queued.open_store() as store:
        reject, proposal = ev.history(store, "link", "lk", "L1")[-2:]
        assert (reject.field, reject.value, reject.reason) == ("wikidata", "reject", "not this Turner")
        assert (proposal.field, proposal.value) == ("new_item", "proposed")


def _form(page: str, person: str, verdict: str, version: str = "0", **extra: str) -> dict[str, str]:
    return {"csrf_token": token(page), "dataset": "lk", "person": person, "authority": "wikidata",
            "verdict": verdict, "version_seen": version, **extra}  # fmt: skip


def test_viewers_forged_candidates_and_missing_csrf_are_refused(queued: Project, site: Site) -> None:  # noqa: F811
    before, proposed = _verdicts(queued), _proposed(queued)
    viewer = logged_in(site.url, "viewer")
    page = viewer.get("/links")
    assert page.status_code == 200 and 'class="propose"' not in page.text and 'class="accept-other"' not in page.text
    assert viewer.post("/links", data=_form(page.text, "L3", "new_item")).status_code == 403
    viewer.close()
    curator = logged_in(site.url, "curator")
    page = curator.get("/links")
    forged = curator.post("/links", data=_form(page.text, "L3", "accept", candidate="Q42"))
    assert forged.status_code == 400 and "not a candidate of lk:L3" in forged.text
    no_token = {k: v for k, v in _form(page.text, "L3", "new_item").items() if k != "csrf_token"}
    assert curator.post("/links", data=no_token).status_code == 403
    curator.close()
    assert _verdicts(queued) == before and _proposed(queued) == proposed


def test_a_proposal_on_a_link_decided_meanwhile_is_refused(queued: Project, site: Site) -> None:  # noqa: F811
    curator = logged_in(site.url, "curator")
    page = curator.get("/links")
    with queued.open_store() as store:  # someone else answers it meanwhile
        db.save_decision(store, "lk", "L3", "wikidata", "accept", "Q455445", "Q455445", decided_by="bob")
    refused = curator.post("/links", data=_form(page.text, "L3", "new_item"))
    curator.close()
    assert refused.status_code == 409 and "decided meanwhile" in refused.text and "bob" in refused.text
    assert _verdicts(queued)["L3"] == ("accept", "Q455445", "bob")
    assert "L3" not in _proposed(queued)
