"""Cleaning raw cell values: strings stripped, empties dropped, numbers kept as numbers."""

from __future__ import annotations

from typing import Any


def clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, list):
        items = [clean(v) for v in value]
        return [v for v in items if v is not None] or None
    return value


def text(value: Any) -> str | None:
    """One string from a value (a list gives its first item); numbers without a trailing .0."""
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return None
    return str(value)


def texts(value: Any) -> list[str]:
    value = clean(value)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [t for t in (text(v) for v in items) if t]


def number(value: Any) -> float | None:
    value = clean(value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value else None
    try:
        result = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return result or None
