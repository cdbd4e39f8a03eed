"""Run the aggregation plan (glamwiki.reach.plan) on DuckDB (embedded default) or Spark (local or cluster)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from glamwiki.reach import kinds
from glamwiki.reach.dumpformats import DumpFile, identify
from glamwiki.reach.errors import EngineUnavailable
from glamwiki.reach.kinds import Engine
from glamwiki.reach.linestream import LineCounter, decompressed, line_reader
from glamwiki.reach.plan import aggregation_sql

ENGINES = kinds.ENGINES
MAX_EXAMPLES = 5


@dataclass
class DumpCounts:
    """What one dump file says about the targets: views per (wiki, title), and the line tallies."""

    file: DumpFile
    engine: Engine
    views: dict[tuple[str, str], int] = field(default_factory=dict)
    lines: int = 0
    malformed: int = 0
    examples: list[str] = field(default_factory=list)  # malformed lines, as read (a few)

    @property
    def matched(self) -> int:
        return len(self.views)


def target_rows(dump: DumpFile, targets: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    if dump.format.name == "pageview_complete":  # keys as the wikis give them: no translation
        wikis, titles = (list(c) for c in zip(*set(targets), strict=True)) if targets else ([], [])
        return {"wiki": wikis, "title": titles, "dump_wiki": wikis, "dump_title": titles}
    cols: dict[str, list[str]] = {"wiki": [], "title": [], "dump_wiki": [], "dump_title": []}
    for wiki, title in set(targets):
        for dump_wiki, dump_title in dump.format.dump_keys(wiki, title):
            cols["wiki"].append(wiki)
            cols["title"].append(title)
            cols["dump_wiki"].append(dump_wiki)
            cols["dump_title"].append(dump_title)
    return cols


def _collect(dump: DumpFile, engine: Engine, rows: Iterable[tuple[Any, ...]], extra_malformed: int = 0) -> DumpCounts:
    counts = DumpCounts(dump, engine, malformed=extra_malformed, lines=extra_malformed)
    for wiki, title, views, lines, malformed, *examples in rows:
        counts.lines += int(lines)
        counts.malformed += int(malformed or 0)
        for example in dict.fromkeys(e for e in examples if e is not None):
            if len(counts.examples) < MAX_EXAMPLES:
                counts.examples.append(str(example)[:300])
        if wiki is not None and views:
            counts.views[(wiki, title)] = counts.views.get((wiki, title), 0) + int(views)
    return counts


def target_table(dump: DumpFile, targets: Iterable[tuple[str, str]]) -> pa.Table:
    """The targets as the Arrow table the plan joins on (build it once for many files of one format)."""
    return pa.table(target_rows(dump, targets), schema=_TARGET_SCHEMA)


def aggregate_duckdb(
    path: Path, targets: Iterable[tuple[str, str]], threads: int = 2, table: pa.Table | None = None
) -> DumpCounts:
    """``table``: the targets already as ``target_table`` gives them (then ``targets`` is not read)."""
    import duckdb

    dump = identify(path)
    con = duckdb.connect(
        config={
            "threads": threads,
            "memory_limit": "1GB",
            "preserve_insertion_order": False,
        }
    )
    try:
        # The line stream has no cardinality estimate: keep the (small) targets as the hash join's build
        # side so memory is bounded by the targets, not by the dump.
        with contextlib.suppress(duckdb.Error):
            con.execute("SET disabled_optimizers = 'build_side_probe_side'")
        con.execute("PRAGMA disable_progress_bar")  # never print on stdout (it carries --json)
        con.register("targets", table if table is not None else target_table(dump, targets))
        counter = LineCounter()
        with decompressed(path, dump.format.compression) as stream:
            con.register("lines", line_reader(stream, counter))
            rows = con.execute(aggregation_sql(dump.format, "duckdb")).fetchall()
        return _collect(dump, "duckdb", rows, counter.rejected)
    finally:
        con.close()


_TARGET_SCHEMA = pa.schema([(n, pa.string()) for n in ("wiki", "title", "dump_wiki", "dump_title")])


def aggregate_spark(path: Path, targets: Iterable[tuple[str, str]], spark: Any | None = None) -> DumpCounts:
    """The same plan on Spark. ``spark``: a SparkSession (default: a local one)."""
    dump = identify(path)
    spark = spark or local_spark()
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField("line", StringType()), StructField("extra", StringType())])
    raw = (
        spark.read.option("sep", "\x1f")
        .option("quote", "")
        .option("encoding", "UTF-8")
        .option("mode", "PERMISSIVE")
        .schema(schema)
        .csv(str(path))
    )
    raw.createOrReplaceTempView("raw_lines")
    # A line holding the reader's delimiter is malformed (as on DuckDB): mark it with U+FFFD.
    spark.sql(
        "SELECT CASE WHEN extra IS NULL THEN coalesce(line, '') ELSE '\ufffd' END AS line FROM raw_lines"
    ).createOrReplaceTempView("lines")
    cols = target_rows(dump, targets)
    tschema = StructType([StructField(n, StringType()) for n in cols])
    spark.createDataFrame(list(zip(*cols.values(), strict=True)), tschema).createOrReplaceTempView("targets")
    rows = [tuple(r) for r in spark.sql(aggregation_sql(dump.format)).collect()]
    return _collect(dump, "spark", rows)


def local_spark(cores: int = 2, master: str = "") -> Any:
    """A SparkSession: local mode with ``cores`` threads, or on ``master`` (e.g. spark://host:7077, yarn)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise EngineUnavailable("pyspark is not installed: pip install 'glamwiki[spark]' (needs Java 17+).") from exc
    try:
        return (
            SparkSession.builder.master(master or f"local[{cores}]")
            .appName("glamwiki-reach")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", str(cores))
            .config("spark.driver.memory", "1g")
            .getOrCreate()
        )
    except Exception as exc:
        raise EngineUnavailable(f"Spark could not start ({exc}). Check `java -version` (Java 17+ needed).") from exc


def aggregate(
    path: Path,
    targets: Iterable[tuple[str, str]],
    engine: str = "duckdb",
    spark_master: str = "",
    table: pa.Table | None = None,
) -> DumpCounts:
    if engine == "duckdb":
        return aggregate_duckdb(path, targets, table=table)
    if engine == "spark":
        return aggregate_spark(path, targets, local_spark(master=spark_master) if spark_master else None)
    raise EngineUnavailable(f"Unknown engine {engine!r}: use one of {', '.join(ENGINES)}.")
