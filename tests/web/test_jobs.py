"""The jobs page in a real Chromium against a real server: a job advanced by a worker thread shows
its progress change on the page without a reload (htmx polling), a resident/admin stops it, a curator
or viewer may not (403)."""

from __future__ import annotations

import threading
import time

from glamwiki.store import jobs

from .cdp import browser
from .conftest import Site, logged_in, token
from .test_journey import login


def _worker(site: Site, job_id: int, stop: threading.Event) -> None:
    """A job's worker: one step every 0.2 s, stopping at the next step once a stop is asked."""
    with site.project.open_store() as store:
        for done in range(1, 10_000):
            if stop.is_set() or jobs.cancel_requested(store, job_id):
                jobs.finish(store, job_id, jobs.CANCELLED, "stopped from the web")
                return
            jobs.progress(store, job_id, done, message=f"step {done}")
            time.sleep(0.2)


def _done_on_page(tab, job_id: int) -> int:  # type: ignore[no-untyped-def]
    text = tab.js(f"document.querySelector('#job-{job_id} .done').textContent")
    return int(str(text).replace(",", ""))


def test_running_job_shows_live_progress_and_admin_stops_it(site: Site) -> None:
    with site.project.open_store() as store:
        job_id = jobs.start(store, "rights", {"dataset": "tate"}, total=10_000, worker="test-worker:1")
    stop = threading.Event()
    thread = threading.Thread(target=_worker, args=(site, job_id, stop), daemon=True)
    thread.start()
    try:
        with browser() as tab:
            login(tab, site.url, "admin")
            html = tab.goto(site.url + "/jobs")
            assert f'id="job-{job_id}"' in html and "test-worker:1" in html
            assert 'hx-trigger="every 2s"' in html  # a job runs: the table is redrawn
            first = _done_on_page(tab, job_id)
            end = time.monotonic() + 15
            while _done_on_page(tab, job_id) == first and time.monotonic() < end:
                time.sleep(0.3)  # no reload: only htmx redraws the fragment
            assert _done_on_page(tab, job_id) > first
            assert tab.js("document.querySelector('button.cancel').accessKey") == "x"
            tab.tab_to(f"#stop-{job_id}")
            time.sleep(2.5)  # a redraw of the table keeps the focus on the button (it has an id)
            assert tab.js("document.activeElement.id") == f"stop-{job_id}"
            done = tab.submit({}, f"#job-{job_id} button.cancel")
            assert "Asked the job to stop" in done
            thread.join(timeout=10)
            assert not thread.is_alive()
            with site.project.open_store() as store:
                assert jobs.get(store, job_id).status == jobs.CANCELLED
            end = time.monotonic() + 15
            while tab.js(f"document.querySelector('#job-{job_id}').dataset.status") != "cancelled":
                assert time.monotonic() < end, "the page did not show the job cancelled"
                time.sleep(0.3)
            assert "stopped from the web" in tab.text()
            tab.goto(site.url + "/jobs")
            assert not tab.js(f"document.querySelector('#job-{job_id} button.cancel')")
    finally:
        stop.set()
        thread.join(timeout=10)


def test_curator_and_viewer_may_not_stop_a_job(site: Site) -> None:
    with site.project.open_store() as store:
        job_id = jobs.start(store, "publish", total=5)
    try:
        for role in ("curator", "viewer"):
            client = logged_in(site.url, role)
            page = client.get("/jobs")
            assert page.status_code == 200 and f'id="job-{job_id}"' in page.text
            assert 'class="cancel"' not in page.text
            refused = client.post(f"/jobs/{job_id}/cancel", data={"csrf_token": token(page.text)})
            assert refused.status_code == 403
            client.close()
        with site.project.open_store() as store:
            assert not jobs.get(store, job_id).cancel_requested
        client = logged_in(site.url, "admin")
        page = client.get("/jobs")
        assert 'class="cancel"' in page.text
        missing = client.post("/jobs/999999/cancel", data={"csrf_token": token(page.text)})
        assert missing.status_code == 404
        with site.project.open_store() as store:
            queued = jobs.create(store, "reach-collect")
        stopped = client.post(f"/jobs/{queued}/cancel", data={"csrf_token": token(page.text)})
        assert stopped.status_code == 303
        with site.project.open_store() as store:  # a queued job is cancelled at once
            assert jobs.get(store, queued).status == jobs.CANCELLED
        client.close()
    finally:
        with site.project.open_store() as store:
            jobs.finish(store, job_id, jobs.DONE)
