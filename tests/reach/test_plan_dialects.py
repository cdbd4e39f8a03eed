"""DuckDB's own text of the aggregation (one split of each line) gives exactly what the portable text
(the one Spark SQL runs too, tests/reach/test_spark.py) gives: on every real dump line of the fixtures
(tests/reach/fixtures/dumps/README.md names their sources) and on malformed lines of every kind."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from glamwiki.reach.dumpformats import FORMATS, DumpFormat
from glamwiki.reach.plan import aggregation_sql

DUMPS = Path(__file__).parent / "fixtures" / "dumps"
REAL = {
    "pageview_complete": ["pageview-complete-user-2021-and-2011.txt", "pageviews-ar-aa-sample.txt"],
    "hourly": ["pageviews-20210101-000000-head.txt"],
    "mediacounts": ["mediacounts-head.tsv"],
}
# Lines no real sample holds: short, long, empty fields, bad counts, unreadable titles, bad bytes.
ODD = [
    "",
    "en.wikipedia",
    "en.wikipedia Ada",
    "en.wikipedia Ada 1",
    "en.wikipedia Ada null desktop",
    "en.wikipedia Ada null desktop 7",
    "en.wikipedia Ada null desktop 7 A7",
    "en.wikipedia Ada null desktop 7 A7 extra",
    "en.wikipedia Ada null desktop -3 A3",
    "en.wikipedia Ada null desktop x A3",
    "en.wikipedia Ada null desktop  A3",
    " Ada null desktop 2 A2",
    "en.wikipedia  null desktop 2 A2",
    'en.wikipedia "Ada null desktop 2 A2',
    'en.wikipedia "A"da" null desktop 2 A2',
    'en.wikipedia "\\"" null desktop 2 A2',
    'en.wikipedia Ad"a null desktop 2 A2',
    "en.wikipedia Ad\ufffda null desktop 2 A2",
    "Ada\t1\t2",
    "Ada\t\t2",
    "\t1\t2",
    "Ada 4 0",
    "en Ada 4",
    "en Ada -1 0",
    "en Ada 4 0 0",
]


def _lines(fmt: DumpFormat) -> list[str]:
    real = [line for name in REAL[fmt.name] for line in (DUMPS / name).read_text("utf-8").splitlines()]
    return real + ODD


def _targets(fmt: DumpFormat, lines: list[str]) -> pa.Table:
    """Every (wiki, title) pair the lines name (as the fields read, quoted or not), so most lines match."""
    keys: set[tuple[str, str]] = set()
    for line in lines:
        parts = line.split(fmt.separator)
        wiki = parts[fmt.wiki_field - 1] if fmt.wiki_field and len(parts) >= fmt.wiki_field else fmt.fixed_wiki
        title = parts[fmt.title_field - 1] if len(parts) >= fmt.title_field else ""
        if title.startswith('"') and title.endswith('"') and len(title) >= 2:
            title = title[1:-1].replace('\\"', '"')
        keys.add((wiki or "", title))
    wikis, titles = (list(c) for c in zip(*sorted(keys), strict=True))
    return pa.table({"wiki": wikis, "title": titles, "dump_wiki": wikis, "dump_title": titles})


def _run(sql: str, lines: list[str], targets: pa.Table) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    try:
        con.register("lines", pa.table({"line": pa.array(lines, pa.string())}))
        con.register("targets", targets)
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(REAL))
def test_duckdb_text_gives_the_portable_results(name: str) -> None:
    fmt = FORMATS[name]
    lines = _lines(fmt)
    targets = _targets(fmt, lines)
    portable = _run(aggregation_sql(fmt), lines, targets)
    own = _run(aggregation_sql(fmt, "duckdb"), lines, targets)
    assert own == portable
    # The comparison is not empty: views matched, and malformed lines counted, with examples.
    assert sum(r[2] or 0 for r in portable if r[0] is not None) > 0
    assert sum(r[3] for r in portable) == len(lines)
    assert sum(r[4] for r in portable) >= 8
    assert "split_part" not in aggregation_sql(fmt, "duckdb")
