"""The users of the web load benchmark, for Locust (https://docs.locust.io/) in headless mode.

Each simulated user is a different account of the site (``GLAMWIKI_LOAD_USERS``: a JSON list of
names, the password in ``GLAMWIKI_LOAD_PASSWORD``, never written anywhere), logged in once, then
browsing random projects of the site (``GLAMWIKI_LOAD_PROJECTS``: a JSON list of names, each page
asked with ``?project=NAME``) as a person would: the programme page, the project page, the stage
dashboards, the rights queue and its groups (paged), the link queue, the upload queue (filtered and
paged), the jobs page and record pages reached from the queues' links, with a think time between
pages. Every answer must be a 200 of the page asked for (a redirect to the login page, an error
page or a wrong page is a failure). The static CSS file and the login form are the baseline.

Each user, once logged in, visits every page once (a tour of one project). The times of the
requests made once every user is ready are kept, for ``GLAMWIKI_LOAD_SECONDS``, after which the
run stops (the logins are Argon2 hashes: the ramp-up is not what the benchmark measures); the
pages answered and the failures are counted from the first login on. All go to the JSON file
``GLAMWIKI_LOAD_OUT`` when the run stops.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import defaultdict
from typing import Any
from urllib.parse import quote

import gevent
from locust import HttpUser, between, events, task

PROJECTS: list[str] = json.loads(os.environ.get("GLAMWIKI_LOAD_PROJECTS", "[]"))
USERS: list[str] = json.loads(os.environ.get("GLAMWIKI_LOAD_USERS", "[]"))
OUT = os.environ.get("GLAMWIKI_LOAD_OUT", "web-load-raw.json")
STAGES = ("intake", "rights", "links", "publishing", "reach")
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
GROUP = re.compile(r'href="/rights/queue/([^"#?]+)"')
RECORD = re.compile(r'href="/record\?id=([^"]+)"')
PAGES = re.compile(r"page \d+ of (\d+)")
DATASET = re.compile(r'<option value="([^"]+)"(?: selected)?>')

SECONDS = float(os.environ.get("GLAMWIKI_LOAD_SECONDS", "60"))  # measured, once every user is ready

times: dict[str, list[float]] = defaultdict(list)  # while measuring
answered: dict[str, int] = defaultdict(int)  # from the first login on
failures: dict[str, list[str]] = defaultdict(list)  # from the first login on
state: dict[str, Any] = {"ready": 0, "measuring": False, "since": 0.0, "until": 0.0}
_next_user = iter(range(10**6))


@events.request.add_listener
def _kept(request_type: str, name: str, response_time: float, exception: Exception | None, **_: Any) -> None:
    if exception is not None:
        failures[name].append(str(exception)[:200])
    else:
        answered[name] += 1
    if state["measuring"]:
        times[name].append(response_time)


@events.quitting.add_listener
def _write(environment: Any, **_: Any) -> None:
    state["until"] = state["until"] or time.time()
    found = {"since": state["since"], "until": state["until"], "ready": state["ready"], "times": times,
             "answered": answered, "failures": failures}  # fmt: skip
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(found, fh)


@events.test_stop.add_listener
def _stop(environment: Any, **_: Any) -> None:
    state["until"] = time.time()
    state["measuring"] = False


class Project:
    """One project as one user sees it: what its pages have shown so far."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.groups: list[str] = []
        self.records: list[str] = []
        self.datasets: list[str] = []
        self.pages: dict[str, int] = {}


