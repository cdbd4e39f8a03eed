"""Errors of the publishing stage. Every API ``error`` field becomes one of these in api.py."""

from __future__ import annotations

from typing import Any

from glamwiki.errors import GlamwikiError
from glamwiki.wikimedia import errors as http


class PublishError(GlamwikiError):
    """Publishing cannot go on as asked."""


class AuthError(PublishError, http.AuthFailed):
    """No usable credentials, or the wiki refused them."""

    exit_code = 2


class ApiError(PublishError):
    """The wiki answered with an ``error``: ``code`` is the server's code, ``info`` its message."""

    def __init__(self, code: str, info: str, data: dict[str, Any] | None = None) -> None:
        self.code = code
        self.info = info
        self.data = data or {}
        super().__init__(f"The wiki refused the request: {code}: {info}")


class BadToken(ApiError):
    """The CSRF token is no longer valid (refetch once, then retry)."""


class RateLimited(ApiError):
    """ratelimited: back off and retry later."""


class MaxLag(ApiError, http.MaxLagged):
    """maxlag: the database replicas lag; wait Retry-After and retry (the HTTP layer does)."""

    def __init__(self, code: str, info: str, data: dict[str, Any] | None = None, retry_after: float = 5.0) -> None:
        super().__init__(code, info, data)
        self.retry_after = retry_after


class ReadOnly(ApiError):
    """The wiki is read-only for maintenance; retry later."""


class AssertFailed(ApiError):
    """assertuserfailed / assertbotfailed: the session is no longer logged in (log in again)."""


class StashFailed(ApiError):
    """stashfailed: a chunk did not fit; ``offset`` says where the server expects the next one."""

    @property
    def offset(self) -> int | None:
        value = self.data.get("offset")
        return int(value) if value is not None else None


class TransientError(PublishError, http.Transient):
    """The request did not get a usable answer (dropped connection, 5xx, timeout) after retries."""


class TargetUnreachable(PublishError, http.Unreachable):
    """The wiki's host does not resolve, refuses connections, or redirects elsewhere: the run stops at
    once (no retries), with what to check."""


class Unreachable(PublishError, http.Unreachable):
    """A source's host does not resolve or refuses connections: waiting will not help this run, so the
    file is left at once for the next run (no backoff)."""


class PreflightError(PublishError):
    """A file cannot be uploaded as planned (title, type, size): the message says what to fix."""
