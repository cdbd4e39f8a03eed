"""Named value transforms a mapping file may ask for (``transform = "tree_leaves"``).

Transforms are looked up by name: a mapping is data, never code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from glamwiki.errors import ConfigError

Transform = Callable[[Any], Any]
_TAG = re.compile(r"<[^>]+>")
_QID = re.compile(r"(Q\d+)$")
_DIGITS = re.compile(r"(\d+)/?$")


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def tree_leaves(value: Any) -> list[str]:
    """Names of the leaves of a {"name", "children": [...]} tree (Tate's subjects)."""
    out: list[str] = []
    stack = [value] if isinstance(value, dict) else list(value or [])
    while stack:
        node = stack.pop(0)
        if not isinstance(node, dict):
            continue
        children = node.get("children") or []
        if children:
            stack[0:0] = children
        elif node.get("name"):
            out.append(str(node["name"]))
    return out


def strip_html(value: Any) -> Any:
    if isinstance(value, str):
        return html.unescape(_TAG.sub(" ", value)).strip()
    return value


def qid(value: Any) -> Any:
    """ "Q42", "http://www.wikidata.org/entity/Q42" -> "Q42"; anything else -> None."""
    if value is None:
        return None
    m = _QID.search(str(value).strip())
    return m[1] if m else None


def numeric_id(value: Any) -> Any:
    """ "500115983", "http://vocab.getty.edu/ulan/500115983" -> "500115983"."""
    if value is None:
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    m = _DIGITS.search(text)
    return m[1] if m else None


def to_bool(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "published", "t"):
        return True
    if text in ("0", "false", "no", "n", "unpublished", "f"):
        return False
    return None


def nonzero(value: Any) -> Any:
    return None if value in (0, "0", 0.0, "0.0", "") else value


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else (None if isinstance(value, list) else value)


def join(value: Any) -> Any:
    return "; ".join(_strings(value)) or None


def year(value: Any) -> Any:
    """ "1840-01-01" -> "1840": a bound a catalogue stores as 1 January of its year."""
    if value is None:
        return None
    m = re.match(r"^\s*(-?\d{1,4})(?:-\d{2}-\d{2})?", str(value))
    return m[1] if m else value


TRANSFORMS: dict[str, Transform] = {
    "year": year,
    "strip_html": strip_html,
    "tree_leaves": tree_leaves,
    "qid": qid,
    "numeric_id": numeric_id,
    "bool": to_bool,
    "nonzero": nonzero,
    "first": first,
    "join": join,
    "lower": lambda v: v.lower() if isinstance(v, str) else v,
    "upper": lambda v: v.upper() if isinstance(v, str) else v,
}


def get_transform(name: str, where: str) -> Transform:
    try:
        return TRANSFORMS[name]
    except KeyError:
        known = ", ".join(sorted(TRANSFORMS))
        raise ConfigError(f"{where}: unknown transform {name!r}. Known transforms: {known}.") from None
