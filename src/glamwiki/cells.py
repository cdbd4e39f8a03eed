"""Spreadsheet safety for cells written from catalogue text."""

from __future__ import annotations

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """OWASP CSV injection: a cell starting with =, +, -, @, tab or CR gets a leading '."""
    return "'" + value if value.startswith(_FORMULA_START) else value
