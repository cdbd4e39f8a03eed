"""Spreadsheet safety for cells written from catalogue text (OWASP "CSV Injection":
https://owasp.org/www-community/attacks/CSV_Injection).

A spreadsheet reads a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a tab
or carriage return) as a formula, so a record id or title like ``=HYPERLINK(...)`` would run when a
curator opens the export. Such a cell gets a leading ``'``, which spreadsheets show as text.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``value`` made safe for a CSV/XLSX cell: a leading ``'`` when it could be read as a formula."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def restore(value: str | None) -> str:
    """A cell read back from a sheet as it was before :func:`neutralise` protected it (the ``'`` off)."""
    text = value or ""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text
