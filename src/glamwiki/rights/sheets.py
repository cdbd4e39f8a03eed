"""The review queue as an Excel workbook, which is what most curators fill in: one sheet, the
header frozen, the fact columns marked, and read back cell by cell like the CSV."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

FILL_IN = PatternFill("solid", fgColor="FFF2CC")  # the columns a curator fills in


def write_xlsx(path: Path, header: list[str], rows: Iterable[list[str]], editable: set[str]) -> int:
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = "review queue"
    sheet.append(header)
    for cell, name in zip(sheet[1], header, strict=True):
        cell.font = Font(bold=True)
        if name in editable:
            cell.fill = FILL_IN
    n = 0
    for row in rows:
        sheet.append(row)
        n += 1
    sheet.freeze_panes = "C2"
    for i, name in enumerate(header, start=1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = (
            60 if name == "reasons" else max(12, len(name) + 2)
        )
    book.save(path)
    return n


def read_xlsx(path: Path) -> list[dict[str, str]]:
    """Rows of the first sheet as {header: text}; numbers come back as the text a person typed."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, ())]
        return [{h: _text(v) for h, v in zip(header, row, strict=False) if h} for row in rows if any(row)]
    finally:
        book.close()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
