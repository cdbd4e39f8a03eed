"""XML intake (LIDO): glamwiki ingest vs a bare ElementTree.iterparse of the same file, at two
sizes, so the peak memory shows whether reading streams (it must not grow with the file)."""

from __future__ import annotations

from benchmarks.bench_intake import SHARED
from benchmarks.harness import RESULTS, measure, report, save
from benchmarks.xml_tasks import generate_lido

TASKS = "benchmarks.xml_tasks"


def run() -> str:
    text, rows = "", []
    for n in (10_000, 50_000):
        path = RESULTS / f"generated_lido_{n}.xml"
        if not path.exists():
            RESULTS.mkdir(parents=True, exist_ok=True)
            generate_lido(SHARED / "lido" / "kenom_oai_chunk20.xml", path, n)
        base = measure(f"bare iterparse, {n:,} LIDO records", f"{TASKS}:bare_iterparse", str(path))
        ours = measure(f"glamwiki ingest --profile lido, {n:,} records", f"{TASKS}:ingest_reader", str(path), "lido")
        text += report(f"LIDO, {n:,} records (real KENOM records repeated)", [ours], base) + "\n"
        rows += [base, ours]
    save("xml", rows, text)
    return text
