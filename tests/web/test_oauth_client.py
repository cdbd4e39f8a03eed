"""The OAuth 2 client (glamwiki.wikimedia.oauth2) and the identity resolver against the stand-in
Extension:OAuth provider over real HTTP: the code flow with PKCE, what the provider refuses, token
renewal, the bearer token the API client sends, and tokens only sealed in the store."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from glamwiki.identities import NoIdentity, Vault, credentials_for_account, key_file, save_botpassword, save_tokens
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import BOTPASSWORD, OAUTH2
from glamwiki.store import open_store
from glamwiki.store.identities import credentials_of
from glamwiki.web.auth import create_user
from glamwiki.wikimedia.oauth2 import OAuthClient, OAuthFailed, exchange, profile, refresh, start

from .oauth_provider import Client, Provider, User, consent, serving

REDIRECT = "http://127.0.0.1:9/login/wikimedia/callback"  # never called: the test reads the redirect itself
SECRET = "s3cret-of-the-consumer-0123456789"


@pytest.fixture
def provider() -> Iterator[tuple[Provider, OAuthClient]]:
    users = {"Rita Resident": User("Rita Resident", 101), "Blocked Bob": User("Blocked Bob", 102, blocked=True)}
    p = Provider(clients={"glamwiki-test": Client("glamwiki-test", SECRET, REDIRECT)}, users=users)
    with serving(p) as url:
        yield p, OAuthClient(url + "/w/rest.php", "glamwiki-test", SECRET)


def _code(client: OAuthClient, user: str = "Rita Resident") -> tuple[str, str]:
    auth = start(client, REDIRECT)
    query = parse_qs(urlsplit(auth.url).query)
    assert query["code_challenge_method"] == ["S256"] and query["response_type"] == ["code"]
    assert query["state"] == [auth.state] and auth.verifier not in auth.url  # only the challenge travels
    back = parse_qs(urlsplit(consent(auth.url, user)).query)
    assert back["state"] == [auth.state]
    return back["code"][0], auth.verifier


def test_code_flow_gives_tokens_and_the_profile(provider: tuple[Provider, OAuthClient]) -> None:
    stand_in, client = provider
    code, verifier = _code(client)
    tokens = exchange(client, code, verifier, REDIRECT)
    assert tokens.access_token and tokens.refresh_token and tokens.expires_at and not tokens.expired()
    person = profile(client, tokens.access_token)
    assert (person.username, person.blocked, person.sub) == ("Rita Resident", False, "101")
    assert stand_in.token_requests == [{"grant_type": "authorization_code"}]


def test_the_provider_refuses_replayed_codes_wrong_secrets_verifiers_and_redirects(
    provider: tuple[Provider, OAuthClient],
) -> None:
    _, client = provider
    code, verifier = _code(client)
    tokens = exchange(client, code, verifier, REDIRECT)
    with pytest.raises(OAuthFailed, match="invalid_grant"):
        exchange(client, code, verifier, REDIRECT)  # a code used twice...
    with pytest.raises(OAuthFailed):
        profile(client, tokens.access_token)  # ...revokes what it gave
    code, verifier = _code(client)
    wrong = OAuthClient(client.rest, client.client_id, "not-the-secret")
    with pytest.raises(OAuthFailed, match="invalid_client"):
        exchange(wrong, code, verifier, REDIRECT)
    code, _ = _code(client)
    with pytest.raises(OAuthFailed, match="invalid_grant"):
        exchange(client, code, "another-verifier-" + "x" * 40, REDIRECT)
    code, _ = _code(client)  # the same refusal as the wiki words it (league/oauth2-server's hint)
    form = {"grant_type": "authorization_code", "code": code, "client_id": client.client_id,
            "client_secret": SECRET, "redirect_uri": REDIRECT, "code_verifier": "x" * 43}  # fmt: skip
    answer = httpx.post(client.endpoint("access_token"), data=form)
    assert answer.status_code == 400 and answer.json()["hint"] == "Failed to verify `code_verifier`."
    auth = start(client, "http://127.0.0.1:9/elsewhere")
    answer = httpx.get(auth.url)
    assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"


def test_expired_tokens_are_refused_and_renewed_once(provider: tuple[Provider, OAuthClient]) -> None:
    stand_in, client = provider
    code, verifier = _code(client)
    tokens = exchange(client, code, verifier, REDIRECT)
    stand_in.expire_all()
    with pytest.raises(OAuthFailed, match="401"):
        profile(client, tokens.access_token)
    new = refresh(client, tokens.refresh_token)
    assert profile(client, new.access_token).username == "Rita Resident"
    with pytest.raises(OAuthFailed, match="connect the Wikimedia account again"):
        refresh(client, tokens.refresh_token)  # rotated: the old refresh token is spent


def test_resolver_renews_an_expired_token_and_the_api_client_sends_it_as_bearer(
    provider: tuple[Provider, OAuthClient], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    stand_in, client = provider
    vault = Vault(key_file(tmp_path), client)
    stand_in.ttl = 30  # within the client's minute of leeway: taken as expired
    code, verifier = _code(client)
    tokens = exchange(client, code, verifier, REDIRECT)
    stand_in.ttl = 4 * 3600
    db = tmp_path / "site.db"
    with open_store(db, migrate=True) as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        with pytest.raises(NoIdentity, match="connect a Wikimedia account"):
            credentials_for_account(store, "rita", client.rest.replace("rest.php", "api.php"), vault)
        save_tokens(store, vault, "rita", client.site, "Rita Resident", tokens)
        target = client.rest.replace("rest.php", "api.php")
        creds = credentials_for_account(store, "rita", target, vault)
        assert creds.kind == OAUTH2 and creds.user == "Rita Resident" and creds.secret != tokens.access_token
        assert stand_in.token_requests[-1] == {"grant_type": "refresh_token"}
        again = credentials_for_account(store, "rita", target, vault)
        assert again.secret == creds.secret  # the renewed token was kept (sealed) for the next job
        (kept,) = credentials_of(store, "rita")
    api = ApiClient(target, "tests@example.org", creds)
    assert api.login() == "Rita Resident"
    assert stand_in.seen_authorization[-1] == f"Bearer {creds.secret}"
    answer = api.write({"action": "upload", "filename": "Test.png", "ignorewarnings": "1"},
                       files={"file": ("Test.png", b"\x89PNG\r\n\x1a\n")})  # fmt: skip
    assert answer["upload"]["result"] == "Success"
    assert ("POST", "upload", f"Bearer {creds.secret}") in stand_in.api_requests  # the upload carried the token
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("site.db*"))
    for secret in (tokens.access_token, tokens.refresh_token, creds.secret):
        assert secret.encode() not in raw and secret not in kept.sealed
        assert secret not in caplog.text
    assert (tmp_path / "web-identity.key").stat().st_mode & 0o077 == 0


def test_a_botpassword_for_the_exact_wiki_wins_and_a_foreign_wiki_gets_nothing(tmp_path: Path) -> None:
    vault = Vault(key_file(tmp_path))
    with open_store(tmp_path / "site.db", migrate=True) as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        site = save_botpassword(store, vault, "rita", "http://127.0.0.1:8080/api.php", "rita resident@glamwiki",
                                "0123456789abcdef0123456789abcdef")  # fmt: skip
        assert site == "127.0.0.1:8080"
        creds = credentials_for_account(store, "rita", "http://127.0.0.1:8080/api.php", vault)
        assert (creds.kind, creds.user, creds.secret) == (BOTPASSWORD, "Rita resident@glamwiki",
                                                          "0123456789abcdef0123456789abcdef")  # fmt: skip
        with pytest.raises(NoIdentity):
            credentials_for_account(store, "rita", "https://commons.wikimedia.org/w/api.php", vault)
        with pytest.raises(NoIdentity, match="cannot be read"):
            other = tmp_path / "other"
            other.mkdir()
            credentials_for_account(store, "rita", "http://127.0.0.1:8080/api.php", Vault(key_file(other)))


def test_oauth_tokens_of_meta_serve_every_wikimedia_wiki(tmp_path: Path) -> None:
    from glamwiki.identities import _covers

    assert _covers("meta.wikimedia.org", "commons.wikimedia.org")
    assert _covers("meta.wikimedia.org", "www.wikidata.org")
    assert not _covers("meta.wikimedia.org", "wiki.example.org")
    assert not _covers("meta.wikimedia.org", "evilwikimedia.org")


def test_the_job_resolver_answers_with_the_identity_of_the_account_that_started_the_job(tmp_path: Path) -> None:
    from glamwiki.identities import job_resolver
    from glamwiki.store.jobs import Job

    def job(params: dict[str, object]) -> Job:
        return Job(1, "publish", params, "running", 0, None, "", "", False, "", None, None, None)

    vault = Vault(key_file(tmp_path))
    db = tmp_path / "site.db"
    with open_store(db, migrate=True) as store:
        create_user(store, "rita", "resident", "rita-pass-1234")
        create_user(store, "sam", "resident", "sam-pass-12345")
        save_botpassword(store, vault, "rita", "http://127.0.0.1:8080/api.php", "Rita@glamwiki", "p" * 32)
    resolve = job_resolver(lambda: open_store(db), vault)
    found = resolve(job({"by": "rita"}), "http://127.0.0.1:8080/api.php")
    assert found is not None and found.user == "Rita@glamwiki"
    assert resolve(job({"by": "sam"}), "http://127.0.0.1:8080/api.php") is None  # the worker's own then
    assert resolve(job({}), "http://127.0.0.1:8080/api.php") is None
    with pytest.raises(NoIdentity, match="'sam'"):
        job_resolver(lambda: open_store(db), vault, required=True)(job({"by": "sam"}), "http://127.0.0.1:8080/api.php")


def test_an_unreachable_wiki_is_a_clear_error(tmp_path: Path) -> None:
    from .conftest import free_port

    client = OAuthClient(f"http://127.0.0.1:{free_port()}/w/rest.php", "glamwiki-test", SECRET)
    for call in (lambda: exchange(client, "c", "v" * 43, REDIRECT), lambda: refresh(client, "r"),
                 lambda: profile(client, "t")):  # fmt: skip
        with pytest.raises(OAuthFailed, match="Could not talk to the wiki"):
            call()
