"""CSV and TSV rows, streamed, with the header checked against the mapping."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import WARNING, Issue, ReadContext
from glamwiki.intake.textio import DecodedLines, mismatch_note, open_binary

Row = tuple[str, dict[str, str], bool]  # locator, row, had bad bytes

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def sniff_delimiter(path: str, default: str = ",") -> str:
    if path.lower().endswith((".tsv", ".tsv.gz", ".tab")):
        return "\t"
    return default


def iter_csv_rows(ctx: ReadContext, required_columns: list[str], delimiter: str | None = None) -> Iterator[Row | Issue]:
    stream = open_binary(ctx.path)
    lines = DecodedLines(stream, ctx.encoding)
    try:
        reader = csv.reader(lines, delimiter=delimiter or sniff_delimiter(ctx.path), strict=False)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise IntakeFileError(f"{ctx.display}: the file is empty; expected a header row.") from None
        missing = [c for c in required_columns if c not in header]
        if missing:
            raise IntakeFileError(
                f"{ctx.display}: required column(s) {', '.join(map(repr, missing))} not in the header "
                f"(found: {', '.join(header[:30])}). Fix the mapping or the export; the file was skipped."
            )
        width = len(header)
        start = lines.line_no + 1
        for values in reader:
            locator = f"row {start}"  # the file line the row starts on; the header is row 1
            bad = any(n in lines.bad_lines for n in range(start, lines.line_no + 1))
            start = lines.line_no + 1
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            if len(values) != width:
                yield ctx.issue(
                    locator,
                    "",
                    f"row has {len(values)} fields but the header has {width}; "
                    "the row was skipped (a stray delimiter or quote?)",
                    value=",".join(values)[:200],
                )
                continue
            yield locator, dict(zip(header, values, strict=True)), bad
        if note := mismatch_note(lines, ctx.encoding):
            yield ctx.issue("", "", note, WARNING)
    except csv.Error as exc:
        yield ctx.issue(f"row {lines.line_no}", "", f"CSV could not be parsed past this point: {exc}")
    finally:
        stream.close()
