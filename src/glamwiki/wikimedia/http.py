"""The one HTTP layer: a ``requests`` session per identity, one retry policy (tenacity), per-host
concurrency limits, a pause between request starts, the one User-Agent, the one cache, and the one
place where socket errors, HTTP statuses and Action API ``error`` objects become exceptions
(:mod:`glamwiki.wikimedia.errors`).

* A transient failure (timeout, dropped connection, HTTP 5xx, 429, the Action API's ``maxlag``) is
  retried ``settings.retries`` times, waiting as the server says (``Retry-After``, the lag) or with
  doubling backoff, never more than ``settings.max_wait``
  (https://www.mediawiki.org/wiki/API:Etiquette, https://www.mediawiki.org/wiki/Manual:Maxlag_parameter).
* A host name that does not resolve or a refused connection fails at once (:class:`Unreachable`).
* ``guard=True`` (catalogue-supplied URLs: OAI-PMH, IIIF, image hosts) connects only to public
  addresses, plus ``settings.allow_hosts`` (:mod:`glamwiki.wikimedia.guard`).

No module-level session or state: each :class:`Http` is one identity (the web application makes one
per logged-in user); credentials live on its session only.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import BaseAdapter
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from glamwiki.wikimedia.agent import user_agent
from glamwiki.wikimedia.cache import DiskCache, cache_key
from glamwiki.wikimedia.errors import (
    AddressRefused,
    ApiRefused,
    BadBody,
    HttpStatus,
    MaxLagged,
    NotAllowed,
    RateLimited,
    Transient,
    Unreachable,
    WikimediaError,
)
from glamwiki.wikimedia.guard import RefusedAddress, guarded_session, permanent_reason
from glamwiki.wikimedia.settings import HttpSettings, norm_host

T = TypeVar("T")
# The types a stage's ``read`` callback and a caller's session have; stages import these, not requests.
Response = requests.Response
Session = requests.Session
log = logging.getLogger("glamwiki.wikimedia")
RETRY_STATUS = frozenset({500, 502, 503, 504})


def retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delay-seconds or an HTTP-date, RFC 9110 10.2.3)."""
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def check_status(response: requests.Response, url: str) -> None:
    """429 and 5xx become :class:`RateLimited` / :class:`Transient`, with the server's hint."""
    status = response.status_code
    hint = retry_after(response.headers.get("Retry-After"))
    if status == 429:
        raise RateLimited(f"{url} answered HTTP 429", url=url, status=status, reason="HTTP 429", retry_after=hint)
    if status in RETRY_STATUS:
        raise Transient(
            f"{url} answered HTTP {status}", url=url, status=status, reason=f"HTTP {status}", retry_after=hint
        )


