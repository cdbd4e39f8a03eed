"""The dump aggregation, written once as SQL that DuckDB and Spark SQL both run unchanged.

Inputs are two relations the engine registers:

- ``lines(line)``: the dump's text lines, one row each, exactly as decompressed;
- ``targets(wiki, title, dump_wiki, dump_title)``: the pages (or files) whose counts are wanted,
  with the keys under which they appear in this dump format (see ``DumpFormat.dump_keys``).

The result has one row per target seen (views summed over access methods and lines), plus one
row with NULL wiki/title that carries the lines no target matched. Every row carries its count of
lines and malformed lines, so the totals are sums over the result. A line is malformed when its
field count is wrong, its count is not a non-negative integer, a key field is empty, or it held
bytes that are not UTF-8 (decoded to U+FFFD). Malformed lines never match a target.

Only functions both dialects define are used: split_part, replace, length, instr, try_cast,
CASE, SUM, COUNT, LEFT JOIN, GROUP BY.
"""

from __future__ import annotations

from glamwiki.reach.dumpformats import DumpFormat

REPLACEMENT_CHAR = "\ufffd"

_TEMPLATE = """
WITH parsed AS (
    SELECT
        {wiki_expr} AS wiki,
        split_part(line, {sep}, {title_field}) AS title,
        try_cast(split_part(line, {sep}, {count_field}) AS BIGINT) AS n,
        length(line) - length(replace(line, {sep}, '')) AS seps,
        instr(line, '{bad}') AS bad
    FROM lines
),
checked AS (
    SELECT wiki, title, n,
        (seps BETWEEN {min_seps} AND {max_seps} AND n IS NOT NULL AND n >= 0
         AND title <> '' AND wiki <> '' AND bad = 0) AS ok
    FROM parsed
)
SELECT t.wiki AS wiki, t.title AS title,
    SUM(CASE WHEN t.title IS NULL THEN 0 ELSE c.n END) AS views,
    COUNT(*) AS lines,
    SUM(CASE WHEN c.ok THEN 0 ELSE 1 END) AS malformed
FROM checked c
LEFT JOIN targets t ON c.ok AND c.wiki = t.dump_wiki AND c.title = t.dump_title
GROUP BY t.wiki, t.title
"""


def aggregation_sql(fmt: DumpFormat) -> str:
    """The one query, specialised by the format's constants (separator, field positions)."""
    sep = f"chr({ord(fmt.separator)})"
    wiki_expr = f"split_part(line, {sep}, {fmt.wiki_field})" if fmt.wiki_field else f"'{fmt.fixed_wiki}'"
    return _TEMPLATE.format(
        wiki_expr=wiki_expr,
        sep=sep,
        title_field=fmt.title_field,
        count_field=fmt.count_field,
        min_seps=fmt.min_fields - 1,
        max_seps=fmt.max_fields - 1,
        bad=REPLACEMENT_CHAR,
    )
