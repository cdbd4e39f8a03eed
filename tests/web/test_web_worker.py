"""`glamwiki web` as a user starts it runs the jobs started in the browser in a worker thread (the
embedded default: one command); with --no-worker it leaves them to a separate `glamwiki worker`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from glamwiki.demo import run_demo
from glamwiki.store import jobs
from glamwiki.worker.starting import queue

from .conftest import free_port
from .test_cli import _stop, _wait


def _web(folder: Path, port: int, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")}
    command = [sys.executable, "-m", "glamwiki", "web", "--port", str(port), *args]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_web_runs_queued_jobs_unless_told_not_to(tmp_path: Path) -> None:
    project = run_demo(tmp_path / "demo", env={}).project
    with project.open_store() as store:
        waiting = queue(store, "rights", {}, "admin")
    port = free_port()
    proc = _web(project.root, port, "--no-worker")
    try:
        _wait(f"http://127.0.0.1:{port}")
        time.sleep(3)  # longer than a worker's poll
        with project.open_store() as store:
            assert jobs.get(store, waiting).status == jobs.QUEUED
    finally:
        _stop(proc)
    proc = _web(project.root, port)
    try:
        _wait(f"http://127.0.0.1:{port}")
        end = time.monotonic() + 60
        while True:
            with project.open_store() as store:
                job = jobs.get(store, waiting)
            if job.status in jobs.ENDED or time.monotonic() > end:
                break
            time.sleep(0.2)
    finally:
        out, err = _stop(proc)
    assert job.status == jobs.DONE, (job.message, out, err)
    assert job.worker.endswith(f":{proc.pid}")  # run in the web server's own process
