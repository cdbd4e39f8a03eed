"""Build the demo sample shipped in src/glamwiki/demo/data from Tate's CC0 export.

Usage: python scripts/make_demo_sample.py ../shared/data/tate

A deterministic pick of 300 artworks: 200 drawn uniformly (so shares such as women among
artists, or the weight of the Turner Bequest, look like the whole collection's), then 100
spread over strata of gender, century and kind of work so that every form of object and the
odd date forms the parser must survive are there too; plus the artist rows those works name.
Tate published the data under CC0 (2014).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
from pathlib import Path

TARGET = 300
UNIFORM = 200
OUT = Path(__file__).resolve().parents[1] / "src" / "glamwiki" / "demo" / "data"


def main(tate: Path) -> None:
    with open(tate / "artist_data.csv", encoding="utf-8-sig") as f:
        artists = {row["id"]: row for row in csv.DictReader(f)}
    with gzip.open(tate / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        works = [json.loads(line) for line in f]
    rng = random.Random(2014)
    rng.shuffle(works)
    strata: dict[tuple[str, str, str], list[dict]] = {}
    for w in works:
        first = (w.get("contributors") or [{}])[0]
        gender = artists.get(str(first.get("id")), {}).get("gender") or "unknown"
        century = str(w.get("dateText") or "")[:2] if str(w.get("dateText") or "")[:2].isdigit() else "??"
        turner = "turner" if "Turner Bequest" in (w.get("creditLine") or "") else "other"
        strata.setdefault((gender, century, turner if gender == "Male" else w.get("classification") or ""), []).append(
            w
        )
    picked: list[dict] = works[:UNIFORM]
    chosen = {w["acno"] for w in picked}
    strata = {k: [w for w in v if w["acno"] not in chosen] for k, v in strata.items()}
    keys = sorted(strata)
    while len(picked) < TARGET:
        for key in keys:
            if strata[key] and len(picked) < TARGET:
                picked.append(strata[key].pop())
    picked.sort(key=lambda w: w["acno"])
    OUT.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(w, ensure_ascii=False) + "\n" for w in picked)
    with open(OUT / "artworks.jsonl.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    ids = {str(c.get("id")) for w in picked for c in w.get("contributors") or []}
    fields = list(next(iter(artists.values())).keys())
    with open(OUT / "artist_data.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        for aid in sorted(ids, key=int):
            if aid in artists:
                writer.writerow(artists[aid])
    print(f"{len(picked)} artworks, {len(ids)} artists written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
