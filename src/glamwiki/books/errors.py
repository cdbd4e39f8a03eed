"""Errors of the books stage (all under glamwiki's one root exception)."""

from __future__ import annotations

from glamwiki.errors import GlamwikiError


class BookError(GlamwikiError):
    """A book cannot be read, built or published; the message names the file, page and field."""


class ToolMissing(BookError):
    """A Debian tool the step needs (djvulibre-bin, tesseract-ocr) is not installed."""

    exit_code = 2
