"""Spreadsheet safety for cells written from catalogue text (OWASP CSV injection)."""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so no spreadsheet runs it."""
    return "'" + value if value.startswith(_FORMULA_START) else value
