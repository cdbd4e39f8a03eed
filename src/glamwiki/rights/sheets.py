"""The review queue as an Excel workbook, which is what most curators fill in: one sheet, the
header frozen, the fact columns marked, and read back cell by cell like the CSV."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

FILL_IN = PatternFill("solid", fgColor="FFF2CC")  # the columns a curator fills in


def write_xlsx(
    path: Path,
    header: list[str],
    rows: Iterable[list[str]],
    editable: set[str],
    choices: Mapping[str, tuple[str, ...]] | None = None,
) -> int:
    """Every cell is written as text (catalogue text never becomes a formula or a number, "1930-1935"
    never a date); the fact columns accept only valid answers (a list, or a year / YYYY-YYYY)."""
    book = Workbook(write_only=False)
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = "review queue"
    sheet.append(header)
    for cell, name in zip(sheet[1], header, strict=True):
        cell.font = Font(bold=True)
        if name in editable:
            cell.fill = FILL_IN
    n = 0
    for n, row in enumerate(rows, start=1):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(n + 1, col)
            cell.value, cell.data_type, cell.number_format = value, "s", "@"
    sheet.freeze_panes = "C2"
    for i, name in enumerate(header, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = 60 if name == "reasons" else max(12, len(name) + 2)
        if name in (choices or {}):
            _validate(sheet, letter, max(n, 1) + 1000, (choices or {})[name])
    book.save(path)
    return n


def _validate(sheet: Worksheet, letter: str, last: int, allowed: tuple[str, ...]) -> None:
    cells = f"{letter}2:{letter}{last}"
    if allowed == ("year",):  # a year, or a range YYYY-YYYY, typed as text
        first = f"{letter}2"
        rule = (f'OR(AND(LEN({first})=4,ISNUMBER(--{first})),AND(LEN({first})=9,MID({first},5,1)="-",'
                f"ISNUMBER(--LEFT({first},4)),ISNUMBER(--RIGHT({first},4))))")  # fmt: skip
        dv = DataValidation(type="custom", formula1=rule, allow_blank=True)
        dv.error, dv.prompt = "A year (1890) or a range (1890-1895)", "Year or YYYY-YYYY"
    else:
        dv = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
        dv.error, dv.prompt = "Choose one of: " + ", ".join(allowed), " / ".join(allowed)
    dv.showErrorMessage = dv.showInputMessage = True
    sheet.add_data_validation(dv)
    dv.add(cells)


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
