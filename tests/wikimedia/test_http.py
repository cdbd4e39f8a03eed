"""The one HTTP layer against servers on 127.0.0.1: retries as the server says (Retry-After, maxlag),
fail fast when waiting cannot help, per-host limits, the cache and its bypass, one User-Agent."""

from __future__ import annotations

import json
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from tests.localserver import serve

from glamwiki.wikimedia import Http, HttpSettings, MaxLagged, RateLimited, Transient, Unreachable
from glamwiki.wikimedia.errors import ApiRefused
from glamwiki.wikimedia.http import retry_after

OK = (200, {"Content-Type": "application/json"}, b'{"ok": 1}')


def _http(**settings: object) -> tuple[Http, list[float]]:
    slept: list[float] = []
    return Http(HttpSettings(contact="ops@museum.example", **settings), sleep=slept.append), slept  # type: ignore[arg-type]


def _script(*answers: tuple[int, dict[str, str], bytes]):  # type: ignore[no-untyped-def]
    queue = list(answers)
    return lambda path, query: queue.pop(0) if len(queue) > 1 else queue[0]


def test_503_is_retried_after_the_servers_retry_after() -> None:
    http, slept = _http()
    with serve(_script((503, {"Retry-After": "7"}, b"busy"), OK)) as (base, seen):
        assert http.get_json(f"{base}/x") == {"ok": 1}
    assert slept == [7.0] and len(seen) == 2


def test_retry_after_as_an_http_date_and_the_cap() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after(later) or 0) <= 31
    http, slept = _http(max_wait=10.0)
    with serve(_script((429, {"Retry-After": "3600"}, b""), OK)) as (base, _):
        http.get_json(f"{base}/x")
    assert slept == [10.0]  # never longer than max_wait


def test_without_a_hint_the_backoff_doubles_then_gives_up() -> None:
    http, slept = _http(retries=3, backoff=1.5)
    with serve(_script((502, {}, b"bad gateway"))) as (base, seen), pytest.raises(Transient, match="HTTP 502"):
        http.get_json(f"{base}/x")
    assert slept == [1.5, 3.0, 6.0] and len(seen) == 4


def test_maxlag_is_retried_with_the_servers_lag_hint() -> None:
    """https://www.mediawiki.org/wiki/Manual:Maxlag_parameter: the error code maxlag, a Retry-After header."""
    lagged = json.dumps({"error": {"code": "maxlag", "info": "Waiting for a database server: 3 seconds lagged.",
                                   "host": "db1", "lag": 3}}).encode()  # fmt: skip
    http, slept = _http()
    with serve(_script((200, {"Retry-After": "4"}, lagged), OK)) as (base, seen):
        assert http.get_json(f"{base}/w/api.php", {"action": "query"}, api=True) == {"ok": 1}
    assert slept == [4.0] and all(q["maxlag"] == "5" for _, q, _ in seen)
    http, slept = _http(retries=1)
    with serve(_script((200, {}, lagged))) as (base, _), pytest.raises(MaxLagged):
        http.get_json(f"{base}/w/api.php", {"action": "query"}, api=True)
    assert slept == [3.0]  # the lag in the body when there is no header


def test_other_api_errors_are_not_retried() -> None:
    refused = b'{"error": {"code": "no-such-entity", "info": "Could not find an entity with the ID \\"Q0\\"."}}'
    http, slept = _http()
    with serve(_script((200, {}, refused))) as (base, seen), pytest.raises(ApiRefused, match="entity") as caught:
        http.get_json(f"{base}/w/api.php", {"ids": "Q0"}, api=True)
    assert caught.value.code == "no-such-entity" and slept == [] and len(seen) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_connection_fails_fast() -> None:
    http, slept = _http()
    started = time.monotonic()
    with pytest.raises(Unreachable, match="refused"):
        http.get_json(f"http://127.0.0.1:{_free_port()}/x")
    assert slept == [] and time.monotonic() - started < 5


