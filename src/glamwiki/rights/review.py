"""The review queue: records that need a person, grouped by the fact that would decide them,
exported as a CSV or Excel sheet a curator fills in, and read back as curator facts."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from glamwiki.cells import neutralise, restore
from glamwiki.conflicts import Conflict, SheetImport, parse_version
from glamwiki.errors import GlamwikiError, StaleDecision
from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import REVIEW, RightsDecision
from glamwiki.rights.facts import FACTS, check_fact, fact_choices
from glamwiki.rights.presumptions import SHIPPED
from glamwiki.rights.reasons import fact_label
from glamwiki.rights.sheets import read_xlsx, write_xlsx
from glamwiki.store import Store
from glamwiki.store.decisions import LOCAL_ACTOR, versions
from glamwiki.store.records import get_record
from glamwiki.store.rights import iter_decisions, save_fact

FIXED = ["dataset", "record_id", "title", "creators", "date", "medium", "credit_line", "record_link", "image_link",
         "missing", "presumption", "reasons", "version"]  # fmt: skip
PRESUMPTION = "presumption:"


class ReviewFileError(GlamwikiError):
    """A filled-in review sheet cannot be read."""

    exit_code = 2


def queue_groups(store: Store) -> list[tuple[str, str, int]]:
    """(key, label, records), largest first: first the presumption that would decide each record (one
    approval answers the whole group), then, for the rest, the missing fact that would decide it."""
    counts: Counter[str] = Counter()
    for d in iter_decisions(store, decision=REVIEW):
        counts[_group(d)] += 1
    return [(key, _group_label(key), n) for key, n in counts.most_common()]


def _group(d: RightsDecision) -> str:
    if d.would_decide:
        return PRESUMPTION + d.would_decide[0]
    return d.missing_facts[0] if d.missing_facts else "(no fact named)"


def _in_group(d: RightsDecision, key: str) -> bool:
    if key.startswith(PRESUMPTION):
        return key[len(PRESUMPTION) :] in d.would_decide
    return key in d.missing_facts


def _group_label(key: str) -> str:
    if key.startswith(PRESUMPTION):
        name = key[len(PRESUMPTION) :]
        return f"decided by presumption {name} once approved ({SHIPPED[name].presumes})"
    return fact_label(key)


HEADER = [*FIXED, *FACTS, "source"]


def queue_rows(store: Store, fact: str | None = None) -> Iterator[list[str]]:
    """One row per record under review: what a curator needs to answer, then a column per fact to fill in."""
    seen = versions(store, "rights_fact")
    for d in iter_decisions(store, decision=REVIEW):
        if fact and not _in_group(d, fact):
            continue
        found = [r for ds, r in get_record(store, d.record_id, "object", d.dataset) if isinstance(r, ObjectRecord)]
        record = found[0] if found else ObjectRecord(id=d.record_id)
        reasons = " | ".join(r.text for r in d.reasons if r.layer in ("uk", "us", "other"))[:1000]
        missing = "; ".join(fact_label(m) for m in d.missing_facts)
        image = record.images[0].location if record.images else ""
        cells = [d.dataset, d.record_id, record.title, creators_text(record), record.date.text or "",
                 record.medium or "", record.credit_line or "", record.url or "", image, missing,
                 " ".join(d.would_decide), reasons, str(seen.get((d.dataset, d.record_id), 0))]  # fmt: skip
        yield [neutralise(c) for c in cells] + [""] * (len(FACTS) + 1)


def creators_text(record: ObjectRecord) -> str:
    """Each creator with life dates and role: "Joseph Mallord William Turner (1775-1851; formerly attributed to)"."""
    out = []
    for c in record.creators:
        life = "-".join(str(y) if y is not None else "" for y in (c.birth.earliest_year, c.death.latest_year))
        extra = "; ".join(x for x in (life if life != "-" else "", c.attribution or c.role or "") if x)
        out.append(f"{c.name} ({extra})" if extra else c.name)
    return "; ".join(out)


def export_queue(store: Store, out: TextIO, fact: str | None = None) -> int:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    n = 0
    for row in queue_rows(store, fact):
        writer.writerow(row)
        n += 1
    return n


def export_queue_xlsx(store: Store, path: Path, fact: str | None = None) -> int:
    return write_xlsx(path, HEADER, queue_rows(store, fact), {*FACTS, "source"}, fact_choices())


def import_facts(store: Store, path: Path, actor: str = LOCAL_ACTOR) -> SheetImport:
    """Store every filled cell of a review sheet as a curator fact; returns how many, and the conflicts.

    Nothing is stored unless every filled cell can be used (the errors name row and column). A cell
    whose fact someone decided otherwise since the sheet was exported (its row's version) is not
    applied but reported as a conflict (file, row, field); the rest is applied."""
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
    problems += [
        f"row {i}: facts filled in but no dataset or record_id (copy them from the exported sheet)"
        for i, row in enumerate(rows, start=2)
        if any((row.get(f) or "").strip() for f in FACTS) and not (_id(row, "dataset") and _id(row, "record_id"))
    ]
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise ReviewFileError(f"{path}: nothing imported; correct these cells and import again: "
                              + "; ".join(problems[:10]) + more)  # fmt: skip
    return _save(store, rows, path.name, actor)


def read_sheet(path: Path) -> list[dict[str, str]]:
    """A filled-in queue, as the CSV or the Excel workbook glamwiki wrote."""
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path)
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _save(store: Store, rows: Iterable[dict[str, str]], name: str, actor: str) -> SheetImport:
    result = SheetImport()
    with store.transaction():
        for line, row in enumerate(rows, start=2):
            source = (row.get("source") or "").strip() or f"review sheet {name}"
            expected = parse_version(row.get("version"))
            for fact in FACTS:
                value = (row.get(fact) or "").strip()
                if not value:
                    continue
                try:
                    save_fact(store, _id(row, "dataset"), _id(row, "record_id"), fact, value, source,
                              actor=actor, expected=expected)  # fmt: skip
                except StaleDecision as exc:
                    result.conflicts.append(Conflict(name, line, fact, str(exc)))
                    continue
                result.applied += 1
    return result


def _id(row: dict[str, str], column: str) -> str:
    """An id as exported: the leading ' that kept a formula-like id from running is not part of it."""
    return restore((row.get(column) or "").strip())


def group_decisions(store: Store, key: str) -> list[RightsDecision]:
    """The decisions under review in one group of ``queue_groups`` (a fact, or ``presumption:NAME``)."""
    return [d for d in iter_decisions(store, decision=REVIEW) if _in_group(d, key)]


def group_of(d: RightsDecision) -> str:
    """The group ``queue_groups`` counts a decision in (the web's queue reads it in one pass)."""
    return _group(d)


def group_label(key: str) -> str:
    """What a group is, as ``queue_groups`` names it."""
    return _group_label(key)
