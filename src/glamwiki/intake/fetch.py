"""Fetching documents for the network readers (OAI-PMH pages, IIIF manifests) politely: a
descriptive User-Agent, one request at a time, and the flow control OAI-PMH 2.0 specifies (HTTP 503
with Retry-After) honoured, with bounded retries."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from glamwiki import __version__
from glamwiki.errors import IntakeFileError

USER_AGENT = f"glamwiki/{__version__} (OAI-PMH harvester; https://pypi.org/project/glamwiki/)"
MAX_TRIES = 5
MAX_WAIT = 120.0


def page_url(base: str, params: dict[str, str]) -> str:
    """``base`` with the OAI-PMH arguments; arguments already in ``base`` (e.g. verb) are replaced."""
    parts = urlsplit(base)
    query = dict(parse_qsl(parts.query))
    if "resumptionToken" in params:  # an exclusive argument: only verb may go with it
        query = {"verb": query.get("verb", "ListRecords")}
    query.update({k: v for k, v in params.items() if v})
    return urlunsplit(parts._replace(query=urlencode(query)))


def fetch(
    url: str, session: requests.Session, sleep: Callable[[float], None] = time.sleep, what: str = "OAI-PMH server"
) -> bytes:
    for attempt in range(1, MAX_TRIES + 1):
        try:
            response = session.get(url, timeout=60, headers={"User-Agent": USER_AGENT})
        except requests.RequestException as exc:
            if attempt == MAX_TRIES:
                raise IntakeFileError(f"{url}: the {what} did not answer ({exc}). Try again later.") from None
            sleep(min(2.0**attempt, MAX_WAIT))
            continue
        if response.status_code == 503 and attempt < MAX_TRIES:
            sleep(_retry_after(response, attempt))
            continue
        if response.status_code != 200:
            raise IntakeFileError(
                f"{url}: the {what} answered HTTP {response.status_code}. Check the URL, or try later."
            )
        return response.content
    raise IntakeFileError(f"{url}: the {what} stayed busy after {MAX_TRIES} tries. Try again later.")


def _retry_after(response: requests.Response, attempt: int) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), MAX_WAIT)
    except ValueError:
        return min(2.0**attempt, MAX_WAIT)
