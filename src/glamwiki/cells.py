"""Spreadsheet safety for cells written from catalogue or wiki text."""

from __future__ import annotations


def neutralise(value: str) -> str:
    """A cell starting with =, +, -, @, tab or CR gets a leading ' (OWASP CSV injection)."""
    if value and value[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
