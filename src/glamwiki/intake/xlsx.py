"""XLSX rows, streamed with openpyxl's read-only mode."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import Issue, ReadContext

Row = tuple[str, dict[str, object], bool]


def iter_xlsx_rows(ctx: ReadContext, required_columns: list[str], sheet: str | None = None) -> Iterator[Row | Issue]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(ctx.path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise IntakeFileError(
            f"{ctx.display}: not a readable .xlsx workbook ({exc}). "
            "Save it again from your spreadsheet program as .xlsx."
        ) from exc
    try:
        if sheet and sheet not in book.sheetnames:
            raise IntakeFileError(f"{ctx.display}: no sheet named {sheet!r}; sheets are {book.sheetnames}.")
        ws = book[sheet] if sheet else book.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            raise IntakeFileError(f"{ctx.display}: the sheet is empty; expected a header row.")
        header = ["" if h is None else str(h).strip() for h in header_row]
        missing = [c for c in required_columns if c not in header]
        if missing:
            raise IntakeFileError(
                f"{ctx.display}: required column(s) {', '.join(map(repr, missing))} "
                f"not in the header row (found: {', '.join(h for h in header if h)})."
            )
        for n, values in enumerate(rows, start=2):
            if values is None or all(v is None or str(v).strip() == "" for v in values):
                continue
            row = {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
            yield f"row {n}", row, False
    finally:
        book.close()


def _cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
