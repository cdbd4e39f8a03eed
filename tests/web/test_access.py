"""Who may do what, CSRF, sessions, the login rate limit and the Host guard, against a real server."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import httpx

from glamwiki.project import Project, find_project
from glamwiki.store.rights import facts_for
from glamwiki.web.auth import SECRET_FILE
from glamwiki.web.review import group_decisions

from .conftest import Site, logged_in, running, token

GROUP = "/rights/queue/creation_year"


def _answer_form(client: httpx.Client) -> dict[str, str]:
    page = client.get(GROUP)
    version = (
        page.text.split('name="version_seen" value="', 1)[1].split('"', 1)[0] if "version_seen" in page.text else ""
    )
    return {"csrf_token": token(page.text), "version_seen": version, "value": "1850", "basis": "catalogue"}


def _facts(project: Project) -> list[dict[str, str]]:
    with project.open_store() as store:
        return [facts_for(store, d.dataset, d.record_id) for d in group_decisions(store, "creation_year")]


def test_logged_out_requests_go_to_the_login_page(site: Site) -> None:
    for path in ("/", "/stage/rights", "/rights/queue", "/record?id=x", "/admin/users"):
        response = httpx.get(site.url + path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=")


def test_a_viewer_cannot_answer_or_add_users(site: Site) -> None:
    viewer = logged_in(site.url, "viewer")
    page = viewer.get(GROUP)
    assert page.status_code == 200 and "a curator, resident or admin answers it" in page.text
    assert 'id="answer"' not in page.text
    form = {"csrf_token": token(page.text), "version_seen": "x", "value": "1850", "basis": "b"}
    refused = viewer.post(GROUP, data=form)
    assert refused.status_code == 403
    assert "may not do this" in refused.text
    assert all("creation_year" not in f for f in _facts(site.project))
    assert viewer.get("/admin/users").status_code == 403
    add = viewer.post("/admin/users", data={"csrf_token": form["csrf_token"], "username": "x", "role": "admin",
                                             "password": "0123456789ab"})  # fmt: skip
    assert add.status_code == 403


def test_a_post_without_the_csrf_token_is_refused(site: Site) -> None:
    curator = logged_in(site.url, "curator")
    form = _answer_form(curator)
    for bad in ({k: v for k, v in form.items() if k != "csrf_token"}, {**form, "csrf_token": "forged"}):
        response = curator.post(GROUP, data=bad)
        assert response.status_code == 403
        assert "CSRF" in response.text
    assert all("creation_year" not in f for f in _facts(site.project))
    assert httpx.post(site.url + "/login", data={"username": "admin", "password": "x"}).status_code == 403


def test_an_answer_to_a_group_that_changed_meanwhile_is_refused(site: Site) -> None:
    curator = logged_in(site.url, "curator")
    form = {**_answer_form(curator), "version_seen": "seen-another-version"}
    response = curator.post(GROUP, data=form)
    assert response.status_code == 409
    assert "changed since you opened it" in response.text and "nothing was saved" in response.text
    assert all("creation_year" not in f for f in _facts(site.project))


def test_a_bad_fact_value_is_refused_with_the_reason(site: Site) -> None:
    curator = logged_in(site.url, "curator")
    response = curator.post(GROUP, data={**_answer_form(curator), "value": "long ago"})
    assert response.status_code == 400
    assert "creation_year" in response.text
    assert all("creation_year" not in f for f in _facts(site.project))


def test_session_cookie_is_signed_httponly_lax(site: Site) -> None:
    client = httpx.Client(base_url=site.url)
    page = client.get("/login")
    response = client.post("/login", data={"username": "viewer", "password": "viewer-pass-1234",
                                           "csrf_token": token(page.text)})  # fmt: skip
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    name, value = response.headers["set-cookie"].split(";", 1)[0].split("=", 1)
    forged = httpx.get(site.url + "/", cookies={name: value[:-4] + "AAAA"})
    assert forged.status_code == 303  # a tampered cookie is no session


def test_session_cookie_is_secure_over_https(demo: Project) -> None:
    with running(demo, https=True) as url:
        response = httpx.get(url + "/login")
        assert "; secure" in response.headers["set-cookie"].lower()


def test_session_secret_is_private_to_the_owner(demo: Project) -> None:
    path = demo.root / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    secret = path.read_text().strip()
    assert len(secret) >= 40
    assert secret not in (demo.root / "glamwiki.toml").read_text()


def test_wrong_passwords_are_rate_limited_per_account(demo: Project, tmp_path: Path) -> None:
    """The failures are kept in the store (ADR 0015): a second server on the same store refuses too.
    On a copy of the demo project, so that the module's other logins from 127.0.0.1 are not blocked."""
    shutil.copytree(demo.root, tmp_path / "copy")
    project = find_project(tmp_path / "copy", env={})
    with running(project) as url:
        client = httpx.Client(base_url=url)
        statuses = []
        for _ in range(6):
            data = {"username": "admin", "password": "wrong", "csrf_token": token(client.get("/login").text)}
            statuses.append(client.post("/login", data=data).status_code)
        assert statuses == [401] * 5 + [429]
        right = {"username": "admin", "password": "admin-pass-1234", "csrf_token": token(client.get("/login").text)}
        blocked = client.post("/login", data=right)
        assert blocked.status_code == 429 and "Too many failed attempts" in blocked.text
    with running(project) as url:  # another process's server on the same store
        client = httpx.Client(base_url=url)
        right = {"username": "admin", "password": "admin-pass-1234", "csrf_token": token(client.get("/login").text)}
        assert client.post("/login", data=right).status_code == 429


def test_login_goes_only_to_pages_of_this_site(site: Site) -> None:
    client = httpx.Client(base_url=site.url)
    for target, expected in (
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/rights/queue", "/rights/queue"),
    ):
        data = {"username": "viewer", "password": "viewer-pass-1234", "csrf_token": token(client.get("/login").text),
                "next": target}  # fmt: skip
        assert client.post("/login", data=data).headers["location"] == expected


def test_requests_for_another_host_are_refused(site: Site) -> None:
    assert httpx.get(site.url + "/login", headers={"Host": "evil.example"}).status_code == 400


def test_admin_adds_a_curator_who_can_log_in(site: Site) -> None:
    admin = logged_in(site.url, "admin")
    page = admin.get("/admin/users")
    form = {"csrf_token": token(page.text), "username": "rita", "role": "curator", "password": "rita-pass-1234"}
    added = admin.post("/admin/users", data=form)
    assert added.status_code == 200 and "Added rita (curator)." in added.text
    again = admin.post("/admin/users", data=form)
    assert again.status_code == 400 and "already a user named" in again.text
    rita = logged_in(site.url, "rita", "rita-pass-1234")
    assert "rita (curator)" in rita.get("/").text


def test_logout_ends_the_session_and_login_renews_it(site: Site) -> None:
    client = httpx.Client(base_url=site.url)
    before = token(client.get("/login").text)
    data = {"username": "viewer", "password": "viewer-pass-1234", "csrf_token": before}
    assert client.post("/login", data=data).status_code == 303
    home = client.get("/")
    assert home.status_code == 200 and token(home.text) != before  # a new session, a new CSRF token
    assert client.post("/logout", data={"csrf_token": token(home.text)}).headers["location"] == "/login"
    assert client.get("/").status_code == 303
