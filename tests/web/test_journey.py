"""The main journey in a real Chromium against a real server: log in, the project page and the stage
dashboards, a rights group answered in bulk, the new decision on the record page."""

from __future__ import annotations

import re
from urllib.parse import unquote

from glamwiki.store.publishing import iter_plan
from glamwiki.store.rights import facts_for

from .cdp import browser
from .conftest import PASSWORDS, Site


def login(tab, url: str, username: str) -> str:  # type: ignore[no-untyped-def]
    tab.goto(url + "/login")
    return tab.submit({"input[name=username]": username, "input[name=password]": PASSWORDS[username]}, "#login")


def test_logged_out_user_is_sent_to_login_and_back(site: Site) -> None:
    with browser() as tab:
        tab.goto(site.url + "/rights/queue")
        assert "/login?next=" in tab.url()
        html = tab.submit({"input[name=username]": "viewer", "input[name=password]": PASSWORDS["viewer"]}, "#login")
        assert tab.url() == site.url + "/rights/queue"
        assert "grouped by the fact or presumption" in html


def test_curator_answers_a_rights_group_and_sees_the_decision(site: Site) -> None:
    with browser() as tab:
        html = login(tab, site.url, "curator")
        assert tab.url() == site.url + "/"
        for stage in ("Intake", "Rights", "Links and gaps", "Publishing", "Reach"):
            assert f">{stage}</a></h2>" in html
        assert "objects" in tab.text()  # the intake section's headline figures
        assert "<svg" in tab.goto(site.url + "/stage/rights")  # the report's chart, reused
        queue = tab.goto(site.url + "/rights/queue")
        assert 'href="/rights/queue/creator_death_year"' in queue
        group = tab.goto(site.url + "/rights/queue/creator_death_year")
        total = int(re.search(r"Answer all ([\d,]+) records", group).group(1).replace(",", ""))  # type: ignore[union-attr]
        first = unquote(re.search(r'href="/record\?id=([^"]+)"', group).group(1))  # type: ignore[union-attr]
        assert 'name="version_seen"' in group
        before = tab.goto(f"{site.url}/record?id={first}")
        assert re.search(r'class="decision">review<', before)
        tab.goto(site.url + "/rights/queue/creator_death_year")
        answer = {"input[name=value]": "1800", "input[name=basis]": "artist's death in the catalogue raisonné"}
        done = tab.submit(answer, "#answer")
        assert f"Answered {total} record{'' if total == 1 else 's'}." in done
        assert 'href="/rights/queue/creator_death_year"' not in done  # the group is gone from the queue
        tab.goto(site.url + "/")
        record = tab.submit({"input[name=id]": first}, "header form.search button")
        assert tab.url().startswith(site.url + "/record?id=")
        fact = r"<th scope=\"row\">creator_death_year</th><td>1800</td><td>web: curator: artist's death"
        assert re.search(fact, record)
        assert not re.search(r"Would be decided by: [^<]*creator_death_year", record)


def test_curator_approves_a_presumption_group_and_the_records_are_decided(site: Site) -> None:
    key = "presumption:unique-works-unpublished"
    with browser() as tab:
        login(tab, site.url, "curator")
        group = tab.goto(f"{site.url}/rights/queue/{key}")
        first = unquote(re.search(r'href="/record\?id=([^"]+)"', group).group(1))  # type: ignore[union-attr]
        done = tab.submit({"input[name=basis]": "museum policy: unique works exhibited, never published"}, "#answer")
        assert re.search(r"Answered [\d,]+ records?\.", done)
        record = tab.goto(f"{site.url}/record?id={first}")
        decision = re.search(r'class="decision">(\w+)<', record).group(1)  # type: ignore[union-attr]
        assert decision in ("upload", "block")
        assert "unique-works-unpublished" in record


def test_record_page_shows_source_plan_and_links(site: Site) -> None:
    with site.project.open_store() as store:
        item = next(iter_plan(store))
    with browser() as tab:
        login(tab, site.url, "viewer")
        html = tab.goto(f"{site.url}/record?id={item.dataset}:{item.record_id}")
        text = tab.text()
    assert "Source fields" in html and "read from" in html
    assert "As the file page shows it" in text  # the planned Commons page read as Commons lays it out
    assert item.wikitext.splitlines()[0] in html  # and its wikitext, folded under it
    assert item.title in text
    assert re.search(r'class="decision">(upload|block|review)<', html)
    assert "Not uploaded." in text  # the demo uploads nothing


def test_queue_pages_in_place_with_htmx(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "viewer")
        first = tab.goto(site.url + "/rights/queue/publication_year")
        pages = int(re.search(r"page 1 of (\d+)", first).group(1))  # type: ignore[union-attr]
        assert pages >= 2
        tab.js("document.querySelector('nav.pager a').click()")
        for _ in range(100):  # htmx swaps the rows in without loading a page
            if f"page 2 of {pages}" in tab.html():
                break
            tab.wait_a_little()
        assert f"page 2 of {pages}" in tab.html()
        assert tab.url().endswith("/rights/queue/publication_year?page=2")
        assert tab.js("document.querySelectorAll('h1').length") == 1  # rows only, not a page in a page


def test_a_group_no_fact_answers_has_no_answer_form(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        html = tab.goto(site.url + "/rights/queue/data_quality")
        assert "No single fact answers this group" in html and 'id="answer"' not in html


def test_ticked_records_only_get_the_answer(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        group = tab.goto(site.url + "/rights/queue/publication_year")
        ids = [unquote(i) for i in re.findall(r'href="/record\?id=([^"]+)"', group)]
        tab.js("document.querySelector('input[name=record]').checked = true")  # tick the first record only
        done = tab.submit({"input[name=value]": "1890", "input[name=basis]": "exhibition catalogue, 1890"}, "#answer")
        assert "Answered 1 record." in done
    with site.project.open_store() as store:
        answered = {i for i in ids if facts_for(store, *i.split(":", 1)).get("publication_year") == "1890"}
    assert answered == {ids[0]}


def test_a_group_can_be_answered_with_another_fact(site: Site) -> None:
    with browser() as tab:
        login(tab, site.url, "curator")
        group = tab.goto(site.url + "/rights/queue/publication_year")
        first = unquote(re.search(r'href="/record\?id=([^"]+)"', group).group(1))  # type: ignore[union-attr]
        tab.js("document.querySelector('input[name=record]').checked = true")
        answer = {
            "select[name=fact]": "published",
            "input[name=value]": "no",
            "input[name=basis]": "never left the studio",
        }
        assert "Answered 1 record." in tab.submit(answer, "#answer")
    with site.project.open_store() as store:
        facts = facts_for(store, *first.split(":", 1))
    assert facts.get("published") == "no" and "publication_year" not in facts