def check_api(body: Any, response: requests.Response, url: str) -> None:
    """An Action API ``error`` object: ``maxlag`` is transient (retried after the lag), the rest final."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return
    code, info = str(error.get("code", "unknown")), str(error.get("info", ""))
    if code == "maxlag":
        hint = retry_after(response.headers.get("Retry-After"))
        if hint is None:
            try:
                hint = float(error.get("lag", 5))
            except (TypeError, ValueError):
                hint = 5.0
        raise MaxLagged(f"{url}: the servers are lagged (maxlag)", url=url, reason="maxlag", retry_after=hint)
    raise ApiRefused(code, info, error, url=url)


def classify(exc: BaseException, url: str) -> WikimediaError:
    """A requests/urllib3 exception as one of ours: unreachable (fail fast) or transient."""
    if isinstance(exc, RefusedAddress):
        return AddressRefused(str(exc), url=url)
    why = permanent_reason(exc)
    if why is not None:
        cls = NotAllowed if "http(s)" in why or "redirects" in why else Unreachable
        return cls(f"{url} cannot be reached: {why}", url=url, reason=why)
    return Transient(f"{url} did not answer ({type(exc).__name__})", url=url, reason=type(exc).__name__)


def json_body(response: requests.Response, url: str) -> Any:
    try:
        return response.json()
    except ValueError:
        raise BadBody(f"{url} did not answer JSON (HTTP {response.status_code}).", url=url,
                      status=response.status_code) from None  # fmt: skip


class Http:
    """HTTP for one identity: see the module's text."""

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        guard: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        notify: Callable[[str], None] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.settings = settings or HttpSettings()
        self.guard = guard
        if session is None:
            session = guarded_session(self.settings.allow_hosts) if guard else requests.Session()
        self.session = session
        self.session.headers["User-Agent"] = user_agent(self.settings.contact)
        self.cache = DiskCache(self.settings.cache_dir) if self.settings.cache_dir else None
        self.sleep, self.notify = sleep, notify
        self.waits: list[float] = []
        self.requests_made = 0
        self._lock = threading.Lock()  # the counters and the slots table
        self._pace = threading.Lock()  # held while waiting for the next request start
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._last = 0.0

    @property
    def user_agent(self) -> str:
        return str(self.session.headers["User-Agent"])

    def mount(self, prefix: str, adapter: BaseAdapter) -> None:
        """Answer URLs under ``prefix`` with ``adapter`` (recorded answers)."""
        self.session.mount(prefix, adapter)

    # -- requests -----------------------------------------------------------------------------
    def call(
        self, method: str, url: str, read: Callable[[requests.Response], T], *, retry: bool = True,
        retry_on: tuple[type[Transient], ...] = (Transient,), **kwargs: Any,
    ) -> T:  # fmt: skip
        """One request, retried on the transient failures of the kinds ``retry_on`` if ``retry``; ``read``
        turns the response into the result (and may raise a :class:`Transient` to have it retried, e.g.
        maxlag). A write that may have happened passes ``retry_on=(MaxLagged,)``: only a refusal that
        did nothing is retried."""
        attempts = self.settings.retries + 1 if retry else 1
        retrying = Retrying(
            stop=stop_after_attempt(attempts),
            retry=retry_if_exception_type(retry_on),
            wait=self._wait,
            sleep=self._sleep,
            before_sleep=self._tell,
            reraise=True,
        )
        result: T = retrying(self._once, method, url, read, kwargs)
        return result

    def get_json(
        self, url: str, params: Mapping[str, Any] | None = None, *, api: bool = False,
        max_age: float | None = None, fresh: bool = False, cache: bool = True,
        missing: frozenset[int] = frozenset(),
    ) -> Any:  # fmt: skip
        """A GET answered with JSON, from the cache when it holds one no older than ``max_age`` (unless
        ``fresh``). ``api``: an Action API call (``maxlag`` sent, ``error`` objects raised). A status in
        ``missing`` answers None (a REST API's "no data")."""
        query = dict(params or {})
        if api:
            query.setdefault("maxlag", str(self.settings.maxlag))
        key = cache_key(url, query)
        use_cache = cache and self.cache is not None
        if use_cache and not fresh:
            entry = self.cache.get(key, max_age)  # type: ignore[union-attr]
            if entry is not None:
                return entry["body"]

        def read(response: requests.Response) -> Any:
            if response.status_code in missing:
                return None
            if response.status_code >= 400:
                raise HttpStatus(f"{url} answered HTTP {response.status_code}.", url=url,
                                     status=response.status_code)  # fmt: skip
            body = json_body(response, url)
            if api:
                check_api(body, response, url)
            return body

        body = self.call("GET", url, read, params=query)
        if use_cache:
            self.cache.put(key, url, body)  # type: ignore[union-attr]
        return body

    # -- machinery ------------------------------------------------------------------------------
    def _once(self, method: str, url: str, read: Callable[[requests.Response], T], kwargs: dict[str, Any]) -> T:
        kwargs.setdefault("timeout", (self.settings.connect_timeout, self.settings.timeout))
        with self._slot(urlsplit(url).hostname or ""):
            self._pause()
            try:
                with self.session.request(method, url, **kwargs) as response:
                    with self._lock:
                        self.requests_made += 1
                    check_status(response, url)
                    return read(response)
            except RefusedAddress as exc:
                raise classify(exc, url) from None
            except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
                raise classify(exc, url) from None
            finally:
                _rewind(kwargs.get("files"))

    @contextmanager
    def _slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.get(norm_host(host))
            if slot is None:
                slot = self._slots[norm_host(host)] = threading.BoundedSemaphore(self.settings.limit_for(host))
        with slot:
            yield

    def _pause(self) -> None:
        if self.settings.min_interval <= 0:
            return
        with self._pace:  # min_interval between two request starts, whichever thread makes them
            gap = self.settings.min_interval - (time.monotonic() - self._last)
            if gap > 0:
                self.sleep(gap)
            self._last = time.monotonic()

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hint = exc.retry_after if isinstance(exc, Transient) else None
        first = self.settings.backoff * 2 ** (state.attempt_number - 1)
        return min(hint if hint is not None else first, self.settings.max_wait)

    def _sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.sleep(seconds)

    def _tell(self, state: RetryCallState) -> None:
        if state.outcome is None or state.next_action is None:
            return
        exc = state.outcome.exception()
        log.info("%s; retrying in %g s", exc, state.next_action.sleep)  # URLs without parameters or bodies
        if self.notify is None:
            return
        self.notify(f"{exc}; waiting {state.next_action.sleep:g} s (retry {state.attempt_number} of "
                    f"{self.settings.retries})")  # fmt: skip


def _rewind(files: Any) -> None:
    """Uploaded file handles back to their start, so a retried request sends them whole."""
    for value in (files or {}).values():
        handle = value[1] if isinstance(value, tuple) else value
        if hasattr(handle, "seek"):
            handle.seek(0)
