"""`glamwiki worker` taking queued publish jobs to a real MediaWiki (real processes): killed with
SIGKILL mid-publish, its job is reaped and run again, and every file is on the wiki exactly once;
stopped with SIGTERM, the current job ends cancelled (resumable) and the process exits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from glamwiki.project import Project
from glamwiki.publishing import journal as j
from glamwiki.publishing.sandbox import Sandbox
from glamwiki.store import jobs
from glamwiki.store import publishing as db
from glamwiki.worker.starting import queue, run_again

from .conftest import files_with_sha1, ready_project, wiki_sha1

FILES = 8


def _env(project: Project, wiki: Sandbox) -> dict[str, str]:
    return {**os.environ, "GLAMWIKI_PROJECT": str(project.root), "GLAMWIKI_BOT_USER": wiki.user,
            "GLAMWIKI_BOT_PASSWORD": wiki.password, "GLAMWIKI_PUBLISHING_EDITS_PER_MINUTE": "0",
            "GLAMWIKI_PUBLISHING_CHUNK_SIZE": "16384", "GLAMWIKI_PUBLISHING_TARGET": wiki.api}  # fmt: skip


def _worker(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "glamwiki", "worker", "--poll", "0.2", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_progress(project: Project, job_id: int, proc: subprocess.Popen[str], at_least: int = 1) -> None:
    end = time.monotonic() + 120
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        with project.open_store() as store:
            job = jobs.get(store, job_id)
        if job.status == jobs.RUNNING and job.done >= at_least:
            return
        time.sleep(0.05)
    raise AssertionError("the worker did not start the job")


def _every_file_once(project: Project, wiki: Sandbox) -> None:
    with project.open_store() as store:
        states = [db.get_state(store, wiki.api, i.item_id) for i in db.iter_plan(store, db.PLANNED)]
    assert len(states) == FILES and all(s is not None and s.state == j.DONE for s in states), states
    for state in states:
        assert state is not None and state.sha1
        assert files_with_sha1(wiki.api, state.sha1) == [(state.title or "").replace(" ", "_")], "exactly once"
        assert wiki_sha1(wiki.api, state.title or "") == state.sha1
    assert len({s.title for s in states if s}) == FILES


def test_worker_killed_mid_publish_is_reaped_and_run_again(tmp_path: Path, wiki: Sandbox) -> None:
    project = ready_project(tmp_path, FILES, size=60_000)  # ~4 chunks per file
    env = _env(project, wiki)
    with project.open_store() as store:
        first = queue(store, "publish", {}, "rita")
    proc = _worker(env)
    _wait_for_progress(project, first, proc, at_least=2)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    with project.open_store() as store:
        killed = jobs.list_jobs(store)[0]  # reading the jobs reaps the job of a process gone
        assert killed.id == first and killed.status == jobs.FAILED and "ended without finishing" in killed.message
        assert killed.params == {"by": "rita"}  # no credential in the params
        reached = [db.get_state(store, wiki.api, i.item_id) for i in db.iter_plan(store, db.PLANNED)]
        sent_before = sum(1 for s in reached if s and (s.state == j.UPLOADED or s.state in j.TERMINAL))
        assert 0 < sent_before < FILES
        again = run_again(store, first, "rita")
    done = subprocess.run([sys.executable, "-m", "glamwiki", "worker", "--once"], env=env, capture_output=True,
                          text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"1 job(s) run: {again}" in done.stderr
    with project.open_store() as store:
        rerun = jobs.get(store, again)
        assert rerun.status == jobs.DONE and rerun.params["resumes"] == first, rerun.message
        commits = store.query("SELECT item_id, COUNT(*) FROM publish_journal WHERE step = 'commit'"
                              " AND phase = 'before' GROUP BY item_id")  # fmt: skip
        assert sorted(n for _, n in commits) == [1] * FILES, "each file committed once: the rerun went on"
    _every_file_once(project, wiki)
    assert wiki.password not in done.stdout + done.stderr


def test_sigterm_leaves_the_job_cancelled_and_resumable(tmp_path: Path, wiki: Sandbox) -> None:
    project = ready_project(tmp_path, FILES, size=60_000)
    env = _env(project, wiki)
    with project.open_store() as store:
        first = queue(store, "publish", {}, "rita")
    proc = _worker(env)
    _wait_for_progress(project, first, proc)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    assert "stopping" in err
    with project.open_store() as store:
        stopped = jobs.get(store, first)
        assert stopped.status == jobs.CANCELLED, stopped.message
        again = run_again(store, first, "rita")
    proc = _worker(env, "--once")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    with project.open_store() as store:
        assert jobs.get(store, again).status == jobs.DONE
    _every_file_once(project, wiki)
