"""The whole pipeline on PostgreSQL vs SQLite, in one run (issue 13: PostgreSQL within 1.5x).

Tate (69,202 artworks + 3,532 artists) through `glamwiki ingest --profile tate`, `rights`, `link run`
against NGA's constituents (the NGA-sized authority in the shared data), `gaps`, `publish plan` and
`report`, in a fresh project on each backend (a fresh schema on PostgreSQL), each in its own process.
PostgreSQL at GLAMWIKI_BENCH_PG_URL (else GLAMWIKI_TEST_PG_URL, else postgresql:///glamwiki_test);
without it the benchmark says so and measures SQLite alone.
"""

from __future__ import annotations

from benchmarks.harness import measure, save, shared_data
from benchmarks.pipeline_tasks import PG_URL, pg_available

SHARED = shared_data()
TASKS = "benchmarks.pipeline_tasks"
STAGES = ("ingest", "rights", "link", "gaps", "plan", "report")


def run() -> str:
    rows = [measure("pipeline on SQLite", f"{TASKS}:pipeline", "sqlite", str(SHARED))]
    why_not = pg_available()
    if why_not:
        text = f"PostgreSQL not measured ({PG_URL}): {why_not}\n\n"
    else:
        rows.append(measure("pipeline on PostgreSQL", f"{TASKS}:pipeline", "postgresql", str(SHARED)))
        text = ""
    text += "## Tate pipeline per backend (seconds per stage)\n\n| stage | " + " | ".join(m.name for m in rows)
    text += " | PostgreSQL / SQLite |\n|---|" + "---|" * (len(rows) + 1) + "\n"
    for stage in (*STAGES, "total"):
        cells = [float(m.extra[stage]) if stage != "total" else m.seconds for m in rows]  # type: ignore[arg-type]
        ratio = f"{cells[1] / cells[0]:.2f}x" if len(cells) == 2 and cells[0] else "-"
        text += f"| {stage} | " + " | ".join(f"{c:.1f}" for c in cells) + f" | {ratio} |\n"
    text += f"\nrecords: {rows[0].items:,}; peak MB: " + ", ".join(f"{m.peak_mb:.0f}" for m in rows) + "\n"
    save("pipeline", rows, text)
    return text
