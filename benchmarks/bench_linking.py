"""Linking and gaps: `link match` MoMA -> NGA (7,436 people against 27,438) against the naive
matcher (exact name + birth year) measured in the same run, each in a fresh process, with the
precision and recall each reaches (truth: both institutions' own Wikidata links); and the Tate
gap figures over the whole Tate data (ingest + audit), against a bare count from the raw files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.harness import Measurement, best_of, report, save, shared_data

SHARED = shared_data()
HERE = "benchmarks.bench_linking"


def _sides(data: str):  # type: ignore[no-untyped-def]
    from glamwiki.linking.entity import from_person
    from glamwiki.linking.people import read_people

    moma = [from_person(p) for p in read_people(str(Path(data) / "moma" / "Artists-dev.csv"), "moma")]
    nga = [from_person(p) for p in read_people(str(Path(data) / "nga"), "nga")]
    return moma, nga


def naive_task(data: str) -> dict[str, object]:
    from glamwiki.linking.evaluation import naive_match, score_pairs

    moma, nga = _sides(data)
    scores = score_pairs(moma, nga, naive_match(moma, nga))
    return {"items": len(moma), "extra": scores.as_dict()}


def match_task(data: str, identifiers: bool) -> dict[str, object]:
    from glamwiki.linking.evaluation import calibration, score_results
    from glamwiki.linking.matcher import link

    moma, nga = _sides(data)
    run = link(moma, nga, use_identifiers=identifiers)
    scores = score_results(run.results, nga).as_dict()
    bins = calibration(run.results)
    judged = sum(n for _, _, n in bins) or 1
    scores["calibration_error"] = round(sum(abs(p - ok) * n for p, ok, n in bins) / judged, 4)
    scores["pairs_compared"] = run.pairs
    return {"items": len(moma), "extra": scores}


def tate_bare_task(data: str) -> dict[str, object]:
    """Works with a recorded gender, and by a woman, straight from Tate's two files."""
    import csv
    import gzip
    import json

    folder = Path(data) / "tate"
    with open(folder / "artist_data.csv", encoding="utf-8-sig") as f:
        gender = {r["id"]: r["gender"] for r in csv.DictReader(f)}
    counts = {"all": [0, 0], "rest": [0, 0]}
    with gzip.open(folder / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w = json.loads(line)
            gs = [g for g in (gender.get(str(c.get("id"))) or c.get("gender") for c in w.get("contributors", [])) if g]
            if gs:
                for k in ["all"] + ([] if "Turner Bequest" in (w.get("creditLine") or "") else ["rest"]):
                    counts[k][0] += 1
                    counts[k][1] += "Female" in gs
    return {"items": counts["all"][0], "extra": {k: list(v) for k, v in counts.items()}}


def tate_gaps_task(data: str) -> dict[str, object]:
    from glamwiki.gaps.summary import gap_report
    from glamwiki.intake.ingest import ingest
    from glamwiki.intake.registry import load_named_profile
    from glamwiki.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "b.db", migrate=True)
        ingest(store, str(Path(data) / "tate"), dataset="tate", profile=load_named_profile("tate"))
        shares = gap_report(store).shares
        store.close()
    extra = {g.label: {"artists": g.artists, "women_artists": round(g.share_artists or 0, 4), "works": g.works,
                       "works_by_women": round(g.share_works or 0, 4)} for g in shares}  # fmt: skip
    return {"items": shares[0].works, "extra": extra}


def _quality(m: Measurement) -> str:
    e = m.extra
    cal = f", calibration error {e['calibration_error']}" if "calibration_error" in e else ""
    return f"- {m.name}: precision {e['precision']}, recall {e['recall']} ({e['true_positives']} of {e['truth']}){cal}"


def run() -> str:
    data = str(SHARED)
    base = best_of(2, "naive: exact name + birth year", f"{HERE}:naive_task", data)
    plain = best_of(2, "glamwiki link match --ignore-identifiers", f"{HERE}:match_task", data, False)
    ids = best_of(2, "glamwiki link match (identifiers first)", f"{HERE}:match_task", data, True)
    text = report("MoMA -> NGA people (7,436 against 27,438, reading both included)", [plain, ids], base)
    text += "\nTruth: shared Wikidata QIDs.\n\n" + "\n".join(_quality(m) for m in (base, plain, ids)) + "\n"
    bare = best_of(1, "bare count from Tate's raw files", f"{HERE}:tate_bare_task", data)
    gaps = best_of(1, "glamwiki ingest + gender shares", f"{HERE}:tate_gaps_task", data)
    text += "\n" + report("Tate gap figures (69,202 works)", [gaps], bare)
    for label, g in gaps.extra.items():
        text += (f"- {label}: women are {g['women_artists']:.1%} of {g['artists']:,} artists and "
                 f"{g['works_by_women']:.1%} of {g['works']:,} works\n")  # fmt: skip
    save("linking", [base, plain, ids, bare, gaps], text)
    return text