def test_an_unresolvable_host_fails_fast() -> None:
    http, slept = _http()
    with pytest.raises(Unreachable, match="does not resolve"):
        http.get_json("http://no-such-host.invalid/x")
    assert slept == [] and http.requests_made == 0


def test_a_timeout_is_retried() -> None:
    def slow(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("n") == "slow":
            time.sleep(1.0)
        return OK

    http, slept = _http(retries=2, backoff=0.0, timeout=0.2)
    with serve(slow) as (base, seen), pytest.raises(Transient, match="ReadTimeout"):
        http.get_json(f"{base}/x", {"n": "slow"})
    assert len(seen) == 3 and len(slept) == 2


def test_per_host_limit_is_observed() -> None:
    lock = threading.Lock()
    state = {"now": 0, "most": 0}

    def count(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.15)
        with lock:
            state["now"] -= 1
        return OK

    http, _ = _http(per_host=2)
    with serve(count) as (base, seen):
        threads = [threading.Thread(target=http.get_json, args=(f"{base}/x",), kwargs={"params": {"i": i}})
                   for i in range(8)]  # fmt: skip
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(seen) == 8 and state["most"] == 2
    one, _ = _http(per_host=4, host_limits=(("127.0.0.1", 1),))
    assert one.settings.limit_for("127.0.0.1") == 1 and one.settings.limit_for("example.org") == 4


def test_cache_hit_max_age_and_bypass(tmp_path: Path) -> None:
    http, _ = _http(cache_dir=tmp_path / "cache")
    with serve(_script(OK)) as (base, seen):
        url = f"{base}/w/api.php"
        assert http.get_json(url, {"ids": "Q42"}, api=True) == {"ok": 1}
        again, _ = _http(cache_dir=tmp_path / "cache")  # another client, the same folder
        assert again.get_json(url, {"ids": "Q42"}, api=True) == {"ok": 1}
        assert len(seen) == 1 and again.cache is not None and again.cache.hits == 1
        again.get_json(url, {"ids": "Q42"}, api=True, fresh=True)  # the bypass
        assert len(seen) == 2
        time.sleep(0.05)
        again.get_json(url, {"ids": "Q42"}, api=True, max_age=0.01)  # too old for this reader
        again.get_json(url, {"ids": "Q42"}, api=True, max_age=3600)
        again.get_json(url, {"ids": "Q64"}, api=True)  # another question
    assert len(seen) == 4


def test_one_user_agent_with_the_operators_contact() -> None:
    """https://meta.wikimedia.org/wiki/User-Agent_policy: name/version (contact) library/version."""
    http, _ = _http()
    with serve(_script(OK)) as (base, seen):
        http.get_json(f"{base}/x")
    agent = seen[0][2]["User-Agent"]
    assert agent == http.user_agent and agent.startswith("glamwiki/") and "ops@museum.example" in agent
    assert "python-requests/" in agent


def test_rate_limited_is_transient() -> None:
    assert issubclass(RateLimited, Transient) and issubclass(MaxLagged, Transient)
    assert not issubclass(Unreachable, Transient)


def test_the_stages_errors_are_one_family() -> None:
    """A caller (the web application) can catch every network failure of every stage as one type."""
    from glamwiki.errors import GlamwikiError
    from glamwiki.linking.wikidata.client import WikidataError
    from glamwiki.publishing.errors import AuthError, TargetUnreachable, TransientError
    from glamwiki.publishing.errors import Unreachable as SourceUnreachable
    from glamwiki.reach.errors import ApiError
    from glamwiki.wikimedia import AuthFailed, WikimediaError

    assert issubclass(WikimediaError, GlamwikiError)
    assert issubclass(TransientError, Transient) and issubclass(TargetUnreachable, Unreachable)
    assert issubclass(SourceUnreachable, Unreachable) and not issubclass(SourceUnreachable, Transient)
    assert issubclass(ApiError, WikimediaError) and issubclass(WikidataError, WikimediaError)
    assert issubclass(AuthError, AuthFailed) and AuthError("refused").exit_code == 2
    assert ApiError("x", status=503).status == 503
