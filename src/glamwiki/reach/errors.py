"""Errors of the reach stage."""

from __future__ import annotations

from glamwiki.errors import GlamwikiError
from glamwiki.wikimedia.errors import WikimediaError


class ReachError(GlamwikiError):
    """A reach operation cannot go on."""


class ApiError(ReachError, WikimediaError):
    """A Wikimedia API answered with an error (the `error` field, or an HTTP error after retries)."""

    def __init__(self, message: str, code: str = "", status: int = 0) -> None:
        super().__init__(message, status=status)
        self.code = code


class DumpFileError(ReachError):
    """A dump file cannot be read at all (missing, unknown name pattern, not compressed as published)."""


class EngineUnavailable(ReachError):
    """The requested aggregation engine is not installed or cannot start."""

    exit_code = 2
