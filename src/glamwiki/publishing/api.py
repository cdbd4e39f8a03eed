"""The MediaWiki API client: one request at a time, maxlag and Retry-After, backoff on ratelimited,
the edit-rate cap, ``assert`` on writes, a descriptive User-Agent, and every API ``error`` field
turned into an exception in one place (:func:`raise_for_error`)."""

from __future__ import annotations

import logging
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import requests

from glamwiki import __version__
from glamwiki.net import permanent_reason
from glamwiki.publishing.auth import BOTPASSWORD, OAUTH2, Credentials, redact
from glamwiki.publishing.errors import (
    ApiError,
    AssertFailed,
    AuthError,
    BadToken,
    MaxLag,
    PublishError,
    RateLimited,
    ReadOnly,
    StashFailed,
    TargetUnreachable,
    TransientError,
)
from glamwiki.publishing.etiquette import EditThrottle, Etiquette
from glamwiki.scrub import scrub

log = logging.getLogger("glamwiki.publishing.api")

_ERRORS: dict[str, type[ApiError]] = {
    "badtoken": BadToken,
    "ratelimited": RateLimited,
    "maxlag": MaxLag,
    "readonly": ReadOnly,
    "assertuserfailed": AssertFailed,
    "assertbotfailed": AssertFailed,
    "assertnameduserfailed": AssertFailed,
    "stashfailed": StashFailed,
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CONNECT_TIMEOUT = 15.0  # seconds to wait for the wiki to accept a connection


def user_agent(contact: str) -> str:
    return f"glamwiki/{__version__} (batch uploader; operator: {contact}) requests/{requests.__version__}"


def raise_for_error(data: dict[str, Any], response: requests.Response | None = None) -> None:
    """Turn an API ``error`` (formatversion 2) into the matching exception."""
    error = data.get("error")
    if not error:
        return
    code = str(error.get("code", "unknown"))
    info = scrub(str(error.get("info", "")))  # a server may quote what it was sent
    if code.startswith("mwoauth-"):
        raise AuthError(f"The wiki refused the OAuth token ({code}): {info} Check or renew the token.")
    cls = _ERRORS.get(code, ApiError)
    if cls is MaxLag:
        header = response.headers.get("Retry-After", "5") if response is not None else "5"
        raise MaxLag(code, info, error, retry_after=float(header) if header.replace(".", "").isdigit() else 5.0)
    raise cls(code, info, error)


class ApiClient:
    """A logged-in session with one MediaWiki API. Not thread-safe, and never used concurrently."""

    def __init__(
        self,
        api_url: str,
        contact: str,
        credentials: Credentials | None = None,
        etiquette: Etiquette | None = None,
        session: requests.Session | None = None,
    ) -> None:
        host = urlsplit(api_url).hostname or ""
        if not contact and host not in LOOPBACK:
            raise PublishError(
                "A contact for the User-Agent is required by the Wikimedia API etiquette: set [publishing] contact "
                "in glamwiki.toml or GLAMWIKI_PUBLISHING_CONTACT (an e-mail address or User:Name)."
            )
        parts = urlsplit(api_url)
        if credentials and parts.scheme != "https" and host not in LOOPBACK:
            raise PublishError(
                f"{api_url} is not https: the {credentials.kind} would cross the network readable by anyone on "
                "the way. Use the wiki's https:// address (plain http is accepted only on this machine)."
            )
        self.api_url = api_url
        self.credentials = credentials
        self.etiquette = etiquette or Etiquette()
        self.throttle = EditThrottle(self.etiquette)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent(contact or "local test")
        self._csrf: str | None = None
        self.username: str | None = None
        self.is_bot = False
        self.requests = 0
        if credentials and credentials.kind == OAUTH2:
            self.session.headers["Authorization"] = f"Bearer {credentials.secret}"

    # -- login -----------------------------------------------------------------------------------
    def login(self) -> str:
        """Log in (BotPassword) or check the OAuth 2 token; returns the user name."""
        if self.credentials is None:
            raise AuthError("No credentials were given; publishing needs a logged-in account.")
        if self.credentials.kind == BOTPASSWORD:
            token = self.get(action="query", meta="tokens", type="login")["query"]["tokens"]["logintoken"]
            data = self._send(
                "POST",
                {
                    "action": "login",
                    "lgname": self.credentials.user,
                    "lgpassword": self.credentials.secret,
                    "lgtoken": token,
                },
            )
            result = data.get("login", {})
            if result.get("result") != "Success":
                reason = redact(str(result.get("reason") or result.get("result")), self.credentials)
                raise AuthError(f"The wiki refused the BotPassword for {self.credentials.user}: {reason}")
        info = self.get(action="query", meta="userinfo", uiprop="groups|rights")["query"]["userinfo"]
        if info.get("anon"):
            raise AuthError(f"The {self.credentials.kind} credentials did not log in on {self.api_url}.")
        self.username = info["name"]
        self.is_bot = "bot" in info.get("groups", [])
        self._csrf = None
        return self.username

    def csrf(self, refresh: bool = False) -> str:
        if self._csrf is None or refresh:
            self._csrf = self.get(action="query", meta="tokens", type="csrf")["query"]["tokens"]["csrftoken"]
        return self._csrf

    # -- requests --------------------------------------------------------------------------------
    def get(self, **params: Any) -> dict[str, Any]:
        """A read: retried on dropped connections and 5xx answers."""
        return self._call("GET", params, None, write=False)

    def write(
        self, params: dict[str, Any], files: dict[str, tuple[str, BinaryIO | bytes]] | None = None, *, edit: bool = True
    ) -> dict[str, Any]:
        """A write with token and ``assert``; ``edit`` counts it against the edit-rate cap.

        A dropped connection or a 5xx raises :class:`TransientError` without retrying: the write may
        have happened, so the caller checks the wiki before trying again.
        """
        if edit:
            self.throttle.wait()
        return self._call("POST", params, files, write=True)

    def _call(self, method: str, params: dict[str, Any], files: Any, *, write: bool) -> dict[str, Any]:
        params = dict(params)
        if write:
            params["assert"] = "bot" if self.is_bot else "user"
            params["token"] = self.csrf()
        refreshed = relogged = False
        waited = 0
        while True:
            try:
                return self._send(method, params, files, retry_transient=not write)
            except BadToken:
                if refreshed or not write:
                    raise
                refreshed = True
                params["token"] = self.csrf(refresh=True)
            except AssertFailed:
                if relogged:
                    raise
                relogged = True
                self.login()
                params["token"] = self.csrf()
            except (MaxLag, RateLimited, ReadOnly) as exc:
                if waited >= self.etiquette.retries:
                    raise
                self.etiquette.sleep(self._pause(exc, waited))
                waited += 1
            _rewind(files)

    def _pause(self, exc: ApiError, attempt: int) -> float:
        e = self.etiquette
        if isinstance(exc, MaxLag):
            return max(exc.retry_after, e.maxlag_floor)
        if isinstance(exc, RateLimited):
            return e.backoff(e.ratelimit_wait, attempt)
        return e.backoff(e.transient_wait * 10, attempt)

    def _send(
        self, method: str, params: dict[str, Any], files: Any = None, *, retry_transient: bool = True
    ) -> dict[str, Any]:
        params = {**params, "format": "json", "formatversion": "2", "maxlag": self.etiquette.maxlag}
        attempt = 0
        while True:
            self.requests += 1
            try:
                timeout = (min(CONNECT_TIMEOUT, self.etiquette.timeout), self.etiquette.timeout)
                # Never follow a redirect: the login form, a token or an OAuth header would go with it.
                if method == "GET":
                    response = self.session.get(self.api_url, params=params, timeout=timeout, allow_redirects=False)
                else:
                    response = self.session.post(
                        self.api_url, data=params, files=files, timeout=timeout, allow_redirects=False
                    )
                if response.is_redirect:
                    raise TargetUnreachable(
                        f"{self.api_url} answered with a redirect to {response.headers.get('Location', '?')}; "
                        "glamwiki does not follow redirects from the API (credentials would go along). Set the "
                        "target to the address the wiki really uses."
                    )
                if response.status_code >= 500 or response.status_code == 429:
                    raise _HttpTransient(response)
                data: dict[str, Any] = response.json()
            except (requests.ConnectionError, requests.Timeout, _HttpTransient, ValueError) as exc:
                permanent = permanent_reason(exc) or (
                    f"no connection within {timeout[0]:.0f} s" if isinstance(exc, requests.ConnectTimeout)
                    else None
                )  # fmt: skip
                if permanent:
                    raise TargetUnreachable(f"Cannot reach {self.api_url}: {permanent}. Check the target URL and "
                                            "the network, then run the command again.") from None  # fmt: skip
                why = _describe(exc)
                if not retry_transient or attempt >= self.etiquette.retries:
                    raise TransientError(f"No usable answer from {self.api_url} ({why}).") from None
                log.info("retrying %s after %s", params.get("action"), why)
                self.etiquette.sleep(self.etiquette.backoff(self.etiquette.transient_wait, attempt))
                attempt += 1
                _rewind(files)
                continue
            raise_for_error(data, response)
            return data


class _HttpTransient(Exception):
    def __init__(self, response: requests.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _describe(exc: Exception) -> str:
    if isinstance(exc, _HttpTransient):
        return str(exc)
    if isinstance(exc, ValueError) and not isinstance(exc, requests.RequestException):
        return "an answer that is not JSON"
    return type(exc).__name__


def _rewind(files: Any) -> None:
    for value in (files or {}).values():
        handle = value[1] if isinstance(value, tuple) else value
        if hasattr(handle, "seek"):
            handle.seek(0)