class Resident(HttpUser):
    """A person of the residency (admin, resident, curator or viewer) at work in the queues."""

    wait_time = between(0.5, 2.0)
    host = "http://127.0.0.1"

    def on_start(self) -> None:
        self.username = USERS[next(_next_user) % len(USERS)]
        self._login()
        self.projects = [Project(name) for name in PROJECTS]
        self._tour(self.projects[state["ready"] % len(self.projects)])
        state["ready"] += 1
        if state["ready"] == self.environment.runner.target_user_count and not state["measuring"]:
            state["measuring"], state["since"] = True, time.time()
            gevent.spawn_later(SECONDS, self.environment.runner.quit)

    def _login(self) -> None:
        form = self.client.get("/login", name="login form")
        found = TOKEN.search(form.text)
        data = {"username": self.username, "password": os.environ["GLAMWIKI_LOAD_PASSWORD"], "next": "/",
                "csrf_token": found.group(1) if found else ""}  # fmt: skip
        with self.client.post("/login", data=data, name="login", catch_response=True) as r:
            if r.status_code != 200 or "/login" in r.url:
                r.failure(f"login of {self.username} failed: HTTP {r.status_code}")

    def _tour(self, p: Project) -> None:
        """Every page once, in the order a person meets them (so a short run answers each)."""
        self._page(p, "/programme", "programme")
        self._page(p, "/", "project")
        for name in STAGES:
            self._page(p, f"/stage/{name}", f"stage {name}")
        p.groups = GROUP.findall(self._page(p, "/rights/queue", "rights queue"))
        if p.groups:
            self._page(p, f"/rights/queue/{p.groups[0]}?page=1", "rights group")
        self._page(p, "/links?page=1", "links")
        p.datasets = DATASET.findall(self._page(p, "/uploads?dataset=&status=&page=1", "uploads"))
        self._page(p, "/jobs", "jobs")
        if p.records:
            self._page(p, f"/record?id={p.records[0]}", "record")

    def _page(self, p: Project, path: str, name: str) -> str:
        """GET ``path`` of project ``p``; a failure unless it is a 200 of that page (not the login page
        after a redirect)."""
        url = f"{path}{'&' if '?' in path else '?'}project={quote(p.name)}"
        with self.client.get(url, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{p.name} {path}: HTTP {r.status_code} {r.error or ''}")
            elif r.history:
                r.failure(f"{p.name} {path}: redirected to {r.url}")
            text: str = r.text or ""
        pages = PAGES.search(text)
        if pages:
            p.pages[name] = int(pages.group(1))
        for rid in RECORD.findall(text)[:5]:
            if len(p.records) < 200 and rid not in p.records:
                p.records.append(rid)
        return text

    def _some_page(self, p: Project, name: str) -> int:
        """Page 1 half of the time, else any page the queue has (learnt from its pager)."""
        return 1 if random.random() < 0.5 else random.randint(1, max(1, p.pages.get(name, 1)))

    @property
    def project(self) -> Project:
        return random.choice(self.projects)

    @task(1)
    def programme(self) -> None:
        self._page(self.project, "/programme", "programme")

    @task(2)
    def project_page(self) -> None:
        self._page(self.project, "/", "project")

    @task(4)
    def stage(self) -> None:
        name = random.choice(STAGES)
        self._page(self.project, f"/stage/{name}", f"stage {name}")

    @task(2)
    def rights_queue(self) -> None:
        p = self.project
        p.groups = GROUP.findall(self._page(p, "/rights/queue", "rights queue")) or p.groups

    @task(4)
    def rights_group(self) -> None:
        p = self.project
        if not p.groups:
            return self.rights_queue()
        key = random.choice(p.groups)
        self._page(p, f"/rights/queue/{key}?page={self._some_page(p, 'rights group')}", "rights group")

    @task(3)
    def links(self) -> None:
        p = self.project
        self._page(p, f"/links?page={self._some_page(p, 'links')}", "links")

    @task(4)
    def uploads(self) -> None:
        p = self.project
        status = random.choice(["", "", "waiting", "approved"])
        dataset = random.choice(["", *p.datasets]) if p.datasets else ""
        name = "uploads"
        text = self._page(p, f"/uploads?dataset={dataset}&status={status}&page={self._some_page(p, name)}", name)
        p.datasets = p.datasets or DATASET.findall(text)

    @task(2)
    def jobs(self) -> None:
        self._page(self.project, "/jobs", "jobs")

    @task(4)
    def record(self) -> None:
        p = self.project
        if not p.records:
            return self.uploads()
        self._page(p, f"/record?id={random.choice(p.records)}", "record")

    @task(2)
    def baseline_css(self) -> None:
        self._page(self.project, "/static/web.css", "baseline: static CSS")

    @task(1)
    def baseline_login(self) -> None:
        self._page(self.project, "/login", "baseline: login form")
