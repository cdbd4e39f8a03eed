"""Pages of `glamwiki web` while its worker thread ingests and assesses the whole Tate export on the
embedded SQLite store (issue 14: jobs started in the browser run in the same process): page times
while the jobs write, against the same pages with no job running, in the same run."""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

import httpx

from benchmarks.harness import RESULTS, shared_data
from glamwiki.project import init_project

PAGES = ("/", "/jobs", "/uploads", "/stage/intake", "/rights/queue")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SLOWEST: dict[str, float] = {}  # page -> its slowest time while the jobs wrote


def _times(client: httpx.Client, rounds: int | None = None, until: object = None,
           slowest: dict[str, float] | None = None) -> tuple[list[float], int]:  # fmt: skip
    """Page times (seconds) for ``rounds`` passes over PAGES, or until ``until()`` is true; and the errors."""
    times, errors, n = [], 0, 0
    while (rounds is not None and n < rounds) or (until is not None and not until()):  # type: ignore[operator]
        for path in PAGES:
            began = time.perf_counter()
            code = client.get(path).status_code
            times.append(time.perf_counter() - began)
            errors += code != 200
            if slowest is not None:
                slowest[path] = max(slowest.get(path, 0.0), times[-1])
        n += 1
    return times, errors


def _line(name: str, times: list[float], errors: int) -> str:
    q = statistics.quantiles(times, n=20) if len(times) > 1 else times * 19
    return (f"| {name} | {len(times):,} | {statistics.median(times) * 1000:.0f} | {q[18] * 1000:.0f} | "
            f"{max(times) * 1000:.0f} | {errors} |")  # fmt: skip


def run() -> str:
    folder = RESULTS / "web-worker"
    shutil.rmtree(folder, ignore_errors=True)
    project = init_project(folder / "project", name="bench web worker", institution="Tate")
    shutil.copytree(shared_data() / "tate", project.root / "sources")
    port = _port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")}
    web = subprocess.Popen([sys.executable, "-m", "glamwiki", "web", "--port", str(port)], cwd=project.root,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        password = ""
        while not password and web.stdout:
            found = re.fullmatch(r"\s+(\S{16,})\s*", web.stdout.readline())
            password = found.group(1) if found else ""
        url = f"http://127.0.0.1:{port}"
        client = httpx.Client(base_url=url, timeout=120)
        for _ in range(300):
            try:
                page = client.get("/login")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"username": "admin", "password": password, "csrf_token": token, "next": "/"})
        idle, idle_errors = _times(client, rounds=20)
        jobs_page = client.get("/jobs").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', jobs_page).group(1)  # type: ignore[union-attr]
        began = time.perf_counter()
        client.post("/jobs/start/ingest", data={"csrf_token": token, "path": "sources", "profile": "tate"})
        client.post("/jobs/start/rights", data={"csrf_token": token})

        def ended() -> bool:
            rows = re.findall(r'data-status="(\w+)"', client.get("/jobs").text)
            return len(rows) >= 2 and all(s in ("done", "failed", "cancelled") for s in rows[:2])

        slow_busy: dict[str, float] = {}
        busy, busy_errors = _times(client, until=ended, slowest=slow_busy)
        seconds = time.perf_counter() - began
        statuses = re.findall(r'data-status="(\w+)"', client.get("/jobs").text)[:2]
        slow_after: dict[str, float] = {}
        after, after_errors = _times(client, rounds=5, slowest=slow_after)
    finally:
        web.terminate()
        web.wait(timeout=120)
    text = (
        f"Tate export (69,202 artworks, 3,532 artists) ingested then assessed by `glamwiki web`'s worker thread "
        f"on SQLite in {seconds:.0f} s (jobs: {', '.join(statuses)}), while one client read {len(PAGES)} pages "
        "in turn:\n\n| pages | requests | p50 ms | p95 ms | max ms | errors |\n|---|---|---|---|---|---|\n"
        f"{_line('empty project, no job', idle, idle_errors)}\n{_line('while the jobs write', busy, busy_errors)}\n"
        f"{_line('after, no job (69,202 records)', after, after_errors)}\n\nslowest page while the jobs wrote / after: "
        + ", ".join(f"{p} {slow_busy.get(p, 0) * 1000:.0f} / {slow_after.get(p, 0) * 1000:.0f} ms" for p in PAGES)
        + "\n"
    )
    (RESULTS / "bench_web_worker.md").write_text(text, encoding="utf-8")
    return text
