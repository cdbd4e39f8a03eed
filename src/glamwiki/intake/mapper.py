"""Turn one row (a dict from CSV/XLSX/JSON) into records, as a mapping file says."""

from __future__ import annotations

from typing import Any

from glamwiki.intake.base import WARNING, Issue, Read, ReadContext
from glamwiki.intake.build import ObjectBuilder, PersonBuilder
from glamwiki.intake.fields import Joins
from glamwiki.intake.mapping import SourceSpec


class Mapper:
    """Compiled once per source file; ``build`` runs once per row."""

    def __init__(self, spec: SourceSpec, ctx: ReadContext, tabular: bool, joins: Joins | None = None) -> None:
        self.spec = spec
        self.ctx = ctx
        builder_type = ObjectBuilder if spec.kind == "object" else PersonBuilder
        self.builder: ObjectBuilder | PersonBuilder = builder_type(spec, ctx, tabular, joins or {})
        text = self.builder.plan.text
        self.required = [(name, text[name]) for name in spec.required if name in text]
        self.provenance = self.builder.plan.provenance

    def build(self, row: Any, locator: str, bad_encoding: bool = False) -> list[Read | Issue]:
        for name, getter in self.required:
            if getter(row) is None:
                path = self.spec.fields[name].path or name
                message = f"required value {name!r} is empty; the row was skipped. Fill it in and ingest again."
                return [self.ctx.issue(locator, path, message)]
        out = self.builder.build(row, locator)
        if bad_encoding and out and isinstance(out[0], Read):
            out[0].warnings.extend(self._encoding_warnings(row, locator))
        return out

    def _encoding_warnings(self, row: Any, locator: str) -> list[Issue]:
        items = row.items() if isinstance(row, dict) else []
        bad = [k for k, v in items if isinstance(v, str) and "\ufffd" in v]
        message = (
            f"bytes not valid {self.ctx.encoding}; shown as \ufffd. Save the file as UTF-8 or pass --encoding "
            "(e.g. cp1252)."
        )
        return [
            self.ctx.issue(locator, k, message, WARNING, row.get(k) if k in row else None) for k in bad or ["(row)"]
        ]
