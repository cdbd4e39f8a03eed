"""Starting jobs from the web against a real server and a real worker thread: a resident/admin queues
a rights assessment from the jobs page and the worker takes it to done; a file outside the project is
refused; a failed job is run again; curators and viewers see no start form and get 403; a start
form without its CSRF token is refused."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from glamwiki.store import jobs
from glamwiki.worker.loop import Worker, in_thread
from glamwiki.worker.setup import Setup

from .conftest import Site, logged_in, token


@pytest.fixture
def worker(site: Site) -> Iterator[Worker]:
    running = Worker(Setup(site.project), poll=0.1)
    thread = in_thread(running)
    yield running
    running.stop()
    thread.join(timeout=60)


def _until_ended(site: Site, job_id: int) -> jobs.Job:
    end = time.monotonic() + 120
    while time.monotonic() < end:
        with site.project.open_store() as store:
            job = jobs.get(store, job_id)
        if job.status in jobs.ENDED:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not end")


def test_admin_starts_a_rights_job_and_the_worker_runs_it(site: Site, worker: Worker) -> None:
    client = logged_in(site.url, "admin")
    page = client.get("/jobs")
    for kind in ("ingest", "rights", "link", "publish", "reach-collect"):
        assert f'id="start-{kind}"' in page.text
    started = client.post("/jobs/start/rights", data={"csrf_token": token(page.text), "as_of": "2026-01-01"})
    assert started.status_code == 303 and "/jobs?started=" in started.headers["location"]
    job_id = int(started.headers["location"].split("started=")[1].split("#")[0])
    done = _until_ended(site, job_id)
    assert done.status == jobs.DONE and done.kind == "rights" and "assessed" in done.message, done.message
    assert done.params == {"as_of": "2026-01-01", "presume": [], "by": "admin"}
    shown = client.get("/jobs").text
    assert f'id="job-{job_id}" data-status="done"' in shown and "started by admin" in shown
    client.close()


def test_outside_paths_are_refused_and_a_failed_job_runs_again(site: Site, worker: Worker) -> None:
    client = logged_in(site.url, "admin")
    page = client.get("/jobs")
    refused = client.post("/jobs/start/ingest", data={"csrf_token": token(page.text), "path": "/etc/passwd"})
    assert refused.status_code == 400 and "outside the project folder" in refused.text
    bad = client.post("/jobs/start/rights", data={"csrf_token": token(page.text), "as_of": "yesterday"})
    failed = _until_ended(site, int(bad.headers["location"].split("started=")[1].split("#")[0]))
    assert failed.status == jobs.FAILED and "not a date" in failed.message
    listing = client.get("/jobs").text
    assert f'id="again-{failed.id}"' in listing and f'id="stop-{failed.id}"' not in listing
    with site.project.open_store() as store:
        jobs.finish(store, failed.id, jobs.FAILED, "pretend a kill")  # (params as they were)
    again = client.post(f"/jobs/{failed.id}/again", data={"csrf_token": token(listing)})
    assert again.status_code == 303
    rerun = _until_ended(site, int(again.headers["location"].split("started=")[1].split("#")[0]))
    assert rerun.params["resumes"] == failed.id and rerun.params["as_of"] == "yesterday"
    with site.project.open_store() as store:
        done_id = jobs.create(store, "rights")
        jobs.finish(store, done_id, jobs.DONE)
    twice = client.post(f"/jobs/{done_id}/again", data={"csrf_token": token(listing)})
    assert twice.status_code == 409 and "only a failed, cancelled" in twice.text
    assert client.post("/jobs/999999/again", data={"csrf_token": token(listing)}).status_code == 404
    assert client.post("/jobs/start/sparql", data={"csrf_token": token(listing)}).status_code == 404
    client.close()


def test_curators_and_viewers_cannot_start_jobs(site: Site) -> None:
    with site.project.open_store() as store:
        before = len(jobs.list_jobs(store, limit=1000))
    for role in ("curator", "viewer"):
        client = logged_in(site.url, role)
        page = client.get("/jobs")
        assert page.status_code == 200 and 'id="start-' not in page.text and "/jobs/start/" not in page.text
        assert 'href="/jobs#start-' not in client.get("/").text + client.get("/stage/rights").text
        for kind in ("rights", "publish", "ingest"):
            refused = client.post(f"/jobs/start/{kind}", data={"csrf_token": token(page.text)})
            assert refused.status_code == 403
        client.close()
    admin = logged_in(site.url, "admin")
    assert 'href="/jobs#start-rights"' in admin.get("/stage/rights").text
    assert 'href="/jobs#start-publish"' in admin.get("/").text
    admin.close()
    with site.project.open_store() as store:
        assert len(jobs.list_jobs(store, limit=1000)) == before


def test_a_start_form_without_its_csrf_token_is_refused(site: Site) -> None:
    client = logged_in(site.url, "admin")
    with site.project.open_store() as store:
        before = len(jobs.list_jobs(store, limit=1000))
    refused = client.post("/jobs/start/rights", data={"as_of": "2026-01-01"})
    assert refused.status_code == 403 and "Refused" in refused.text
    forged = client.post("/jobs/start/rights", data={"csrf_token": "not-the-token", "as_of": "2026-01-01"})
    assert forged.status_code == 403
    with site.project.open_store() as store:
        assert len(jobs.list_jobs(store, limit=1000)) == before
    client.close()


def test_approve_and_publish_queues_a_publishing_job_of_the_approved_files(site: Site) -> None:
    for role in ("curator", "viewer"):
        client = logged_in(site.url, role)
        page = client.get("/uploads")
        assert 'id="approve-publish-page"' not in page.text and 'formaction="/uploads?publish=1"' not in page.text
        refused = client.post("/uploads?publish=1", data={"csrf_token": token(page.text), "verdict": "approved",
                                                          "version_seen": "0", "scope": "filter"})  # fmt: skip
        assert refused.status_code == 403
        client.close()
    client = logged_in(site.url, "admin")
    page = client.get("/uploads")
    assert 'id="approve-publish-page"' in page.text
    version = page.text.split('name="version_seen" value="')[1].split('"')[0]
    items = re.findall(r'name="item" value="(\d+)"', page.text)
    done = client.post("/uploads?publish=1", data={"csrf_token": token(page.text), "verdict": "approved",
                                                   "version_seen": version, "item": items})  # fmt: skip
    assert done.status_code == 303 and "job=" in done.headers["location"]
    job_id = int(done.headers["location"].split("job=")[1].split("&")[0])
    shown = client.get(done.headers["location"]).text
    assert f'href="/jobs#job-{job_id}"' in shown and f"Publishing job {job_id} queued" in shown
    with site.project.open_store() as store:
        job = jobs.get(store, job_id)
        assert (job.kind, job.status, job.params) == ("publish", jobs.QUEUED, {"approved_only": True, "by": "admin"})
        jobs.request_cancel(store, job_id)  # no wiki here: the publishing itself is test_approve_publish.py's
    version = shown.split('name="version_seen" value="')[1].split('"')[0]
    rejected = client.post("/uploads?publish=1", data={"csrf_token": token(shown), "verdict": "rejected",
                                                       "version_seen": version, "item": items})  # fmt: skip
    assert rejected.status_code == 303 and "job=" not in rejected.headers["location"]  # rejecting publishes nothing
    client.close()


def test_pages_answer_while_the_worker_writes(site: Site, worker: Worker) -> None:
    """SQLite: the worker thread re-ingests the demo sample and reassesses it while pages are read."""
    client = logged_in(site.url, "admin")
    page = client.get("/jobs")
    source = re.search(r'<option value="([^"]+artworks[^"]*)"', page.text)
    assert source, "the demo's source is offered"
    ids = []
    for kind, data in (("ingest", {"source": source.group(1), "profile": "tate", "dataset": "tate"}), ("rights", {})):
        started = client.post(f"/jobs/start/{kind}", data={"csrf_token": token(page.text), **data})
        ids.append(int(started.headers["location"].split("started=")[1].split("#")[0]))
    times, codes = [], []
    while True:
        with site.project.open_store() as store:
            if all(jobs.get(store, i).status in jobs.ENDED for i in ids):
                break
        for path in ("/", "/jobs", "/uploads", "/stage/intake"):
            began = time.monotonic()
            codes.append(client.get(path).status_code)
            times.append(time.monotonic() - began)
    with site.project.open_store() as store:
        ended = [jobs.get(store, i) for i in ids]
    assert [j.status for j in ended] == [jobs.DONE, jobs.DONE], [j.message for j in ended]
    assert "0 added" in ended[0].message  # the same export again: records updated in place, none twice
    assert codes and set(codes) == {200}
    client.close()


def test_in_chromium_a_resident_starts_a_job_sees_why_it_failed_and_runs_it_again(site: Site, worker: Worker) -> None:
    from .cdp import browser
    from .test_journey import login

    def status(tab, job_id: int) -> str:  # type: ignore[no-untyped-def]
        return str(tab.js(f"document.querySelector('#job-{job_id}')?.dataset.status"))

    def until(tab, job_id: int, wanted: str) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + 60
        while status(tab, job_id) != wanted:  # htmx redraws the table: no reload
            assert time.monotonic() < end, tab.text()
            tab.wait_a_little(0.3)

    with browser() as tab:
        login(tab, site.url, "admin")
        tab.goto(site.url + "/stage/rights")
        tab.events.clear()
        tab.js("document.querySelector('p.start a').click()")
        tab.wait("Page.loadEventFired")
        assert tab.url().endswith("/jobs#start-rights")
        done = tab.submit({"#start-rights input[name=as_of]": "2026-01-01"}, "#start-rights-button")
        first = int(re.search(r"Job (\d+) queued", done).group(1))  # type: ignore[union-attr]
        until(tab, first, "done")
        assert "assessed" in tab.js(f"document.querySelector('#job-{first} td.message').textContent")
        tab.submit({"#start-link input[name=authority]": "wikidata"}, "#start-link-button")  # no live client here
        failed = int(tab.js("document.querySelector('#jobs tbody tr').id.split('-')[1]"))
        until(tab, failed, "failed")
        why = tab.js(f"document.querySelector('#job-{failed} td.message').textContent")
        assert "Wikidata client" in why and "started by admin" in why
        tab.events.clear()
        tab.js(f"document.querySelector('#again-{failed}').click()")
        tab.wait("Page.loadEventFired")
        again = int(re.search(r"Job (\d+) queued", tab.html()).group(1))  # type: ignore[union-attr]
        until(tab, again, "failed")
        assert f"resuming job {failed}" in tab.js(f"document.querySelector('#job-{again} td.message').textContent")


def test_a_store_served_without_its_project_folder_offers_no_start_form(site: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import threading

    import uvicorn

    from glamwiki.web.app import create_app

    from .conftest import free_port

    copy = tmp_path / "elsewhere" / "copy.db"  # no glamwiki.toml beside it
    copy.parent.mkdir()
    with site.project.open_store() as store:
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(site.project.db_path, copy)
    app = create_app(copy, "copy", "x" * 32)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        client = logged_in(f"http://127.0.0.1:{port}", "admin")
        page = client.get("/jobs")
        assert page.status_code == 200 and "only for a project served from its folder" in page.text
        assert 'id="start-' not in page.text
        refused = client.post("/jobs/start/rights", data={"csrf_token": token(page.text)})
        assert refused.status_code == 400 and "only for a project served from its folder" in refused.text
        client.close()
    finally:
        server.should_exit = True
        thread.join(timeout=30)
