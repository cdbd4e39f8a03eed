"""Turn one row (a dict from CSV/XLSX/JSON) into records, as a mapping file says."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from glamwiki.intake.base import WARNING, Issue, Read, ReadContext
from glamwiki.intake.build import ObjectBuilder, PersonBuilder
from glamwiki.intake.mapping import FieldSpec, SourceSpec
from glamwiki.intake.paths import column_getter, compile_path
from glamwiki.intake.transforms import get_transform
from glamwiki.intake.values import clean

Getter = Callable[[Any], Any]


def compile_field(
    spec: FieldSpec, tabular: bool, joins: dict[str, dict[str, list[str]]], id_getter: Getter | None = None
) -> Getter:
    if spec.path is None:
        const = spec.const
        return lambda row: const
    if spec.path.startswith("@"):
        table = joins.get(spec.path[1:], {})
        key_of = id_getter or (lambda row: None)
        base: Getter = lambda row: table.get(str(clean(key_of(row))))  # noqa: E731
    else:
        base = column_getter(spec.path) if tabular else compile_path(spec.path)
    steps = [get_transform(t, spec.path) for t in spec.transforms]
    sep = spec.split
    if not steps and sep is None:
        return base

    def get(row: Any) -> Any:
        value = base(row)
        if sep is not None and isinstance(value, str):
            value = [v.strip() for v in value.split(sep)]
        for step in steps:
            value = step(value)
        return value

    return get


class Mapper:
    """Compiled once per source file; ``build`` runs once per row."""

    def __init__(
        self, spec: SourceSpec, ctx: ReadContext, tabular: bool, joins: dict[str, dict[str, list[str]]] | None = None
    ) -> None:
        self.spec = spec
        self.ctx = ctx
        joins = joins or {}
        id_getter = compile_field(spec.fields["id"], tabular, {})
        get = {name: compile_field(f, tabular, joins, id_getter) for name, f in spec.fields.items()}
        provenance = {name: f.path or "(constant)" for name, f in spec.fields.items()}
        if spec.kind == "object":
            self.builder: ObjectBuilder | PersonBuilder = ObjectBuilder(spec, ctx, get, provenance, tabular, joins)
        else:
            self.builder = PersonBuilder(spec, ctx, get, provenance)
        self.required = [name for name in spec.required if name in get]
        self.get = get

    def build(self, row: Any, locator: str, bad_encoding: bool = False) -> list[Read | Issue]:
        for name in self.required:
            if clean(self.get[name](row)) is None:
                path = self.spec.fields[name].path or name
                return [
                    self.ctx.issue(
                        locator,
                        path,
                        f"required value {name!r} is empty; the row was skipped. Fill it in and ingest again.",
                    )
                ]
        out = self.builder.build(row, locator)
        if bad_encoding and out and isinstance(out[0], Read):
            out[0].warnings.extend(self._encoding_warnings(row, locator))
        return out

    def _encoding_warnings(self, row: Any, locator: str) -> list[Issue]:
        bad = [k for k, v in (row.items() if isinstance(row, dict) else []) if isinstance(v, str) and "\ufffd" in v]
        return [
            self.ctx.issue(
                locator,
                k,
                f"bytes not valid {self.ctx.encoding}; shown as \ufffd. Save the "
                "file as UTF-8 or pass --encoding (e.g. cp1252).",
                WARNING,
                row[k],
            )
            for k in bad or ["(row)"]
        ]
