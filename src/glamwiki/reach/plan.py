"""The dump aggregation, written once as SQL that DuckDB and Spark SQL both run unchanged.

Inputs are two relations the engine registers:

- ``lines(line)``: the dump's text lines, one row each, exactly as decompressed;
- ``targets(wiki, title, dump_wiki, dump_title)``: the pages (or files) whose counts are wanted,
  with the keys under which they appear in this dump format (see ``DumpFormat.dump_keys``).

The result has one row per target seen (views summed over access methods and lines), plus one row
with NULL wiki/title that carries the lines no target matched. Every row carries its count of lines
and malformed lines, and two malformed lines (the least and the greatest) as examples, so the totals
are sums over the result. A line is malformed when its field count is wrong, its count is not a non-
negative integer, a key field is empty, its title cannot be read, or it held bytes that are not
UTF-8 (decoded to U+FFFD). Malformed lines never match a target.

Titles (``pageview_complete``): a title holding a double quote is written quoted, with each inner
quote escaped by a backslash — ``"\\"W\\"_…"`` is the title ``"W"_…`` and ``"\\""`` is ``"`` (real
lines in tests/reach/fixtures/dumps). The plan reads that form; a title that opens a quote it does
not close, or holds a bare quote, cannot be read and is counted as malformed.

Only functions both dialects define are used: split_part, replace, length, instr, substr, left,
right, concat, chr, try_cast, CASE, SUM, COUNT, MIN, MAX, LEFT JOIN, GROUP BY. Backslash and quote are
written ``chr(92)`` and ``chr(34)``: Spark SQL string literals treat a backslash as an escape.
DuckDB runs its own text of the first step (the line split once into a list, ``string_split``), about
half the query's CPU time; tests/reach/test_plan_dialects.py holds both texts to the same results.
"""

from __future__ import annotations

from typing import Literal

from glamwiki.reach.dumpformats import DumpFormat

Dialect = Literal["portable", "duckdb"]

REPLACEMENT_CHAR = "\ufffd"

_Q = "chr(34)"
_ESCAPED_Q = "concat(chr(92), chr(34))"

# raw -> the title as the wiki writes it; and whether it can be read at all.
_QUOTED_TITLE = f"""CASE WHEN left(raw, 1) = {_Q}
            THEN replace(substr(raw, 2, length(raw) - 2), {_ESCAPED_Q}, {_Q}) ELSE raw END"""
_QUOTED_OK = f"""CASE WHEN left(raw, 1) = {_Q}
            THEN length(raw) >= 3 AND right(raw, 1) = {_Q}
                 AND instr(replace(substr(raw, 2, length(raw) - 2), {_ESCAPED_Q}, ''), {_Q}) = 0
            ELSE instr(raw, {_Q}) = 0 END"""

_FIELDS = """
WITH fields AS (
    SELECT line,
        {wiki_expr} AS wiki,
        split_part(line, {sep}, {title_field}) AS raw,
        try_cast({count_expr} AS BIGINT) AS n,
        length(line) - length(replace(line, {sep}, '')) AS seps,
        instr(line, '{bad}') AS bad
    FROM lines
),"""

# DuckDB's own text for the same fields: the line split once into a list (f[k] is NULL past its end,
# where split_part gives ''), about half the query's CPU time. Same results: tests/reach/test_plan_dialects.py.
_DUCKDB_FIELDS = """
WITH split AS (SELECT line, string_split(line, {sep}) AS f FROM lines),
fields AS (
    SELECT line,
        {wiki_expr} AS wiki,
        coalesce(f[{title_field}], '') AS raw,
        try_cast({count_expr} AS BIGINT) AS n,
        len(f) - 1 AS seps,
        instr(line, '{bad}') AS bad
    FROM split
),"""

_TEMPLATE = """{fields}
parsed AS (
    SELECT line, wiki, n, seps, bad, {title_expr} AS title, {title_ok} AS readable FROM fields
),
tested AS (
    SELECT line, wiki, title, n,
        (seps BETWEEN {min_seps} AND {max_seps} AND n IS NOT NULL AND n >= 0
         AND title <> '' AND wiki <> '' AND bad = 0 AND readable) AS ok
    FROM parsed
),
checked AS (
    SELECT wiki, title, n, ok, CASE WHEN ok THEN NULL ELSE line END AS bad_line FROM tested
)
SELECT t.wiki AS wiki, t.title AS title,
    SUM(CASE WHEN t.title IS NULL THEN 0 ELSE c.n END) AS views,
    COUNT(*) AS lines,
    SUM(CASE WHEN c.ok THEN 0 ELSE 1 END) AS malformed,
    MIN(c.bad_line) AS example,
    MAX(c.bad_line) AS example2
FROM checked c
LEFT JOIN targets t ON c.ok AND c.wiki = t.dump_wiki AND c.title = t.dump_title
GROUP BY t.wiki, t.title
"""


def aggregation_sql(fmt: DumpFormat, dialect: Dialect = "portable") -> str:
    """The one query, specialised by the format's constants (separator, field positions, quoting).

    ``dialect``: "portable" (DuckDB and Spark SQL alike) or "duckdb" (the same query, its fields read
    from one split of the line: faster on DuckDB, identical results)."""
    sep = f"chr({ord(fmt.separator)})"
    field = _field_duckdb if dialect == "duckdb" else _field_portable
    wiki_expr = field(sep, fmt.wiki_field) if fmt.wiki_field else f"'{fmt.fixed_wiki}'"
    count_expr = field(sep, fmt.count_field)
    if fmt.short_count_field:  # a line one field short has its count one place earlier
        short = field(sep, fmt.short_count_field)
        count_expr = f"CASE WHEN {field(sep, fmt.max_fields)} = '' THEN {short} ELSE {count_expr} END"
    fields = (_DUCKDB_FIELDS if dialect == "duckdb" else _FIELDS).format(
        wiki_expr=wiki_expr, sep=sep, title_field=fmt.title_field, count_expr=count_expr, bad=REPLACEMENT_CHAR
    )
    return _TEMPLATE.format(
        fields=fields,
        min_seps=fmt.min_fields - 1,
        max_seps=fmt.max_fields - 1,
        title_expr=_QUOTED_TITLE if fmt.quoted_titles else "raw",
        title_ok=_QUOTED_OK if fmt.quoted_titles else "TRUE",
    )


def _field_portable(sep: str, k: int) -> str:
    return f"split_part(line, {sep}, {k})"


def _field_duckdb(sep: str, k: int) -> str:
    return f"coalesce(f[{k}], '')"
