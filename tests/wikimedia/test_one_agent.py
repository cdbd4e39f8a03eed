"""One User-Agent on every request from every stage, and no credential in any log line: a server on
127.0.0.1 records what intake (OAI-PMH), reach (Action and REST APIs), linking (Wikidata API),
publishing (Action API and image download) and books (page images) send."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from tests.localserver import serve

from glamwiki.books.fetch import fetch_images
from glamwiki.books.pages import Book, Page
from glamwiki.intake.fetch import fetch, session_for
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.model.records import IMAGE_URL
from glamwiki.publishing import sources
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.auth import OAUTH2, Credentials
from glamwiki.publishing.errors import TransientError
from glamwiki.publishing.etiquette import Etiquette
from glamwiki.reach.http import Client, Politeness
from glamwiki.wikimedia import Http, HttpSettings, user_agent

CONTACT = "User:Museum_uploader"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def _route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    if path.endswith(".jpg"):
        return 200, {"Content-Type": "image/jpeg"}, JPEG
    if path.endswith("/oai"):
        return 200, {"Content-Type": "text/xml"}, b"<OAI-PMH/>"
    if query.get("action") == "query" and query.get("meta") == "userinfo":
        return 200, {}, json.dumps({"query": {"userinfo": {"id": 1, "name": "Uploader", "groups": []}}}).encode()
    if query.get("action") == "wbsearchentities":
        return 200, {}, json.dumps({"search": [{"id": "Q1"}]}).encode()
    return 200, {"Content-Type": "application/json"}, b'{"batchcomplete": true, "query": {"pages": []}}'


def test_every_stage_sends_the_one_user_agent(tmp_path: Path) -> None:
    with serve(_route) as (base, seen):
        fetch(f"{base}/oai", session_for({"allow_hosts": ["127.0.0.1"], "contact": CONTACT}))  # intake
        reach = Client(api_root=base, polite=Politeness(min_interval=0), contact=CONTACT)
        reach.action("commons.wikimedia.org", {"action": "query", "list": "categorymembers"})  # reach, Action API
        reach.rest("wikimedia.org", "/api/rest_v1/metrics/pageviews/x")  # reach, REST
        WikidataClient(tmp_path / "wd", contact=CONTACT, api_url=f"{base}/w/api.php", min_interval=0).search("x")
        api = ApiClient(f"{base}/w/api.php", CONTACT)  # publishing
        api.get(action="query", meta="userinfo")
        downloads = Http(HttpSettings(contact=CONTACT).with_hosts(["127.0.0.1"]), guard=True)
        sources.fetch(IMAGE_URL, f"{base}/img/a.jpg", tmp_path / "cache", "a", downloads)  # publishing download
        book = Book("m.json", None, "B", [Page(1, "1", "c1", f"{base}/book/p1.jpg")])
        fetch_images(book, tmp_path / "pages", CONTACT, allow_hosts=["127.0.0.1"])  # books
    agents = {headers["User-Agent"] for _, _, headers in seen}
    assert len(seen) == 7 and agents == {user_agent(CONTACT)}
    assert CONTACT in user_agent(CONTACT) and user_agent(CONTACT).startswith("glamwiki/")


def test_no_credential_in_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    token = "s3cr3t-oauth-token-do-not-log"
    busy = (503, {"Retry-After": "0"}, b"busy")
    caplog.set_level(logging.DEBUG)
    with serve(lambda path, query: busy) as (base, seen):
        slept: list[float] = []
        api = ApiClient(f"{base}/w/api.php", CONTACT, Credentials(OAUTH2, "", token), Etiquette(sleep=slept.append,
                        retries=2))  # fmt: skip
        with pytest.raises(TransientError) as failed:
            api.get(action="query", meta="userinfo")
    assert len(seen) == 3 and seen[0][2]["Authorization"] == f"Bearer {token}"  # it was sent, to the wiki only
    assert "retrying" in caplog.text  # the retries were logged...
    assert token not in caplog.text and token not in str(failed.value)  # ...without the token


def test_each_identity_has_its_own_session() -> None:
    """The web application logs in many users: each ApiClient sends its own token, none leaks to another."""
    with serve(_route) as (base, seen):
        alice = ApiClient(f"{base}/w/api.php", CONTACT, Credentials(OAUTH2, "", "token-alice"))
        bob = ApiClient(f"{base}/w/api.php", CONTACT, Credentials(OAUTH2, "", "token-bob"))
        anonymous = ApiClient(f"{base}/w/api.php", CONTACT)
        for client in (alice, bob, anonymous, alice):
            client.get(action="query", meta="userinfo")
    sent = [headers.get("Authorization") for _, _, headers in seen]
    assert sent == ["Bearer token-alice", "Bearer token-bob", None, "Bearer token-alice"]
    assert alice.session is not bob.session


def test_the_network_modules_read_no_environment() -> None:
    """Settings come in as arguments; only glamwiki.cli reads GLAMWIKI_* (cli/network.py)."""
    import glamwiki

    src = Path(glamwiki.__file__).parent
    owned = [*sorted((src / "wikimedia").glob("*.py")), src / "reach" / "session.py",
             src / "reach" / "http.py", src / "linking" / "run.py", src / "linking" / "wikidata" / "client.py",
             src / "intake" / "fetch.py", src / "publishing" / "api.py", src / "books" / "fetch.py"]  # fmt: skip
    for path in owned:
        text = path.read_text(encoding="utf-8")
        assert "os.environ" not in text and "getenv" not in text, path


def test_a_lagged_write_is_retried_by_the_http_layer_and_a_busy_one_is_not() -> None:
    """maxlag means the wiki did nothing, so even a write is sent again after the lag (at least
    Etiquette.maxlag_floor); a 503 may hide a write that happened, so it is not."""
    lagged = json.dumps({"error": {"code": "maxlag", "info": "Waiting for db1: 2 seconds lagged.", "lag": 2}})
    answers = [(200, {"Retry-After": "2"}, lagged.encode()), (200, {}, b'{"edit": {"result": "Success"}}')]

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("meta") == "tokens":
            return 200, {}, b'{"query": {"tokens": {"csrftoken": "abc+\\\\"}}}'
        return answers.pop(0) if answers else (503, {}, b"busy")

    slept: list[float] = []
    with serve(route) as (base, seen):
        api = ApiClient(f"{base}/w/api.php", CONTACT, etiquette=Etiquette(sleep=slept.append, edits_per_minute=0))
        assert api.write({"action": "edit", "title": "X", "text": "y"}) == {"edit": {"result": "Success"}}
        assert slept == [5.0]  # the server said 2 s; the floor is 5 s
        with pytest.raises(TransientError, match="HTTP 503"):
            api.write({"action": "edit", "title": "X", "text": "z"})
    edits = [q for _, q, _ in seen if q.get("action") == "edit"]
    assert len(edits) == 3 and slept == [5.0]
