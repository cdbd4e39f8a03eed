"""The review queue: records that need a person, grouped by the fact that would decide them,
exported as a CSV or Excel sheet a curator fills in, and read back as curator facts."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from glamwiki.errors import GlamwikiError
from glamwiki.model.rights import REVIEW
from glamwiki.rights.facts import FACTS, check_fact
from glamwiki.rights.reasons import fact_label
from glamwiki.rights.sheets import read_xlsx, write_xlsx
from glamwiki.store import Store
from glamwiki.store.rights import iter_decisions, save_fact

FIXED = ["dataset", "record_id", "missing", "reasons"]


class ReviewFileError(GlamwikiError):
    """A filled-in review sheet cannot be read."""

    exit_code = 2


def queue_groups(store: Store) -> list[tuple[str, str, int]]:
    """(fact, label, records) for every missing fact, largest first."""
    counts: Counter[str] = Counter()
    for d in iter_decisions(store, decision=REVIEW):
        for fact in d.missing_facts or ["(no fact named)"]:
            counts[fact] += 1
    return [(fact, fact_label(fact), n) for fact, n in counts.most_common()]


HEADER = [*FIXED, *FACTS, "source"]


def queue_rows(store: Store, fact: str | None = None) -> Iterator[list[str]]:
    """One row per record under review; a column per curator fact, empty, to fill in."""
    for d in iter_decisions(store, decision=REVIEW):
        if fact and fact not in d.missing_facts:
            continue
        reasons = " | ".join(r.text for r in d.reasons if r.layer in ("uk", "us", "other"))[:1000]
        yield [d.dataset, d.record_id, "; ".join(d.missing_facts), reasons] + [""] * (len(FACTS) + 1)


def export_queue(store: Store, out: TextIO, fact: str | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    n = 0
    for row in queue_rows(store, fact):
        writer.writerow(row)
        n += 1
    return n


def export_queue_xlsx(store: Store, path: Path, fact: str | None = None) -> int:
    return write_xlsx(path, HEADER, queue_rows(store, fact), {*FACTS, "source"})


def import_facts(store: Store, path: Path) -> int:
    """Store every filled cell of a review sheet as a curator fact; returns how many.

    Nothing is stored unless every filled cell can be used (the errors name row and column)."""
    rows = read_sheet(path)
    if rows and not {"dataset", "record_id"} <= set(rows[0]):
        raise ReviewFileError(
            f"{path}: needs the columns dataset and record_id (export one with glamwiki rights review)"
        )
    problems = [
        f"row {i}, column {fact}: {why}"
        for i, row in enumerate(rows, start=2)
        for fact in FACTS
        if (row.get(fact) or "").strip() and (why := check_fact(fact, row[fact]))
    ]
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise ReviewFileError(f"{path}: nothing imported; correct these cells and import again: "
                              + "; ".join(problems[:10]) + more)  # fmt: skip
    return _save(store, rows, path.name)


def read_sheet(path: Path) -> list[dict[str, str]]:
    """A filled-in queue, as the CSV or the Excel workbook glamwiki wrote."""
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path)
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _save(store: Store, rows: Iterable[dict[str, str]], name: str) -> int:
    n = 0
    with store.transaction():
        for row in rows:
            source = (row.get("source") or "").strip() or f"review sheet {name}"
            for fact in FACTS:
                value = (row.get(fact) or "").strip()
                if value:
                    save_fact(store, row["dataset"], row["record_id"], fact, value, source)
                    n += 1
    return n
