"""One row per source person: the answer, its probability and the evidence behind it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from glamwiki.intake.exporting import safe_row
from glamwiki.linking.features import FEATURES
from glamwiki.linking.matcher import LinkResult

COLUMNS = (
    "source_id", "authority_id", "qid", "probability", "decision",
    "source_name", "source_dates", "authority_name", "authority_dates", "match_weight",
    *(f.name for f in FEATURES), "identifiers", "candidates", "runner_up", "note",
)  # fmt: skip


def result_row(r: LinkResult) -> dict[str, object]:
    best = r.best
    shown = best.entity if best else None
    answered = r.authority
    row: dict[str, object] = {
        "source_id": r.source.id,
        "authority_id": answered.id if answered else "",
        "qid": answered.qid if answered else "",
        "probability": f"{r.probability:.4f}",
        "decision": r.decision,
        "source_name": r.source.name,
        "source_dates": r.source.dates_text(),
        "authority_name": shown.name if shown else "",
        "authority_dates": shown.dates_text() if shown else "",
        "match_weight": f"{best.weight:.2f}" if best else "",
        "identifiers": str(best.ids) if best else "",
        "candidates": str(r.n_candidates),
        "runner_up": f"{r.runner_up:.4f}",
        "note": r.why,
    }
    feats = best.features() if best else {}
    for f in FEATURES:
        row[f.name] = feats.get(f.name, "")
    return row


def write_csv(results: Iterable[LinkResult], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for r in results:
        writer.writerow(safe_row(result_row(r)))
        n += 1
    return n


def write_csv_file(results: Iterable[LinkResult], path: str | Path) -> int:
    with open(path, "w", encoding="utf-8", newline="") as f:
        return write_csv(results, f)


def read_rows(path: str | Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)
