"""Fetching documents for the network readers (OAI-PMH pages, IIIF manifests) politely and safely,
through the one HTTP layer (:mod:`glamwiki.wikimedia`): its User-Agent, one request at a time, the
flow control OAI-PMH 2.0 specifies (HTTP 503 with Retry-After) honoured with bounded retries; public
addresses only (:mod:`glamwiki.wikimedia.guard`); errors that waiting cannot mend (DNS, refused connection) not
retried; every response bounded in size and in time, read as it arrives (a server sending a byte
every 20 s cannot hold the harvest)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import option_value
from glamwiki.wikimedia import AddressRefused, Http, HttpSettings, Transient, WikimediaError
from glamwiki.wikimedia.guard import BodyLimit, iter_body
from glamwiki.wikimedia.http import Response, Session

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


def settings_for(options: dict[str, object]) -> HttpSettings:
    """The readers' HTTP settings: one request at a time, the hosts the project allows, its contact."""
    allowed = options.get("allow_hosts") or ()
    hosts = [str(h) for h in allowed] if isinstance(allowed, Iterable) and not isinstance(allowed, str) else []
    return HttpSettings(
        contact=str(options.get("contact") or ""), retries=MAX_TRIES - 1, max_wait=MAX_WAIT, per_host=1
    ).with_hosts(hosts)


def session_for(options: dict[str, object]) -> Http:
    """A client for a reader: public addresses only, plus the hosts the project allows."""
    return Http(settings_for(options), guard=True)


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
    session: Http | Session,
    sleep: Callable[[float], None] = time.sleep,
    what: str = "OAI-PMH server",
    limits: Limits | None = None,
) -> bytes:
    """The body at ``url``; ``session`` is the reader's :class:`Http` (or a guarded requests session)."""
    limits = limits or Limits()
    http = session if isinstance(session, Http) else Http(settings_for({}), guard=True, session=session, sleep=sleep)

    def read(response: Response) -> bytes:
        if response.status_code != 200:
            raise IntakeFileError(
                f"{url}: the {what} answered HTTP {response.status_code}. Check the URL, or try later."
            )
        return _read_bounded(response, url, what, limits)

    try:
        return http.call("GET", url, read, timeout=(10, limits.stall), stream=True)
    except AddressRefused as exc:
        raise IntakeFileError(f"{url}: {exc}") from None
    except Transient as exc:
        if exc.status:
            raise IntakeFileError(
                f"{url}: the {what} stayed busy after {MAX_TRIES} tries ({exc.reason}). Try again later."
            ) from None
        raise IntakeFileError(f"{url}: the {what} did not answer ({exc.reason}). Try again later.") from None
    except WikimediaError as exc:
        raise IntakeFileError(f"{url}: the {what} {str(exc).removeprefix(url).strip()}. Check the URL.") from None


def _read_bounded(response: Response, url: str, what: str, limits: Limits) -> bytes:
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
