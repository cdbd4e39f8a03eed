"""Fetching documents for the network readers (OAI-PMH pages, IIIF manifests) politely and safely: a
descriptive User-Agent, one request at a time, the flow control OAI-PMH 2.0 specifies (HTTP 503 with
Retry-After) honoured with bounded retries; public addresses only (:mod:`glamwiki.net`); errors that
waiting cannot mend (DNS, refused connection) not retried; every response bounded in size and in
time, read as it arrives (a server sending a byte every 20 s cannot hold the harvest)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
import urllib3

from glamwiki import __version__
from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import option_value
from glamwiki.net import BodyLimit, RefusedAddress, guarded_session, iter_body, permanent_reason

USER_AGENT = f"glamwiki/{__version__} (OAI-PMH harvester; https://pypi.org/project/glamwiki/)"
MAX_TRIES = 5
MAX_WAIT = 120.0
BLOCK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on one response: its size, the whole time to read it, and the wait for any one byte."""

    max_bytes: int = 100 * 1024 * 1024
    seconds: float = 300.0
    stall: float = 60.0

    @classmethod
    def from_options(cls, options: dict[str, object]) -> Limits:
        mb = float(option_value(options, "max_response_mb", cls.max_bytes / 1024 / 1024))
        seconds = float(option_value(options, "response_seconds", cls.seconds))
        return cls(int(mb * 1024 * 1024), seconds, min(cls.stall, seconds))


def session_for(options: dict[str, object]) -> requests.Session:
    """A session for a reader: public addresses only, plus the hosts the project allows."""
    allowed = options.get("allow_hosts") or ()
    return guarded_session(allowed if isinstance(allowed, Iterable) else (), USER_AGENT)


def page_url(base: str, params: dict[str, str]) -> str:
    """``base`` with the OAI-PMH arguments; arguments already in ``base`` (e.g. verb) are replaced."""
    parts = urlsplit(base)
    query = dict(parse_qsl(parts.query))
    if "resumptionToken" in params:  # an exclusive argument: only verb may go with it
        query = {"verb": query.get("verb", "ListRecords")}
    query.update({k: v for k, v in params.items() if v})
    return urlunsplit(parts._replace(query=urlencode(query)))


def fetch(
    url: str,
    session: requests.Session,
    sleep: Callable[[float], None] = time.sleep,
    what: str = "OAI-PMH server",
    limits: Limits | None = None,
) -> bytes:
    limits = limits or Limits()
    for attempt in range(1, MAX_TRIES + 1):
        try:
            with session.get(
                url, timeout=(10, limits.stall), headers={"User-Agent": USER_AGENT}, stream=True
            ) as response:
                if response.status_code == 503 and attempt < MAX_TRIES:
                    wait = _retry_after(response, attempt)
                else:
                    if response.status_code != 200:
                        raise IntakeFileError(
                            f"{url}: the {what} answered HTTP {response.status_code}. Check the URL, or try later."
                        )
                    return _read_bounded(response, url, what, limits)
        except RefusedAddress as exc:
            raise IntakeFileError(f"{url}: {exc}") from None
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:  # urllib3's: reading the body
            why = permanent_reason(exc)
            if why is not None:
                raise IntakeFileError(f"{url}: the {what} cannot be reached: {why}. Check the URL.") from None
            if attempt == MAX_TRIES:
                raise IntakeFileError(f"{url}: the {what} did not answer ({exc}). Try again later.") from None
            wait = min(2.0**attempt, MAX_WAIT)
        sleep(wait)
    raise IntakeFileError(f"{url}: the {what} stayed busy after {MAX_TRIES} tries. Try again later.")


def _read_bounded(response: requests.Response, url: str, what: str, limits: Limits) -> bytes:
    """The body, read as it arrives, refused past ``limits`` (size, total time)."""
    try:
        return b"".join(iter_body(response, limits.max_bytes, limits.seconds, BLOCK))
    except BodyLimit as exc:
        if exc.kind == "size":
            raise IntakeFileError(
                f"{url}: the {what} sent a response larger than {limits.max_bytes / 1024 / 1024:.0f} MB; refused. "
                "Ask for smaller pages, or raise [intake] max_response_mb."
            ) from None
        raise IntakeFileError(
            f"{url}: the {what} took more than {limits.seconds:.0f} s to send one response ({exc.got:,} bytes "
            "so far); stopped. Try again later, or raise [intake] response_seconds."
        ) from None


def _retry_after(response: requests.Response, attempt: int) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), MAX_WAIT)
    except ValueError:
        return min(2.0**attempt, MAX_WAIT)
