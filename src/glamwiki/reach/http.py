"""A polite HTTP client for Wikimedia APIs: one Action API request at a time (a few REST metrics
requests at once, ``Politeness.rest_concurrency``), a pause between two request starts,
``maxlag`` on the Action API, retries with backoff that honour ``Retry-After``, and an on-disk
cache so a rerun does not ask again for what cannot have changed.

Every site is reached under one root: by default each API's public host; with ``api_root``
(``--api-root`` / ``GLAMWIKI_REACH_API_ROOT``) every request goes to ``{api_root}/{host}/...``
instead, which is how the tests point the clients at recorded responses on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import requests

from glamwiki import __version__
from glamwiki.reach.errors import ApiError

USER_AGENT = f"glamwiki/{__version__} (reach stage; https://github.com/glamwiki) python-requests"
RETRY_STATUS = {429, 500, 502, 503, 504}
DAY = 86400.0


@dataclass
class Politeness:
    min_interval: float = 0.2  # seconds between two requests
    max_retries: int = 5
    backoff: float = 2.0  # first wait when no Retry-After is given; doubles each retry
    max_wait: float = 120.0
    maxlag: int = 5
    # REST metrics requests in flight at once. The Action API asks for one request at a time
    # (https://www.mediawiki.org/wiki/API:Etiquette); the REST APIs have per-client rate limits
    # instead (https://www.mediawiki.org/wiki/Wikimedia_APIs/Rate_limits), so a few run together,
    # still paced by min_interval between two request starts.
    rest_concurrency: int = 4


@dataclass
class Client:
    api_root: str = ""
    cache_dir: Path | None = None
    polite: Politeness = field(default_factory=Politeness)
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)
    requests_made: int = 0
    cache_hits: int = 0
    waits: list[float] = field(default_factory=list)
    notify: Callable[[str], None] | None = None  # hears of each wait before a retry

    def __post_init__(self) -> None:
        self._lock = threading.Lock()  # one Action API request at a time, whatever the caller does
        self._rest = threading.BoundedSemaphore(max(1, self.polite.rest_concurrency))
        self._pace = threading.Lock()
        self._last = 0.0
        self.session.headers["User-Agent"] = USER_AGENT

    def url(self, host: str, path: str) -> str:
        root = self.api_root.rstrip("/")
        return f"{root}/{host}{path}" if root else f"https://{host}{path}"

    # -- the two kinds of call --------------------------------------------------------------
    def action(self, host: str, params: dict[str, Any], ttl: float = DAY) -> dict[str, Any]:
        """One Action API request (format=json, formatversion=2, maxlag); errors raised here only."""
        full = {"format": "json", "formatversion": "2", "maxlag": str(self.polite.maxlag), **params}
        answer: dict[str, Any] = self.get_json(self.url(host, "/w/api.php"), full, ttl, action=True)
        return answer

    def rest(self, host: str, path: str, ttl: float = DAY) -> dict[str, Any] | None:
        """One REST request; None when the API says there is no data (404)."""
        answer: dict[str, Any] | None = self.get_json(self.url(host, path), {}, ttl, action=False)
        return answer

    # -- machinery ------------------------------------------------------------------------------
    def get_json(self, url: str, params: dict[str, Any], ttl: float, action: bool) -> Any:
        key = hashlib.sha256((url + "?" + urlencode(sorted(params.items()))).encode()).hexdigest()
        cached = self._cached(key, ttl)
        if cached is not None:
            self.cache_hits += 1
            return cached.get("body")
        with self._lock if action else self._rest:
            body = self._fetch(url, params, action)
        self._store(key, {"url": url, "body": body})
        return body

    def _fetch(self, url: str, params: dict[str, Any], action: bool) -> Any:
        for attempt in range(self.polite.max_retries + 1):
            self._pause()
            try:
                response = self.session.get(url, params=params, timeout=60)
            except requests.RequestException as exc:
                if attempt == self.polite.max_retries:
                    raise ApiError(f"Could not reach {url}: {exc}. Check the network and retry.") from exc
                self._wait(None, attempt, f"{url} did not answer ({type(exc).__name__})")
                continue
            with self._pace:
                self.requests_made += 1
            if response.status_code == 404 and not action:
                return None
            if response.status_code in RETRY_STATUS:
                if attempt == self.polite.max_retries:
                    break
                self._wait(response.headers.get("Retry-After"), attempt, f"{url} answered HTTP {response.status_code}")
                continue
            body = _json(response, url)
            error = body.get("error") if action and isinstance(body, dict) else None
            if error and error.get("code") == "maxlag" and attempt < self.polite.max_retries:
                lag = response.headers.get("Retry-After") or str(error.get("lag", 5))
                self._wait(lag, attempt, f"{url}: the servers are lagged (maxlag)")
                continue
            if error:
                raise ApiError(
                    f"{url} answered error {error.get('code')}: {error.get('info')}. "
                    "Check the request (file names, user names, wiki) and retry.",
                    code=str(error.get("code")),
                )
            if response.status_code >= 400:
                raise ApiError(f"{url} answered HTTP {response.status_code}.", status=response.status_code)
            return body
        raise ApiError(
            f"{url} still refused after {self.polite.max_retries} retries (HTTP {response.status_code}). "
            "The service is busy: run the same command later; finished work is kept.",
            status=response.status_code,
        )

    def _pause(self) -> None:
        with self._pace:  # min_interval between two request starts, whichever thread makes them
            gap = self.polite.min_interval - (time.monotonic() - self._last)
            if gap > 0:
                self.sleep(gap)
            self._last = time.monotonic()

    def _wait(self, retry_after: str | None, attempt: int, why: str = "") -> None:
        try:
            seconds = float(retry_after) if retry_after else self.polite.backoff * 2**attempt
        except ValueError:
            seconds = self.polite.backoff * 2**attempt
        seconds = min(seconds, self.polite.max_wait)
        self.waits.append(seconds)
        if self.notify:
            self.notify(f"{why}; waiting {seconds:g} s (retry {attempt + 1} of {self.polite.max_retries})")
        self.sleep(seconds)

    def _cached(self, key: str, ttl: float) -> dict[str, Any] | None:
        if not self.cache_dir or ttl <= 0:
            return None
        path = self.cache_dir / key[:2] / f"{key}.json"
        try:
            if time.time() - path.stat().st_mtime > ttl:
                return None
            cached: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return cached
        except (OSError, ValueError):
            return None

    def _store(self, key: str, data: dict[str, Any]) -> None:
        if not self.cache_dir:
            return
        path = self.cache_dir / key[:2] / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)


def _json(response: requests.Response, url: str) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        status = response.status_code
        raise ApiError(f"{url} did not answer JSON (HTTP {status}).", status=status) from exc
