"""Rights throughput: `glamwiki rights assess` on the whole Tate export (69,202 artworks) vs
reading the same records through read_source without assessing them, in the same run.

Assessed twice, as of 2014-01-01 (the date of Tate's export) and as of 2026-11-29; the decision
counts of each are recorded in the results, and the UK side as of 2014 is checked against the
copyright lines Tate itself gave its images."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.harness import best_of, report, save

SHARED = Path(os.environ.get("GLAMWIKI_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "data"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/data")
TASKS = "benchmarks.rights_tasks"
DATES = ("2014-01-01", "2026-11-29")


def run() -> str:
    tate = str(SHARED / "tate")
    base = best_of(1, "read_source --profile tate (no assessment)", f"{TASKS}:read_only", tate, "tate")
    rows = [best_of(1, f"rights assess --as-of {d}", f"{TASKS}:assess_to_csv", tate, "tate", d) for d in DATES]
    text = report("Tate (69,202 artworks): rights assess vs reading alone", rows, base)
    text += (
        "\n| as of | upload | block | review | records/s | assess vs read (throughput) |\n|---|---|---|---|---|---|\n"
    )
    for m in rows:
        e = m.extra
        text += (
            f"| {e['as_of']} | {e.get('upload', 0):,} | {e.get('block', 0):,} | {e.get('review', 0):,} "
            f"| {m.rate:,.0f} | {m.rate / base.rate:.2f}x |\n"
        )
    check = best_of(1, "UK status vs Tate's own © lines", f"{TASKS}:tate_check", tate, DATES[0])
    text += f"\n### Check against Tate (as of {DATES[0]}; {check.items:,} records with image rights lines)\n\n"
    text += "| engine UK status / Tate | records |\n|---|---|\n"
    text += "".join(f"| {k} | {v:,} |\n" for k, v in sorted(check.extra.items()))
    save("rights", [base, *rows, check], text)
    return text
