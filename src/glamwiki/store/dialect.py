"""What differs between SQLite and PostgreSQL, in one place (see docs/adr/0007).

The store modules write SQL as readable text in the portable subset with ``?`` or ``:name``
parameters (the sqlite3 styles). On PostgreSQL that text goes through :func:`to_pyformat` (the
psycopg parameter style) and the migrations through :func:`to_postgres_ddl`. Rows from PostgreSQL
are :class:`PgRow`, which, like ``sqlite3.Row``, answer ``row["col"]`` and ``row[0]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, ClassVar

# SQLite's CURRENT_TIMESTAMP is text 'YYYY-MM-DD HH:MM:SS' in UTC; this is the same text on PostgreSQL.
NOW_TEXT = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"

# -- parameters ------------------------------------------------------------------------------------
_TOKENS = re.compile(
    r"""
      (?P<literal>'(?:[^']|'')*')            # 'string literal' ('' inside is a quote)
    | (?P<ident>"(?:[^"]|"")*")              # "quoted identifier"
    | (?P<comment>--[^\n]*)                  # comment to the end of the line
    | (?P<cast>::)                           # PostgreSQL cast, not a parameter
    | (?P<named>(?<![:\w]):[A-Za-z_]\w*)     # :name
    | (?P<qmark>\?)                          # ?
    | (?P<percent>%)                         # a percent sign psycopg would read as a placeholder
    | (?P<now>\bCURRENT_TIMESTAMP\b)          # SQLite's text timestamp, as PostgreSQL writes it
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """``?`` -> ``%s`` and ``:name`` -> ``%(name)s``, outside string literals, quoted names and comments.

    ``CURRENT_TIMESTAMP`` becomes the same text SQLite stores ('YYYY-MM-DD HH:MM:SS', UTC).

    Every ``%`` (in literals too, e.g. ``LIKE '%.wikipedia'``) is doubled, because psycopg reads the
    whole text for placeholders; the store always passes a parameter sequence, even an empty one.
    """

    def replace(match: re.Match[str]) -> str:
        kind = match.lastgroup
        text = match.group()
        if kind == "named":
            return f"%({text[1:]})s"
        if kind == "qmark":
            return "%s"
        if kind in ("literal", "ident", "comment"):
            return text.replace("%", "%%")
        if kind == "percent":
            return "%%"
        if kind == "now":
            return NOW_TEXT.replace("%", "%%")
        return text

    return _TOKENS.sub(replace, sql)


# -- rows ------------------------------------------------------------------------------------------
class PgRow(tuple[Any, ...]):
    """A result row that answers by position and by column name, like ``sqlite3.Row``."""

    _index: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._index[key])
            except KeyError:
                raise IndexError(f"No item with that key: {key!r}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[PgRow]:
    return type("PgRow", (PgRow,), {"_index": {name: i for i, name in enumerate(names)}, "__slots__": ()})


def pg_row_factory(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    """psycopg row factory making :class:`PgRow` objects (one class per column list, cached)."""
    description = cursor.description
    if description is None:
        return lambda values: PgRow(values)
    cls = _row_class(tuple(column.name for column in description))
    return cls


# -- DDL ---------------------------------------------------------------------------------------------
_UTC = "to_char(now() AT TIME ZONE 'UTC', "
_SQLITE_DEFAULTS = {
    "CURRENT_TIMESTAMP": NOW_TEXT,
    "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))": "(" + _UTC + '\'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\'))',
    "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))": "(" + _UTC + '\'YYYY-MM-DD"T"HH24:MI:SS"Z"\'))',
}
_DEFAULT = re.compile(r"DEFAULT\s+(\(strftime\('[^']*', 'now'\)\)|CURRENT_TIMESTAMP)", re.IGNORECASE)
_KEY = re.compile(r"\b(\w+)\s+INTEGER\s+PRIMARY\s+KEY\b", re.IGNORECASE)
_TYPES = [
    (re.compile(r"\bINTEGER\b", re.IGNORECASE), "BIGINT"),  # SQLite integers are 64-bit
    (re.compile(r"\bREAL\b", re.IGNORECASE), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.IGNORECASE), "BYTEA"),
]


def _translate_default(match: re.Match[str]) -> str:
    expression = match.group(1)
    try:
        return "DEFAULT " + _SQLITE_DEFAULTS[expression]
    except KeyError:
        raise ValueError(f"no PostgreSQL form for the SQLite default {expression!r}: add it to dialect.py") from None


def to_postgres_ddl(statement: str) -> str:
    """One migration statement written for SQLite, as PostgreSQL 15 runs it.

    ``x INTEGER PRIMARY KEY`` (SQLite's auto-numbered rowid key) becomes an identity column; the other
    type names and the timestamp defaults are mapped. Anything else must already be portable.
    """
    out = []
    for kind, text in _code_and_literals(statement):
        if kind == "code":
            text = _KEY.sub(r"\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
            for pattern, replacement in _TYPES:
                text = pattern.sub(replacement, text)
        out.append(text)
    return _DEFAULT.sub(_translate_default, "".join(out))


def _code_and_literals(sql: str) -> list[tuple[str, str]]:
    """The statement cut into ("code", text) and ("literal", 'text') parts."""
    parts: list[tuple[str, str]] = []
    pos = 0
    for match in re.finditer(r"'(?:[^']|'')*'", sql):
        parts.append(("code", sql[pos : match.start()]))
        parts.append(("literal", match.group()))
        pos = match.end()
    parts.append(("code", sql[pos:]))
    return parts


def split_statements(script: str) -> list[str]:
    """The statements of a migration file: comments dropped, split on ``;`` outside literals."""
    statements: list[str] = []
    current: list[str] = []
    for match in re.finditer(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|;|[^'\";-]+|.", script, re.DOTALL):
        token = match.group()
        if token.startswith("--"):
            continue
        if token == ";":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(token)
    statements.append("".join(current).strip())
    return [s for s in statements if s]
