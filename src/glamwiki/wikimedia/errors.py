"""The one hierarchy of HTTP and API failures, under the project's root error.

Every HTTP exchange of glamwiki (Action API, REST APIs, Wikidata, SPARQL, OAI-PMH/IIIF and image
hosts) ends in an answer or in one of these; :mod:`glamwiki.wikimedia.http` is the only place that
turns a status code, a ``Retry-After`` header, an Action API ``error`` or a socket error into them.
"""

from __future__ import annotations

from typing import Any

from glamwiki.errors import GlamwikiError


class WikimediaError(GlamwikiError):
    """An HTTP exchange failed; ``url`` is where, ``status`` the HTTP status (0: no answer), ``reason`` the
    cause without the URL (for a stage's own message)."""

    def __init__(self, message: str, *, url: str = "", status: int = 0, reason: str = "") -> None:
        super().__init__(message)
        self.url, self.status, self.reason = url, status, reason or message


class Transient(WikimediaError):
    """May pass by waiting (timeout, dropped connection, HTTP 5xx): retried with backoff.
    ``retry_after`` is the server's hint in seconds, if it gave one."""

    def __init__(
        self, message: str, *, url: str = "", status: int = 0, reason: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(message, url=url, status=status, reason=reason)
        self.retry_after = retry_after


class RateLimited(Transient):
    """HTTP 429 (or the API's ``ratelimited``): retried after ``Retry-After``."""


class MaxLagged(Transient):
    """The Action API's ``maxlag`` error: the replicas lag; retried after the server's lag hint."""


class Permanent(WikimediaError):
    """Waiting cannot mend it: not retried."""


class Unreachable(Permanent):
    """The host name does not resolve, or the connection is refused: fails fast, never retried."""


class NotAllowed(Permanent):
    """The URL is not http(s), points at a non-public address, or redirects too often."""


class AddressRefused(NotAllowed):
    """A catalogue-supplied URL points at a non-public address (loopback, private, metadata): never fetched."""


class HttpStatus(Permanent):
    """An HTTP 4xx (other than 429) or an unexpected status."""


class AuthFailed(Permanent):
    """The server refused the credentials (HTTP 401/403 on login, OAuth errors)."""


class ApiRefused(Permanent):
    """The Action API answered with an ``error`` object: ``code`` and ``info`` are the server's."""

    def __init__(self, code: str, info: str, data: dict[str, Any] | None = None, *, url: str = "") -> None:
        super().__init__(f"{url} answered error {code}: {info}", url=url, status=200)
        self.code, self.info, self.data = code, info, data or {}


class BadBody(Permanent):
    """The answer could not be used (not JSON, or larger or slower than allowed)."""
