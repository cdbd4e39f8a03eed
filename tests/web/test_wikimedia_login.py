"""Log in with Wikimedia in a real Chromium: the authorization code flow against the stand-in
Extension:OAuth provider (consent, callback, landing logged in as the mapped account), the refusals
(unknown user, blocked user, bad state, replayed code, wrong redirect), the Wikimedia identity panel,
and the tokens in no page, log line, cookie or byte of the store."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from glamwiki.identities import link_account
from glamwiki.project import Project
from glamwiki.store.identities import credentials_of
from glamwiki.web.app import create_app
from glamwiki.web.auth import create_user, session_secret
from glamwiki.wikimedia.oauth2 import OAuthClient

from .cdp import Tab, browser
from .conftest import PASSWORDS, free_port, serve_asgi
from .oauth_provider import Client, Provider, User, serving

SECRET = "consumer-secret-for-the-web-tests-0123"


@dataclass
class Setup:
    url: str
    provider: Provider
    provider_url: str
    project: Project


@pytest.fixture(scope="module")
def setup(demo: Project) -> Iterator[Setup]:
    with demo.open_store() as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        create_user(store, "wikimedia:Wendy_Wiki", "viewer", "")
        link_account(store, "rita", "Rita_Resident", "admin")
        link_account(store, "curator", "Blocked Bob", "admin")
    users = [User("Rita Resident", 11), User("Wendy Wiki", 12), User("Blocked Bob", 13, blocked=True),
             User("Stranger Sam", 14), User('Sam "<b>x</b>{{7*7}}', 15)]  # fmt: skip
    port = free_port()
    callback = f"http://127.0.0.1:{port}/login/wikimedia/callback"
    provider = Provider(clients={"glamwiki": Client("glamwiki", SECRET, callback)}, users={u.name: u for u in users})
    with serving(provider) as provider_url:
        client = OAuthClient(provider_url + "/w/rest.php", "glamwiki", SECRET)
        app = create_app(demo.db_path, demo.name, session_secret(demo.root), oauth=client)
        with serve_asgi(app, port) as url:
            yield Setup(url, provider, provider_url, demo)


def wikimedia_login(tab: Tab, s: Setup, who: str, next_page: str = "/") -> str:
    tab.goto(f"{s.url}/login?next={next_page}")
    consent = tab.submit({}, "#login-wikimedia")
    assert tab.url().startswith(s.provider_url + "/w/rest.php/oauth2/authorize?")
    assert "would like to access your account" in consent
    return tab.submit({"#wpName": who}, "#mw-mwoauth-accept")


def test_a_linked_wikimedia_user_lands_logged_in_as_the_account(setup: Setup) -> None:
    with browser() as tab:
        html = wikimedia_login(tab, setup, "Rita Resident", "/jobs")
        assert tab.url() == setup.url + "/jobs"
        assert "rita (resident)" in tab.text()
        me = tab.goto(setup.url + "/me")
        assert "Wikimedia identity" in me and "Rita Resident" in tab.text() and "OAuth 2" in tab.text()
        assert urlsplit(setup.provider_url).netloc in tab.text()
    assert "Log out" in html


def test_an_account_named_wikimedia_name_is_opened_by_that_user(setup: Setup) -> None:
    with browser() as tab:
        wikimedia_login(tab, setup, "Wendy Wiki")
        assert tab.url() == setup.url + "/"
        assert "wikimedia:Wendy_Wiki (viewer)" in tab.text()


def test_an_unknown_wikimedia_user_is_told_to_ask_an_admin(setup: Setup) -> None:
    with browser() as tab:
        wikimedia_login(tab, setup, "Stranger Sam")
        assert "Ask an admin to add you" in tab.text() and "Stranger Sam" in tab.text()
        tab.goto(setup.url + "/")
        assert "/login" in tab.url()  # no account, no session
    with setup.project.open_store() as store:
        assert not [c for a in ("rita", "curator") for c in credentials_of(store, a) if c.wiki_user == "Stranger Sam"]


def test_a_hostile_user_name_is_shown_as_text(setup: Setup) -> None:
    with browser() as tab:
        html = wikimedia_login(tab, setup, 'Sam "<b>x</b>{{7*7}}')
        assert 'You are Sam "<b>x</b>{{7*7}} on Wikimedia' in tab.text()
        assert "<b>x</b>" not in html and "49" not in tab.text()


def test_a_blocked_user_is_refused_even_when_linked(setup: Setup) -> None:
    with browser() as tab:
        wikimedia_login(tab, setup, "Blocked Bob")
        assert "blocked" in tab.text() and "Account blocked" in tab.text()
        tab.goto(setup.url + "/")
        assert "/login" in tab.url()
    with setup.project.open_store() as store:
        assert credentials_of(store, "curator") == []


def test_bad_state_replayed_code_and_wrong_redirect_are_refused(setup: Setup) -> None:
    with browser() as tab:
        wikimedia_login(tab, setup, "Rita Resident")
        # the callback Chromium was sent to, read back from the stand-in's last code
        (code,) = [c for c, v in setup.provider.codes.items() if v["used"] and v["user"] == "Rita Resident"][-1:]
    with browser() as tab:
        tab.goto(f"{setup.url}/login/wikimedia/callback?code={code}&state=forged")
        assert "Login not recognised" in tab.text()
        tab.goto(setup.url + "/login/wikimedia")  # a login started here: its state is in the session
        state = parse_qs(urlsplit(tab.url()).query)["state"][0]
        tab.goto(f"{setup.url}/login/wikimedia/callback?code={code}&state={state}")
        assert "Login failed" in tab.text() and "invalid_grant" in tab.text()
        tab.goto(setup.url + "/")
        assert "/login" in tab.url()
        wrong = tab.goto(f"{setup.provider_url}/w/rest.php/oauth2/authorize?response_type=code&client_id=glamwiki"
                         f"&redirect_uri=http://127.0.0.1:9/steal&state=x")  # fmt: skip
        assert "invalid_client" in wrong


def _session_of(tab: Tab) -> dict[str, object]:
    (cookie,) = [c for c in tab.call("Network.getAllCookies")["cookies"] if c["name"] == "glamwiki_session"]
    payload = cookie["value"].split(".")[0]
    data: dict[str, object] = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    return data


def test_tokens_appear_in_no_page_log_cookie_or_store_byte(setup: Setup, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    pages = []
    with browser() as tab:
        wikimedia_login(tab, setup, "Rita Resident")
        cookie = json.dumps(_session_of(tab))
        for path in ("/", "/me", "/jobs", "/uploads", "/login"):
            pages.append(tab.goto(setup.url + path))
    with browser() as tab:
        tab.goto(setup.url + "/login")
        tab.submit({"input[name=username]": "admin", "input[name=password]": PASSWORDS["admin"]}, "#login")
        pages.append(tab.goto(setup.url + "/admin/users"))
        assert "Rita Resident" in tab.text()  # the link is shown to the admin
    tokens = [*setup.provider.access, *setup.provider.refresh]
    assert tokens
    for code in setup.provider.codes:  # the callback's URL, as uvicorn's access log would write it
        logging.getLogger("uvicorn.access").warning('127.0.0.1 - "GET /login/wikimedia/callback?code=%s" 303', code)
        assert code not in caplog.text
    root = setup.project.root
    stored = b"".join(p.read_bytes() for p in root.glob("glamwiki.db*"))
    for token in tokens:
        assert token not in "".join(pages) and token not in cookie and token not in caplog.text
        assert token.encode() not in stored
    assert SECRET not in "".join(pages) and SECRET.encode() not in stored and SECRET not in caplog.text


def test_the_identity_panel_disconnects(setup: Setup) -> None:
    with browser() as tab:
        wikimedia_login(tab, setup, "Rita Resident", "/me")
        assert tab.url() == setup.url + "/me"
        with setup.project.open_store() as store:
            assert [c.wiki_user for c in credentials_of(store, "rita")] == ["Rita Resident"]
        done = tab.submit({}, "#wikimedia-identity form[action='/me/disconnect'] button")
        assert "Disconnected your identity" in done and "None yet" in done
    with setup.project.open_store() as store:
        assert credentials_of(store, "rita") == []


def test_a_local_user_connects_a_wikimedia_account_from_their_page(setup: Setup) -> None:
    with browser() as tab:
        tab.goto(setup.url + "/login")
        tab.submit({"input[name=username]": "admin", "input[name=password]": PASSWORDS["admin"]}, "#login")
        tab.goto(setup.url + "/me")
        tab.submit({}, "#connect-wikimedia")
        tab.submit({"#wpName": "Wendy Wiki"}, "#mw-mwoauth-accept")
        assert tab.url() == setup.url + "/me"
        assert "Wendy Wiki" in tab.text() and "admin (admin)" in tab.text()
    with setup.project.open_store() as store:
        assert [c.wiki_user for c in credentials_of(store, "admin")] == ["Wendy Wiki"]


def test_without_configuration_there_is_no_wikimedia_login(site) -> None:  # type: ignore[no-untyped-def]
    assert "Log in with Wikimedia" not in httpx.get(site.url + "/login").text
    assert httpx.get(site.url + "/login/wikimedia").status_code == 404
