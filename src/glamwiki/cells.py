"""Spreadsheet safety: catalogue text written to CSV or XLSX cells cannot become a formula."""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """OWASP CSV injection: a cell starting with ``= + - @``, tab or CR gets a leading ``'``."""
    return "'" + value if value.startswith(_TRIGGERS) else value
