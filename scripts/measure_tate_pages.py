"""Figures for issue 9: what a Commons volunteer would have to fix on a planned Tate batch.

Usage: python scripts/measure_tate_pages.py PROJECT_DIR ../shared/data/tate [--json]

Reads the project's plan (after `glamwiki ingest ../shared/data/tate --profile tate`,
`glamwiki rights`, `glamwiki publish plan`) and checks every planned or held page against Tate's
own export as the ground truth:
- transposed sizes: a {{Size}} whose height/width are the dimensions text's width/height;
- role-less attributions: a contributor credited with an attribution role ("after",
  "formerly attributed to"...) whose name is on the page's |artist= without that role;
- floruit death years: a licence tag deathyear that is an "active ..." artist's last year of activity;
- pages without P195 (collection) / without P1001 (jurisdiction on P6216);
- pages with fewer than two categories;
- thumbnails held: pages whose source is Tate's "_8.jpg" thumbnail, and how many were held;
- documented "_10" renditions (other views at 1536 px) and how many are planned (not held);
- pages held for rights to review (public domain without a determination method).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from glamwiki.intake.dimensions import from_text
from glamwiki.intake.names import ATTRIBUTION_ROLES, JOINT_ROLES
from glamwiki.project import Project, find_project
from glamwiki.store import publishing as db

_SIZE = re.compile(r"\{\{Size\|unit=\w+\|height=([\d.]+)\|width=([\d.]+)")
_ARTIST = re.compile(r"^ \|artist\s*=(.*)$", re.M)
_DEATHYEAR = re.compile(r"deathyear=(\d+)")


KEYS = ("pages", "transposed sizes", "role-less attributions", "floruit death years", "without P195",
        "without P1001", "fewer than two categories", "thumbnail sources", "thumbnails held",
        "exhibited/published as P571", "held for a date to review")  # fmt: skip


def tate_truth(tate: Path) -> tuple[dict[str, dict], dict[str, int]]:
    works = {}
    with gzip.open(tate / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            w = json.loads(line)
            works[w["acno"]] = w
    floruit = {}
    with open(tate / "artist_data.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            # "active c.1645–died 1679" has a real death year; "active 1531–1570" has none
            if row["dates"].startswith("active") and "died" not in row["dates"] and row["yearOfDeath"]:
                floruit[row["id"]] = int(row["yearOfDeath"])
    return works, floruit


def measure(project: Project, tate: Path) -> dict[str, int]:
    works, floruit = tate_truth(tate)
    n: Counter = Counter({k: 0 for k in KEYS})
    with project.open_store() as store:
        for item in db.iter_plan(store):
            if item.status not in (db.PLANNED, db.HELD):
                continue
            n["pages"] += 1
            n["held"] += item.status == db.HELD
            work = works.get(item.record_id, {})
            _sizes(item.wikitext, work, n)
            _roles(item.wikitext, work, n)
            _floruit(item.wikitext, work, floruit, n)
            claims = {c["mainsnak"]["property"] for c in item.sdc_data.get("claims", [])}
            n["without P195"] += "P195" not in claims
            p6216 = [c for c in item.sdc_data.get("claims", []) if c["mainsnak"]["property"] == "P6216"]
            n["without P1001"] += not any("P1001" in c.get("qualifiers", {}) for c in p6216)
            n["fewer than two categories"] += item.wikitext.count("[[Category:") < 2
            if item.source.endswith("_8.jpg"):
                n["thumbnail sources"] += 1
                n["thumbnails held"] += item.status == db.HELD
            n["'[title not known]' in page"] += "title not known" in item.wikitext
            date_text = (work.get("dateText") or "").lower()
            if date_text.startswith(("exhibited", "published")):
                n["exhibited/published dates"] += 1
                n["exhibited/published as P571"] += "P571" in claims
            n["held for a date to review"] += any("date to review" in note for note in item.note_list)
            n["held for rights to review"] += any("rights to review" in note for note in item.note_list)
            if item.source.endswith("_10.jpg"):  # another view Tate documents at 1536 px (additionalImages)
                n["documented _10 renditions"] += 1
                n["documented _10 renditions planned"] += item.status == db.PLANNED
    return dict(n)


def _sizes(wikitext: str, work: dict, n: Counter) -> None:
    m = _SIZE.search(wikitext)
    truth = from_text(work.get("dimensions") or "")
    if not m or truth is None or truth.height == truth.width:
        return
    n["sizes checked"] += 1
    h, w = float(m[1]), float(m[2])
    n["transposed sizes"] += (h, w) == (truth.width, truth.height)


def _roles(wikitext: str, work: dict, n: Counter) -> None:
    m = _ARTIST.search(wikitext)
    artist = m[1] if m else ""
    for c in work.get("contributors", []):
        role = (c.get("role") or "").lower()
        if role in ATTRIBUTION_ROLES and role not in JOINT_ROLES:
            n["attributed contributors"] += 1
            if c["fc"] in artist and role not in artist.lower():
                n["role-less attributions"] += 1


def _floruit(wikitext: str, work: dict, floruit: dict[str, int], n: Counter) -> None:
    years = {int(y) for y in _DEATHYEAR.findall(wikitext)}
    if any(floruit.get(str(c.get("id"))) in years for c in work.get("contributors", [])):
        n["floruit death years"] += 1


def main() -> None:
    project = find_project(Path(sys.argv[1]))
    figures = measure(project, Path(sys.argv[2]))
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in sorted(figures.items()):
            print(f"{key:32} {value:>8,}")


if __name__ == "__main__":
    main()
