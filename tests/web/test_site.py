"""The chapter's server on real PostgreSQL (ADR 0015): a real `glamwiki web --store-url URL --workers 2`
subprocess serving three projects of one database (alpha and beta: the demo; gamma: empty; beta
private), the site's accounts in their own schema; failed logins shared by every process; who sees
and may do what in which project over HTTP; the programme dashboard counting a shared file once;
one walk in a real Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from glamwiki.cli.web_site import project_folders
from glamwiki.demo import run_demo
from glamwiki.project import init_project
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.store import Store, reach
from glamwiki.store import publishing as pub
from glamwiki.store.site import delete_login_failures_before, set_membership, set_project_private
from glamwiki.web.auth import create_user
from glamwiki.web.site import ProjectPlace, postgres_site

from ..conftest import PG_REQUIRED, PG_URL
from .cdp import browser
from .conftest import free_port, token

PASSWORD = "site-pass-1234"
SHARED = "Shared_portrait.jpg"  # uploaded by alpha and by gamma: one Commons file


@dataclass
class PgSite:
    url: str
    names: dict[str, str]  # alpha / beta / gamma -> the schema (project name in the site)
    accounts: ProjectPlace
    command: list[str]
    env: dict[str, str]
    root: Path


def _uploaded(store: Store, titles: list[str]) -> None:
    pub.save_plan(store, ({"dataset": "s", "record_id": t, "image_index": 0, "status": pub.PLANNED, "title": t}
                          for t in titles))  # fmt: skip
    for item in pub.iter_plan(store, pub.PLANNED):
        if item.dataset == "s":
            pub.put_state(store, pub.FileState(COMMONS_API, item.item_id, "done", title=f"File:{item.title}"))


def _used(store: Store, file: str, page: str, views: dict[str, int]) -> None:
    reach.add_files(store, [file], "project")
    reach.record_usage(store, file, [("en.wikipedia", page, 0, 1, "article")], "2026-10-01T00:00:00Z")
    with store.transaction():
        reach.record_views(store, "en.wikipedia", page, "monthly", "user", views.items(), "api")


def _start(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
    end = time.monotonic() + 90
    while time.monotonic() < end:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login")
            return proc
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(f"glamwiki web stopped: {proc.communicate()[0]}") from None
            time.sleep(0.3)
    raise RuntimeError("glamwiki web did not start")


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    return proc.communicate(timeout=60)[0]


def _drop(schemas: list[str]) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(scope="module")
def pg_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgSite]:
    import psycopg

    try:
        psycopg.connect(PG_URL).close()
    except psycopg.OperationalError as exc:
        reason = f"PostgreSQL is not reachable at {PG_URL} (set GLAMWIKI_TEST_PG_URL): {exc}"
        pytest.fail(reason) if PG_REQUIRED else pytest.skip(reason)
    tag = f"s{os.getpid()}_{os.urandom(2).hex()}"
    names = {key: f"{key}_{tag}" for key in ("alpha", "beta", "gamma")}
    site_schema = f"site_{tag}"
    root = tmp_path_factory.mktemp("pgsite")
    try:
        for key, schema in names.items():
            init_project(root / key, name=schema, store_url=PG_URL, schema=schema, env={})
            if key != "gamma":
                run_demo(root / key, env={})
        with ProjectPlace(names["alpha"], PG_URL, names["alpha"]).open() as store:
            _uploaded(store, [SHARED, "Harbour.jpg"])
            _used(store, SHARED, "Ada_Lovelace", {"2026-09": 100, "2026-10": 50})
        with ProjectPlace(names["gamma"], PG_URL, names["gamma"]).open() as store:
            _uploaded(store, [SHARED, "Kew.jpg"])
            _used(store, SHARED, "Ada_Lovelace", {"2026-09": 100, "2026-10": 50})  # the same article's views
        accounts = ProjectPlace(site_schema, PG_URL, site_schema)
        with accounts.open(migrate=True) as store:
            for user, role in (("admin", "admin"), ("cura", "viewer"), ("resi", "viewer"), ("<img/src=x>", "viewer")):
                create_user(store, user, role, PASSWORD)
            set_membership(store, "cura", names["alpha"], "curator", "2026-11-30T00:00:00+00:00", "test")
            set_membership(store, "resi", names["alpha"], "resident", "2026-11-30T00:00:00+00:00", "test")
            set_project_private(store, names["beta"], True, "2026-11-30T00:00:00+00:00", "test")
        env = {k: v for k, v in os.environ.items() if not k.startswith("GLAMWIKI_")}
        command = [sys.executable, "-m", "glamwiki", "web", "--store-url", PG_URL, "--site-schema", site_schema,
                   "--secret-file", str(root / "web-session.key"), "--projects-dir", str(root),
                   *[a for n in names.values() for a in ("--project", n)]]  # fmt: skip
        port = free_port()
        proc = _start([*command, "--workers", "2"], env, port)
        try:
            yield PgSite(f"http://127.0.0.1:{port}", names, accounts, command, env, root)
        finally:
            _stop(proc)
    finally:
        _drop([*names.values(), site_schema])


def _client(url: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=url)
    page = client.get("/login")
    answer = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token(page.text)})
    assert answer.status_code == 303, answer.text
    return client


def test_two_workers_serve_every_project_of_the_database(pg_site: PgSite) -> None:
    admin = _client(pg_site.url, "admin")
    listed = admin.get("/projects").text
    assert all(name in listed for name in pg_site.names.values())
    home = admin.get("/", params={"project": pg_site.names["beta"]})
    assert home.status_code == 200 and f'<b class="project">{pg_site.names["beta"]}</b>' in home.text
    assert "objects" in home.text  # beta's own intake figures (the demo)
    again = admin.get("/jobs")  # the project stays current in the (signed, stateless) session
    assert f'<b class="project">{pg_site.names["beta"]}</b>' in again.text
    switched = admin.get(f"/projects/{pg_site.names['gamma']}", follow_redirects=True)
    assert f'<b class="project">{pg_site.names["gamma"]}</b>' in switched.text


def test_a_private_project_does_not_exist_for_a_curator_of_another(pg_site: PgSite) -> None:
    alpha, beta = pg_site.names["alpha"], pg_site.names["beta"]
    cura = _client(pg_site.url, "cura")
    assert alpha in cura.get("/projects").text and beta not in cura.get("/projects").text
    record = re.search(r"tate:[A-Za-z0-9]+", cura.get("/uploads").text)
    assert record, "the demo's upload queue names its records"
    nowhere = cura.get("/", params={"project": "no_such_project"})
    for path in ("/", "/record?id=" + record.group(0), "/rights/queue", "/links", "/uploads", "/jobs", "/stage/rights"):
        found = cura.get(path, params={"project": beta})
        assert found.status_code == 404, path
        assert beta not in found.text and "No such project here." in found.text
    assert cura.get(f"/projects/{beta}").status_code == 404
    assert nowhere.status_code == 404  # the same answer as for a project that does not exist
    assert beta not in cura.get("/programme").text
    assert cura.get("/record", params={"id": record.group(0)}).status_code == 200  # alpha's own record
    page = cura.get("/uploads")
    refused = cura.post("/uploads", data={"csrf_token": token(page.text), "verdict": "approved", "scope": "filter"})
    assert refused.status_code == 403  # a curator does not approve uploads
    assert cura.post("/jobs/1/cancel", data={"csrf_token": token(page.text)}).status_code == 403
    admin = _client(pg_site.url, "admin")
    assert admin.get("/", params={"project": beta}).status_code == 200  # programme admins see it


def test_a_post_acts_on_the_project_its_page_was_drawn_for(pg_site: PgSite) -> None:
    """Answered in a tab of alpha after switching to gamma in another: the form names alpha."""
    alpha, gamma = pg_site.names["alpha"], pg_site.names["gamma"]
    cura = _client(pg_site.url, "cura")  # curator of alpha, viewer of gamma
    page = cura.get("/links", params={"project": alpha})
    assert f'<meta name="glamwiki-project" content="{alpha}">' in page.text
    cura.get(f"/projects/{gamma}")  # the other tab
    form = {"csrf_token": token(page.text), "verdict": "accept", "person": "nobody", "dataset": "tate"}
    assert cura.post("/links", data=form).status_code == 403  # as a viewer of gamma, the session's project
    assert cura.post("/links", data={**form, "_project": alpha}).status_code != 403  # as alpha's curator
    htmx = cura.post("/links", data=form, headers={"X-Glamwiki-Project": alpha, "HX-Request": "true"})
    assert htmx.status_code != 403
    assert cura.post("/links", data={**form, "_project": pg_site.names["beta"]}).status_code == 404


def test_a_resident_of_one_project_is_a_viewer_of_another_until_made_a_member(pg_site: PgSite) -> None:
    gamma = pg_site.names["gamma"]
    resi = _client(pg_site.url, "resi")
    page = resi.get("/uploads", params={"project": gamma})
    assert page.status_code == 200 and "resi (viewer)" in page.text
    form = {"csrf_token": token(page.text), "verdict": "approved", "scope": "filter", "version_seen": ""}
    assert resi.post("/uploads", data=form).status_code == 403
    admin = _client(pg_site.url, "admin")
    members = admin.get("/admin/projects")
    assert "&lt;img/src=x&gt;" in members.text and "<img/src=x>" not in members.text  # a hostile user name
    added = admin.post("/admin/projects", data={"csrf_token": token(members.text), "action": "member",
                                                "username": "resi", "project": gamma, "role": "resident"})  # fmt: skip
    assert added.status_code == 200 and f"resi is now resident of {gamma}." in added.text
    page = resi.get("/uploads", params={"project": gamma})
    assert "resi (resident)" in page.text
    assert resi.post("/uploads", data=form).status_code != 403
    removed = admin.post("/admin/projects", data={"csrf_token": token(members.text), "action": "remove",
                                                  "username": "resi", "project": gamma})  # fmt: skip
    assert removed.status_code == 200 and f"resi is no longer a member of {gamma}." in removed.text
    assert "resi (viewer)" in resi.get("/uploads", params={"project": gamma}).text


def test_the_programme_dashboard_counts_a_shared_file_once(pg_site: PgSite) -> None:
    admin = _client(pg_site.url, "admin")
    html = admin.get("/programme").text
    assert re.search(r"<b>3</b>projects", html)
    assert re.search(r"<b>3</b>uploads", html)  # alpha: shared + Harbour, gamma: shared + Kew
    assert "1 uploads counted by more than one project: counted once." in html
    assert re.search(r"<b>150</b>views since the start", html)  # Ada Lovelace's views once, not twice
    assert "<svg" in html and "Views per month (all projects)" in html  # the report's bar chart
    assert re.search(r"<td>2026-09</td><td class=\"n\">100</td>", html)
    rows = re.findall(r"<tr><td>([a-z0-9_]+)</td><td class=\"n\">(\d+)</td>", html)
    assert dict(rows) == {pg_site.names["alpha"]: "2", pg_site.names["beta"]: "0", pg_site.names["gamma"]: "2"}
    cura = _client(pg_site.url, "cura")  # beta (private) is neither a row nor counted for a curator of alpha
    assert re.search(r"<b>2</b>projects", cura.get("/programme").text)


def test_failed_logins_are_counted_across_processes(pg_site: PgSite) -> None:
    """Five failures spread over the two-worker server and a third process on the same store: the
    sixth is refused by each (per account and per address, 15 minutes)."""
    port = free_port()
    other = _start([*pg_site.command, "--workers", "1"], pg_site.env, port)
    urls = [pg_site.url, f"http://127.0.0.1:{port}"]
    try:
        statuses = []
        for i in range(6):
            with httpx.Client(base_url=urls[i % 2]) as client:  # a new connection each time: any worker answers
                data = {"username": "cura", "password": "wrong", "csrf_token": token(client.get("/login").text)}
                statuses.append(client.post("/login", data=data).status_code)
        assert statuses == [401] * 5 + [429]
        for url in urls:
            with httpx.Client(base_url=url) as client:
                data = {"username": "cura", "password": PASSWORD, "csrf_token": token(client.get("/login").text)}
                assert client.post("/login", data=data).status_code == 429
    finally:
        _stop(other)
        with pg_site.accounts.open() as store:  # 127.0.0.1 is blocked: free it for the other tests
            delete_login_failures_before(store, "9999")


def test_chromium_logs_in_switches_project_and_opens_the_programme(pg_site: PgSite) -> None:
    alpha, gamma = pg_site.names["alpha"], pg_site.names["gamma"]
    with browser() as tab:
        tab.goto(pg_site.url + "/login")
        html = tab.submit({"input[name=username]": "resi", "input[name=password]": PASSWORD}, "#login")
        assert f'<b class="project">{alpha}</b>' in html  # the first project the user may see
        tab.goto(pg_site.url + "/projects")
        tab.js(f"document.querySelector('a[href=\"/projects/{gamma}\"]').click()")
        tab.wait("Page.loadEventFired")
        assert tab.url() == pg_site.url + "/"
        assert f'<b class="project">{gamma}</b>' in tab.html()
        named = tab.js("(() => { const f = document.querySelector('form.logout');"
                       " f.addEventListener('submit', e => e.preventDefault()); f.requestSubmit();"
                       " return f.querySelector('input[name=_project]').value; })()")  # fmt: skip
        assert named == gamma  # static/site.js names the page's project in every POST form
        tab.js("document.querySelector('header a[href=\"/programme\"]').click()")
        tab.wait("Page.loadEventFired")
        assert tab.url() == pg_site.url + "/programme"
        assert "Per project" in tab.text() and "Views per month" in tab.text()
        assert alpha in tab.text() and gamma in tab.text()


def test_the_site_knows_each_project_folder_in_the_projects_dir(pg_site: PgSite) -> None:
    """`--projects-dir`: the folder of each schema (the jobs started from the web read its sources)."""
    folders = project_folders(pg_site.root)
    assert {folders[n] for n in pg_site.names.values()} == {(pg_site.root / k).resolve() for k in pg_site.names}
    site = postgres_site(PG_URL, list(pg_site.names.values()), pg_site.accounts.name, folders)
    assert {p.name: Path(p.root).name for p in site.projects} == {n: k for k, n in pg_site.names.items()}
    listed = postgres_site(PG_URL, site_schema=pg_site.accounts.name).projects
    assert pg_site.accounts.name not in [p.name for p in listed]  # the site's own schema is never a project
