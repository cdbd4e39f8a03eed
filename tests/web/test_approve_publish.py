"""Approve a batch and publish it, in a real Chromium against a real server, a real worker thread and
the real MediaWiki fixture: a resident approves a page of the demo project's upload queue with
"approve and publish", follows the link to the job, watches it until it is done, and the approved
files are on the wiki exactly once (the others, not approved, are not sent)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glamwiki.demo import run_demo
from glamwiki.project import Project, find_project
from glamwiki.publishing import journal as j
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.publishing.plan import PlanSettings, build_plan
from glamwiki.publishing.sandbox import Sandbox
from glamwiki.store import jobs
from glamwiki.store import publishing as db
from glamwiki.web.auth import create_user
from glamwiki.worker.loop import Worker, in_thread
from glamwiki.worker.setup import Setup

from ..publishing.conftest import fast_etiquette, files_with_sha1, wiki  # noqa: F401 (the wiki fixture)
from ..publishing.records import make_record, save, write_images
from .cdp import browser
from .conftest import running

FILES = 6
RESIDENT = ("rita", "resident-pass-1234")


@pytest.fixture
def project(tmp_path: Path, wiki: Sandbox) -> Project:  # noqa: F811
    demo = run_demo(tmp_path / "demo", env={}).project
    with (demo.root / "glamwiki.toml").open("a", encoding="utf-8") as fh:
        fh.write(f"\n[publishing]\ntarget = {wiki.api!r}\nmin_long_side = 0  # the test images are tiny\n")
    project = find_project(demo.root)
    images = write_images(tmp_path / "images", FILES, start=3_000_000 + int(time.time()) % 100_000)
    records = [make_record(int(p.stem[3:]), p, title=f"Web approval {p.stem}") for p in images]
    with project.open_store() as store:
        create_user(store, RESIDENT[0], "resident", RESIDENT[1])
        save(store, records, dataset="local")
        build_plan(store, PlanSettings(institution="Tate", title_pattern="{title} - {accession}"), "local")
    return project


@pytest.fixture
def worker(project: Project, wiki: Sandbox) -> Iterator[Worker]:  # noqa: F811
    bot = Credentials(BOTPASSWORD, wiki.user, wiki.password)
    running_worker = Worker(Setup(project, fallback=lambda job, target: bot, etiquette=fast_etiquette()), poll=0.2)
    thread = in_thread(running_worker)
    yield running_worker
    running_worker.stop()
    thread.join(timeout=60)


def test_resident_approves_a_batch_and_publishes_it(project: Project, wiki: Sandbox, worker: Worker) -> None:  # noqa: F811
    with running(project) as url, browser() as tab:
        tab.goto(url + "/login")
        tab.submit({"input[name=username]": RESIDENT[0], "input[name=password]": RESIDENT[1]}, "#login")
        tab.goto(url + "/uploads?dataset=local")
        assert int(tab.js("document.querySelectorAll('table.uploads tbody tr').length")) == FILES
        done = tab.submit({"input[name=reason]": "checked with the curator"}, "#approve-publish-page")
        assert f"{FILES} files changed." in done and "Publishing job" in done
        job_id = int(tab.js("document.querySelector('#job-link').getAttribute('href').split('-')[1]"))
        tab.js("document.querySelector('#job-link').click()")
        end = time.monotonic() + 60
        while "/jobs" not in tab.url():
            assert time.monotonic() < end
            tab.wait_a_little(0.1)
        end = time.monotonic() + 180
        while tab.js(f"document.querySelector('#job-{job_id}')?.dataset.status") != "done":
            assert time.monotonic() < end, tab.text()
            assert tab.js(f"document.querySelector('#job-{job_id}')?.dataset.status") != "failed", tab.text()
            tab.wait_a_little(0.3)  # no reload: htmx redraws the table
        assert f"{FILES} files" in tab.js(f"document.querySelector('#job-{job_id} td.message').textContent")
    with project.open_store() as store:
        job = jobs.get(store, job_id)
        assert job.params == {"approved_only": True, "by": RESIDENT[0]}
        local = [i for i in db.iter_plan(store, db.PLANNED) if i.dataset == "local"]
        others = [i for i in db.iter_plan(store, db.PLANNED) if i.dataset != "local"]
        states = [db.get_state(store, wiki.api, i.item_id) for i in local]
        assert others and all(db.get_state(store, wiki.api, i.item_id) is None for i in others)  # not approved
    assert len(states) == FILES and all(s is not None and s.state == j.DONE for s in states)
    for state in states:
        assert state is not None and state.title and state.sha1
        assert files_with_sha1(wiki.api, state.sha1) == [state.title.replace(" ", "_")], "on the wiki exactly once"
