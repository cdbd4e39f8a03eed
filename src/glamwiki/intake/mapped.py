"""The reader for tables and JSON driven by a mapping: rows in, records and issues out."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path

from glamwiki.intake import jsonfile as json_rows
from glamwiki.intake import tabular as tabular_rows
from glamwiki.intake.base import Issue, Item, ReadContext
from glamwiki.intake.jsonfile import iter_json_rows, iter_jsonl_rows
from glamwiki.intake.mapper import Mapper
from glamwiki.intake.mapping import JoinSpec, SourceSpec
from glamwiki.intake.tabular import iter_csv_rows
from glamwiki.intake.xlsx import iter_xlsx_rows

TABULAR = ("csv", "tsv", "xlsx")


def detect_format(path: str) -> str | None:
    name = path.lower().removesuffix(".gz")
    for ext, fmt in (
        (".csv", "csv"),
        (".tsv", "tsv"),
        (".tab", "tsv"),
        (".txt", "csv"),
        (".xlsx", "xlsx"),
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".json", "json"),
    ):
        if name.endswith(ext):
            return fmt
    return None


def read_mapped(ctx: ReadContext, spec: SourceSpec, fmt: str) -> Iterator[Item]:
    tabular = fmt in TABULAR
    joins = {name: load_join(Path(ctx.path).parent, j) for name, j in spec.joins.items()}
    mapper = Mapper(spec, ctx, tabular, joins)
    for item in _rows(ctx, spec, fmt, tabular):
        if isinstance(item, Issue):
            yield item
            continue
        locator, row, bad = item
        try:
            built = list(mapper.build(row, locator, bad))
        except Exception as exc:  # a bug or an input nobody foresaw: this row's problem, not the batch's
            built = [ctx.issue(locator, "", f"this row could not be read ({type(exc).__name__}: {exc}); skipped")]
        yield from built


def _rows(
    ctx: ReadContext, spec: SourceSpec, fmt: str, tabular: bool
) -> Iterator[tabular_rows.Row | json_rows.Row | Issue]:
    paths = [spec.fields[n].path for n in spec.required if n in spec.fields and spec.fields[n].path] if tabular else []
    required = [c for c in paths if c and not c.startswith("@")]
    if fmt in ("csv", "tsv"):
        delimiter = spec.delimiter or ("\t" if fmt == "tsv" else None)
        return iter_csv_rows(ctx, required, delimiter)
    if fmt == "xlsx":
        return iter_xlsx_rows(ctx, required, spec.sheet)
    if fmt == "jsonl":
        return iter_jsonl_rows(ctx)
    return iter_json_rows(ctx)


def load_join(folder: Path, join: JoinSpec) -> dict[str, list[str]]:
    """Read a side table next to the main file into {key: [values]} (held in memory)."""
    table: dict[str, list[str]] = {}
    for candidate in sorted(folder.iterdir()):
        if any(fnmatch.fnmatch(candidate.name, m) for m in join.match):
            ctx = ReadContext(path=str(candidate), display=candidate.name)
            for item in iter_csv_rows(ctx, [join.key, join.value]):
                if isinstance(item, Issue):
                    continue
                _, row, _ = item
                key, value = row.get(join.key, "").strip(), row.get(join.value, "").strip()
                if key and value:
                    values = table.setdefault(key, [])
                    if value not in values:
                        values.append(value)
            break
    return table
