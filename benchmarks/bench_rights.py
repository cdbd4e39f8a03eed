"""Rights throughput: `glamwiki rights assess` on the whole Tate export (69,202 artworks) vs
reading the same records through read_source without assessing them, in the same run.

Assessed as of 2014-01-01 (the date of Tate's export) and as of today, without presumptions and with
`--presume prints-published-when-made`; the decision counts, the reviews each shipped presumption would
decide and the flags a curator accepts with the uploads are recorded, and the 36 worked cases of the
rules reference are checked. (Tate's image rights lines, which an earlier check compared against, are no
longer in the shared data: they belong to an evaluation kept apart from development.)"""

from __future__ import annotations

from datetime import date

from benchmarks.harness import best_of, report, save, shared_data

SHARED = shared_data()
TASKS = "benchmarks.rights_tasks"
DATES = ("2014-01-01", date.today().isoformat())
PRESUME = ("", "prints-published-when-made")


def run() -> str:
    tate = str(SHARED / "tate")
    base = best_of(1, "read_source --profile tate (no assessment)", f"{TASKS}:read_only", tate, "tate")
    rows = [
        best_of(1, f"rights assess --as-of {d}" + (f" --presume {p}" if p else ""), f"{TASKS}:assess_to_csv", tate,
                "tate", d, p)
        for d in DATES
        for p in PRESUME
    ]  # fmt: skip
    text = report("Tate (69,202 artworks): rights assess vs reading alone", rows, base)
    text += "\n| as of | presume | upload | block | review | records/s | assess vs read (throughput) |\n"
    text += "|---|---|---|---|---|---|---|\n"
    for m in rows:
        e = m.extra
        text += (
            f"| {e['as_of']} | {e['presume'] or '-'} | {e.get('upload', 0):,} | {e.get('block', 0):,} "
            f"| {e.get('review', 0):,} | {m.rate:,.0f} | {m.rate / base.rate:.2f}x |\n"
        )
    text += "\n### Reviews each shipped presumption would decide (not applied)\n\n| as of | presume | "
    text += "presumption | reviews |\n|---|---|---|---|\n"
    for m in rows:
        for name, n in sorted(m.extra["would_decide"].items()):
            text += f"| {m.extra['as_of']} | {m.extra['presume'] or '-'} | {name} | {n:,} |\n"
    text += (
        "\n### Flags a curator accepts with the uploads\n\n| as of | presume | flag | uploads |\n|---|---|---|---|\n"
    )
    for m in rows:
        for flag, n in sorted(m.extra["upload_flags"].items()):
            text += f"| {m.extra['as_of']} | {m.extra['presume'] or '-'} | {flag} | {n:,} |\n"
    cases = best_of(1, "the 36 worked cases", f"{TASKS}:worked_cases")
    text += f"\nWorked cases of the rules reference: {cases.extra['agree']} of {cases.extra['cases']} as expected.\n"
    save("rights", [base, *rows, cases], text)
    return text
