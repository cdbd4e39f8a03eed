"""Functions the rights benchmark runs in fresh processes (see bench_rights.py)."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path


def read_only(source: str, profile: str) -> int:
    """The baseline: read the same records through read_source, without assessing them."""
    from glamwiki.intake.base import Read
    from glamwiki.intake.registry import load_named_profile
    from glamwiki.intake.stream import read_source
    from glamwiki.model.records import ObjectRecord

    items = read_source(source, profile=load_named_profile(profile))
    return sum(1 for i in items if isinstance(i, Read) and isinstance(i.record, ObjectRecord))


def assess_to_csv(source: str, profile: str, as_of: str) -> dict:
    """What `glamwiki rights assess SOURCE --profile P --as-of D --output F` does."""
    from glamwiki.intake.registry import load_named_profile
    from glamwiki.rights.files import decisions_from_source, write_csv

    rows = decisions_from_source(source, load_named_profile(profile), date.fromisoformat(as_of))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "decisions.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            counts = write_csv(rows, fh)
        size = os.path.getsize(path)
    return {"items": sum(counts.values()), "extra": {"as_of": as_of, **dict(counts), "csv_bytes": size}}


def tate_check(source: str, as_of: str) -> dict:
    """The UK side against what Tate itself did: Tate's export gives a © line with the images of
    works whose copyright a third party holds (``additionalImages[].copyright``), none otherwise."""
    import gzip
    import json
    from collections import Counter

    from glamwiki.intake.registry import load_named_profile
    from glamwiki.rights.files import decisions_from_source, record_id

    tate: dict[str, str] = {}
    with gzip.open(Path(source) / "artworks.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            images = d.get("additionalImages") or []
            if images:
                tate[d["acno"]] = "© line" if any(i.get("copyright") for i in images) else "no © line"
    table: Counter[str] = Counter()
    for record, decision in decisions_from_source(source, load_named_profile("tate"), date.fromisoformat(as_of)):
        if record_id(record) in tate:
            table[f"{decision.uk_status} / {tate[record_id(record)]}"] += 1
    return {"items": sum(table.values()), "extra": dict(table)}
