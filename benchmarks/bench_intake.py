"""Intake throughput and peak memory: glamwiki ingest vs a bare parse of the same file.

- Tate (69,202 artworks JSON + 3,532 artists CSV) vs json.loads / csv.DictReader over both files;
- Carnegie (28,258 objects JSON) vs json.loads;
- generated CSVs of 100,000, 1,000,000 and 2,000,000 rows vs csv.DictReader: peak memory must
  level off (it is bounded by fixed-size caches, not by the number of rows).
"""

from __future__ import annotations

from benchmarks.gen_catalogue import generate
from benchmarks.harness import RESULTS, best_of, measure, report, save, shared_data

SHARED = shared_data()
TASKS = "benchmarks.intake_tasks"


def run() -> str:
    text = ""
    tate = str(SHARED / "tate")
    base = best_of(2, "bare parse: Tate JSON + CSV", f"{TASKS}:bare_folder", tate)
    ours = best_of(2, "glamwiki ingest --profile tate", f"{TASKS}:ingest_profile", tate, "tate")
    text += report("Tate (69,202 artworks + 3,532 artists)", [ours], base)
    cmoa = str(SHARED / "cmoa" / "objects.jsonl.gz")
    base_c = best_of(2, "bare parse: CMoA JSON", f"{TASKS}:bare_jsonl", cmoa)
    ours_c = best_of(2, "glamwiki ingest --profile cmoa", f"{TASKS}:ingest_profile", cmoa, "cmoa")
    text += "\n" + report("Carnegie Museum of Art (28,258 objects)", [ours_c], base_c)
    rows = [base, ours, base_c, ours_c]
    for n in (100_000, 1_000_000, 2_000_000):
        path = RESULTS / f"generated_{n}.csv"
        if not path.exists():
            generate(path, n)
        b = measure(f"bare csv.DictReader, {n:,} rows", f"{TASKS}:bare_csv", str(path))
        floor = measure(f"bare parse + JSON rows into SQLite, {n:,} rows", f"{TASKS}:bare_csv_into_sqlite", str(path))
        g = measure(f"glamwiki ingest, {n:,} rows", f"{TASKS}:ingest_generated", str(path))
        text += "\n" + report(f"Generated CSV, {n:,} rows", [floor, g], b)
        rows += [b, floor, g]
    save("intake", rows, text)
    return text
