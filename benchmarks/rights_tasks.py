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


def assess_to_csv(source: str, profile: str, as_of: str, presume: str = "") -> dict:
    """What `glamwiki rights assess SOURCE --profile P --as-of D [--presume NAME] --output F` does, with the
    reviews each shipped presumption would decide and the flags a curator accepts with the uploads."""
    from collections import Counter

    from glamwiki.intake.registry import load_named_profile
    from glamwiki.rights.files import decisions_from_source, write_csv
    from glamwiki.rights.presumptions import SHIPPED

    chosen = [SHIPPED[presume]] if presume else []
    would: Counter[str] = Counter()
    flags: Counter[str] = Counter()

    def counted(rows):  # type: ignore[no-untyped-def]
        for record, d in rows:
            would.update(d.would_decide)
            if d.decision == "upload":
                flags.update(f[:70] for f in d.flags)
            yield record, d

    rows = decisions_from_source(
        source, load_named_profile(profile), date.fromisoformat(as_of), None, chosen, list(SHIPPED.values())
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "decisions.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            counts = write_csv(counted(rows), fh)
        size = os.path.getsize(path)
    extra = {"as_of": as_of, "presume": presume, **dict(counts), "csv_bytes": size, "would_decide": dict(would),
             "upload_flags": dict(flags)}  # fmt: skip
    return {"items": sum(counts.values()), "extra": extra}


def worked_cases() -> dict:
    """The 36 worked cases of the copyright rules reference (tests/rights/cases.py), evaluated 1 Jan 2026:
    how many the engine decides as the reference does."""
    from tests.rights.cases import AS_OF, CASES

    from glamwiki.rights.engine import assess

    agree = sum(1 for record, facts, want in CASES.values() if assess(record, AS_OF, facts=facts).decision
                == want["decision"])  # fmt: skip
    return {"items": len(CASES), "extra": {"agree": agree, "cases": len(CASES)}}
