"""Fast value getters compiled from a mapping: plain table columns read as stripped strings
without going through the general path/transform machinery."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from glamwiki.intake.mapping import FieldSpec
from glamwiki.intake.paths import column_getter, compile_path
from glamwiki.intake.transforms import get_transform
from glamwiki.intake.values import clean, text, texts

Getter = Callable[[Any], Any]
Joins = dict[str, dict[str, list[str]]]


def compile_field(spec: FieldSpec, tabular: bool, joins: Joins, id_getter: Getter | None = None) -> Getter:
    """The raw value of a field: a column, a JSON path, a joined side-table value or a constant."""
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


def is_plain_column(spec: FieldSpec, tabular: bool) -> bool:
    return (
        tabular and spec.path is not None and not spec.path.startswith("@") and not spec.transforms and not spec.split
    )


def text_getter(
    spec: FieldSpec, tabular: bool, joins: Joins, id_getter: Getter | None = None
) -> Callable[[Any], str | None]:
    """A getter returning one stripped string or None."""
    if is_plain_column(spec, tabular):
        column = spec.path

        def plain(row: Any) -> str | None:
            value = row.get(column)
            if value is None:
                return None
            if not isinstance(value, str):
                return text(value)
            return value.strip() or None

        return plain
    raw = compile_field(spec, tabular, joins, id_getter)
    return lambda row: text(raw(row))


def texts_getter(
    spec: FieldSpec, tabular: bool, joins: Joins, id_getter: Getter | None = None
) -> Callable[[Any], list[str]]:
    """A getter returning a list of stripped, non-empty strings."""
    if is_plain_column(spec, tabular):
        one = text_getter(spec, tabular, joins, id_getter)

        def plain(row: Any) -> list[str]:
            value = one(row)
            return [value] if value is not None else []

        return plain
    raw = compile_field(spec, tabular, joins, id_getter)
    return lambda row: texts(raw(row))
