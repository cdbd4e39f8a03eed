"""Paths into JSON records: "title", "contributors[0].fc", "creator[*].full_name"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Getter = Callable[[Any], Any]
_STEP = re.compile(r"([^.\[\]]+)|\[(\*|\d+)\]")


def compile_path(path: str) -> Getter:
    """A function that follows ``path`` into nested dicts/lists; ``[*]`` fans out to a list."""
    steps: list[str | int | None] = []
    for m in _STEP.finditer(path):
        if m[1] is not None:
            steps.append(m[1])
        elif m[2] == "*":
            steps.append(None)
        else:
            steps.append(int(m[2]))
    if len(steps) == 1 and isinstance(steps[0], str):
        key = steps[0]
        return lambda obj: obj.get(key) if isinstance(obj, dict) else None
    return lambda obj: _follow(obj, steps)


def _follow(obj: Any, steps: list[str | int | None]) -> Any:
    for i, step in enumerate(steps):
        if obj is None:
            return None
        if step is None:
            if not isinstance(obj, list):
                return None
            rest = steps[i + 1 :]
            out = []
            for item in obj:
                value = _follow(item, rest) if rest else item
                if isinstance(value, list):
                    out.extend(value)
                elif value is not None:
                    out.append(value)
            return out
        if isinstance(step, int):
            obj = obj[step] if isinstance(obj, list) and -len(obj) <= step < len(obj) else None
        else:
            obj = obj.get(step) if isinstance(obj, dict) else None
    return obj


def column_getter(column: str) -> Getter:
    """A getter for a flat row (CSV/XLSX): the column name is taken literally."""
    return lambda row: row.get(column)
