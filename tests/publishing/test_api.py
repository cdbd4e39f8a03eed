"""The API client's etiquette and error handling, against scripted answers (no network)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from requests.adapters import HTTPAdapter

from glamwiki.publishing.api import ApiClient, raise_for_error
from glamwiki.publishing.auth import BOTPASSWORD, Credentials
from glamwiki.publishing.errors import ApiError, BadToken, MaxLag, PublishError, RateLimited, TransientError
from glamwiki.publishing.etiquette import EditThrottle, Etiquette

API = "http://127.0.0.1:9/api.php"


class Scripted(HTTPAdapter):
    """Answers from a script: a list of (status, json or None, headers); records every request."""

    def __init__(self, script: list[tuple[int, dict | None, dict]]) -> None:
        super().__init__()
        self.script = script
        self.seen: list[dict[str, str]] = []
        self.headers: list[dict[str, str]] = []

    def send(self, request, **kwargs):  # type: ignore[override]
        params = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
        if request.body:
            body = request.body if isinstance(request.body, str) else request.body.decode()
            params |= {k: v[0] for k, v in parse_qs(body).items()}
        self.seen.append(params)
        self.headers.append(dict(request.headers))
        if params.get("meta") == "tokens":
            return _response(request, 200, {"query": {"tokens": {"csrftoken": f"tok{len(self.seen)}+\\"}}}, {})
        status, data, headers = self.script.pop(0)
        if data is None:
            raise requests.ConnectionError("dropped")
        return _response(request, status, data, headers)


def _response(request, status: int, data: dict, headers: dict) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r._content = json.dumps(data).encode()
    r.headers.update(headers)
    r.request = request
    return r


def _client(script, **etiquette) -> tuple[ApiClient, Scripted, list[float]]:
    slept: list[float] = []
    adapter = Scripted(script)
    session = requests.Session()
    session.mount("http://", adapter)
    e = Etiquette(sleep=slept.append, edits_per_minute=0, **etiquette)
    creds = Credentials(BOTPASSWORD, "U@b", "pw")
    return ApiClient(API, "Museum <ops@museum.example>", creds, e, session=session), adapter, slept


OK = (200, {"upload": {"result": "Success"}}, {})


def test_maxlag_waits_retry_after_with_a_floor_and_never_raises_maxlag() -> None:
    maxlag = (200, {"error": {"code": "maxlag", "info": "lagged"}}, {"Retry-After": "7"})
    short = (200, {"error": {"code": "maxlag", "info": "lagged"}}, {"Retry-After": "1"})
    client, adapter, slept = _client([maxlag, short, OK])
    assert client.write({"action": "upload"})["upload"]["result"] == "Success"
    assert slept == [7.0, 5.0]
    assert all(p.get("maxlag") == "5" for p in adapter.seen)


def test_ratelimited_backs_off_exponentially() -> None:
    limited = (200, {"error": {"code": "ratelimited", "info": "slow down"}}, {})
    client, _, slept = _client([limited, limited, OK], ratelimit_wait=30)
    client.write({"action": "upload"})
    assert slept == [30, 60]


def test_gives_up_after_the_retry_budget() -> None:
    limited = (200, {"error": {"code": "ratelimited", "info": "slow down"}}, {})
    client, _, _ = _client([limited] * 3, retries=2)
    with pytest.raises(RateLimited):
        client.write({"action": "upload"})


def test_badtoken_refreshes_the_token_once() -> None:
    bad = (200, {"error": {"code": "badtoken", "info": "Invalid CSRF token."}}, {})
    client, adapter, _ = _client([bad, OK])
    client.write({"action": "upload"})
    tokens = [p["token"] for p in adapter.seen if p.get("action") == "upload"]
    assert len(tokens) == 2 and tokens[0] != tokens[1]
    client2, _, _ = _client([bad, bad])
    with pytest.raises(BadToken):
        client2.write({"action": "upload"})


def test_reads_retry_dropped_connections_and_5xx_but_writes_do_not() -> None:
    client, _, slept = _client([(0, None, {}), (503, {}, {}), (200, {"query": {}}, {})])
    assert client.get(action="query") == {"query": {}}
    assert len(slept) == 2
    client, _, _ = _client([(503, {}, {})])
    with pytest.raises(TransientError):
        client.write({"action": "upload"})


def test_writes_carry_assert_token_user_agent_and_rate_cap() -> None:
    client, adapter, slept = _client([OK, OK])
    client.etiquette.edits_per_minute = 6
    client.is_bot = True
    client.write({"action": "upload"})
    client.write({"action": "upload"})
    upload = [p for p in adapter.seen if p.get("action") == "upload"]
    assert all(p["assert"] == "bot" and p["token"] for p in upload)
    assert "ops@museum.example" in adapter.headers[0]["User-Agent"]
    assert slept and 9 < slept[0] <= 10


def test_errors_become_exceptions_in_one_place() -> None:
    with pytest.raises(MaxLag) as info:
        raise_for_error({"error": {"code": "maxlag", "info": "x"}})
    assert info.value.retry_after == 5.0
    with pytest.raises(ApiError) as err:
        raise_for_error({"error": {"code": "verification-error", "info": "bad file"}})
    assert err.value.code == "verification-error" and "bad file" in str(err.value)


def test_a_contact_is_required_for_public_wikis() -> None:
    with pytest.raises(PublishError, match="contact"):
        ApiClient("https://commons.wikimedia.org/w/api.php", "")


def test_edit_throttle_spaces_writes() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    throttle = EditThrottle(Etiquette(edits_per_minute=4, sleep=sleep, clock=lambda: now[0]))
    for _ in range(3):
        throttle.wait()
    assert slept == [15.0, 15.0]


def test_oauth_refusal_stops_with_an_auth_error() -> None:
    from glamwiki.publishing.errors import AuthError

    with pytest.raises(AuthError, match="OAuth"):
        raise_for_error({"error": {"code": "mwoauth-invalid-authorization", "info": "token expired"}})
