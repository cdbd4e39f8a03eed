"""Share of women among Tate's artists and works, with and without the Turner Bequest, checked
against a count made straight from Tate's own files (not through glamwiki's model)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from glamwiki.demo import sample_folder
from glamwiki.gaps.summary import gap_report
from glamwiki.intake.ingest import ingest
from glamwiki.intake.registry import load_named_profile
from glamwiki.report.gaps_section import gaps_section
from glamwiki.store import Store

# The same count over the whole Tate data (69,202 works) runs in benchmarks/bench_linking.py.


def direct_count(folder: Path) -> dict[str, tuple[int, int]]:
    """{label: (works with gender known, of which by a woman)} straight from the raw files."""
    with open(folder / "artist_data.csv", encoding="utf-8-sig") as f:
        gender = {r["id"]: r["gender"] for r in csv.DictReader(f)}
    out = {"all": [0, 0], "rest": [0, 0]}
    with gzip.open(folder / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w = json.loads(line)
            gs = [gender.get(str(c.get("id"))) or c.get("gender") for c in w.get("contributors", [])]
            gs = [g for g in gs if g]
            if not gs:
                continue
            keys = ["all"] + ([] if "Turner Bequest" in (w.get("creditLine") or "") else ["rest"])
            for k in keys:
                out[k][0] += 1
                out[k][1] += "Female" in gs
    return {k: (v[0], v[1]) for k, v in out.items()}


@pytest.mark.parametrize("which", ["sample"])
def test_demo_sample_shares(store: Store, which: str) -> None:
    folder = sample_folder()
    ingest(store, str(folder), dataset="tate", profile=load_named_profile("tate"))
    everything, rest = gap_report(store).shares
    expected = direct_count(folder)
    assert (everything.works, everything.works_by_women) == expected["all"]
    assert (rest.works, rest.works_by_women) == expected["rest"]
    assert rest.share_works > everything.share_works  # the Bequest is one man's work
    section = gaps_section(store)
    assert section is not None and "Turner Bequest" in section.html and "<svg" in section.html
