"""Catalogue text written by others is shown as text on every page of the workspace: a record whose
title, creator and medium are hostile strings (markup, script, template syntax, a formula) is drawn
escaped in a real Chromium on the project page, the stage dashboards, the queue and the record page."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

from click.testing import CliRunner

from glamwiki.cli import cli as cli_app
from glamwiki.linking.project_flow import NEW_ITEM, PROPOSED
from glamwiki.project import Project
from glamwiki.rights.project import assess_project
from glamwiki.store import Store, jobs
from glamwiki.store import linking as links_db
from glamwiki.store.decisions import Decision, record
from glamwiki.store.publishing import save_plan
from glamwiki.store.runs import finish_run, start_run
from glamwiki.web.auth import create_user

from ..intake.helpers import write_csv, write_mapping
from ..test_hostile_text import FORMULAS
from .cdp import browser
from .conftest import running

HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> " \' & {{ 7*7 }} =1+1'
ROW_ID = "H.1<b>&'"


def test_hostile_catalogue_text_is_shown_escaped_on_every_page(
    cli: CliRunner, project: Project, tmp_path: Path
) -> None:
    formula = FORMULAS[1]  # a spreadsheet formula with a link, from the project's hostile-string corpus
    rows = [[ROW_ID, HOSTILE, "", formula, "", "", HOSTILE, "", HOSTILE, ""]]
    path = write_csv(tmp_path / "hostile.csv", rows)
    result = cli.invoke(cli_app, ["ingest", str(path), "--mapping", str(write_mapping(tmp_path)), "--dataset", "h"])
    assert result.exit_code == 0, result.output
    with project.open_store() as store:
        assess_project(store, date(2026, 1, 1))
        create_user(store, "cur", "curator", "cur-pass-12345")
        create_user(store, "res", "resident", "res-pass-12345")
        _hostile_work(store)
    with running(project) as url, browser() as tab:
        tab.goto(url + "/login")
        tab.submit({"input[name=username]": "cur", "input[name=password]": "cur-pass-12345"}, "#login")
        queue = tab.goto(url + "/rights/queue")
        groups = re.findall(r'href="(/rights/queue/[^"]+)"', queue)
        assert groups
        pages = ["/", "/stage/intake", "/stage/rights", "/stage/links", "/rights/queue", *groups,
                 "/jobs", "/links", "/wikidata", "/uploads", "/record?id=" + quote("h:" + ROW_ID)]  # fmt: skip
        shown = 0
        for page in pages:
            tab.goto(url + page)
            assert tab.js("window.__xss === undefined"), page  # no script ran, no handler fired
            # no element the catalogue text made: the queues' own thumbnails (/thumb, server-fetched) aside
            injected = "main script, main img:not(td.thumb > img[src^='/thumb?'])"
            assert tab.js(f'document.querySelectorAll("{injected}").length') == 0, page
            text = tab.text()
            shown += text.count(HOSTILE)
        record = tab.text()
    with running(project) as url, browser() as tab:  # a resident sees the start forms and "run again"
        tab.goto(url + "/login")
        tab.submit({"input[name=username]": "res", "input[name=password]": "res-pass-12345"}, "#login")
        tab.goto(url + "/jobs")
        assert tab.js("window.__xss === undefined")
        assert tab.js("document.querySelectorAll('main script, main img').length") == 0
        assert tab.js("document.querySelector('#start-ingest select[name=source]').textContent").count(HOSTILE) >= 2
        assert tab.js("document.querySelectorAll('button.again').length") >= 1
        assert f"started by {HOSTILE}" in tab.text()
    assert HOSTILE in record and ROW_ID in record and formula in record  # shown as it is, as text
    assert shown >= 12  # title and creator on the group and record pages; job, link (3), upload and item pages


def _hostile_work(store: Store) -> None:
    """A job, a link to review and a planned file whose every text is the hostile string."""
    job = jobs.start(store, HOSTILE, {"note": HOSTILE, "by": HOSTILE, "resumes": HOSTILE}, total=3, worker=HOSTILE)
    jobs.progress(store, job, 1, message=HOSTILE)
    failed = jobs.start(store, HOSTILE, {"by": HOSTILE}, worker=HOSTILE)  # its "run again" button
    jobs.finish(store, failed, jobs.FAILED, HOSTILE)
    run = start_run(store, source=HOSTILE, reader=HOSTILE, profile=HOSTILE, dataset=HOSTILE)  # a source to choose
    finish_run(store, run, "done", {})
    side = {"id": HOSTILE, "name": HOSTILE, "dates": HOSTILE, "identifiers": {HOSTILE: HOSTILE}}
    other = {
        "authority_id": HOSTILE,
        "qid": HOSTILE,
        "probability": 0.2,
        "candidate": side,
        "features": {HOSTILE: HOSTILE},
    }
    evidence = {"source": side, "candidate": side, "features": {HOSTILE: HOSTILE}, "note": HOSTILE, "others": [other]}
    with store.transaction():
        run = links_db.start_run(store, "h", "wikidata", {}, {})
        link = {"person_id": ROW_ID, "authority_id": HOSTILE, "qid": HOSTILE, "probability": 0.5, "decision": "review",
                "evidence": evidence}  # fmt: skip
        links_db.save_matches(store, run, "h", "wikidata", [link])
    _hostile_item(store)
    rights = json.dumps({"decision": HOSTILE, "templates": [HOSTILE]})
    save_plan(store, [{"dataset": "h", "record_id": ROW_ID, "status": "planned", "title": HOSTILE,
                       "source": HOSTILE, "rights": rights}])  # fmt: skip


def _hostile_item(store: Store) -> None:
    """A prepared Wikidata item (the writes queue) whose label, description, alias and values are hostile."""
    term = {"en": {"language": "en", "value": HOSTILE}}
    value = {"snaktype": "value", "property": "P245", "datavalue": {"value": HOSTILE, "type": "string"}}
    ref = {"snaks": {"P854": [{**value, "property": "P854"}]}}
    entity = {"labels": term, "descriptions": term, "aliases": {"en": [term["en"]]},
              "claims": [{"mainsnak": value, "qualifiers": {"P1480": [value]}, "references": [ref]}]}  # fmt: skip
    with store.transaction():
        links_db.journal_new_item(store, "h", ROW_ID, HOSTILE, json.dumps(entity), HOSTILE, "{}", json.dumps([HOSTILE]))
    record(store, Decision("link", "h", ROW_ID, NEW_ITEM, PROPOSED, {}, HOSTILE))
    record(store, Decision("link", "h", HOSTILE, NEW_ITEM, PROPOSED, {}, HOSTILE))  # proposed, not prepared
