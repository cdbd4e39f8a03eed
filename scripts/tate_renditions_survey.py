"""What Tate's 2014 export documents about larger renditions of its images (issue 9).

Usage: python scripts/tate_renditions_survey.py ../shared/data/tate

Counts, on the whole export: records with a ``thumbnailUrl``; ``additionalImages`` entries whose
``filenameBase`` is the thumbnail's own base (the main image) and which rendition sizes they list;
entries of other bases (other views) listing a ``_10`` rendition; and whether each entry's files lie
in the thumbnail's own folder (an address the export documents) or elsewhere.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from glamwiki.intake.renditions import base_of


def survey(tate: Path) -> Counter[str]:
    n: Counter[str] = Counter()
    with gzip.open(tate / "artworks.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            work = json.loads(line)
            n["records"] += 1
            thumb = work.get("thumbnailUrl")
            n["records with a thumbnailUrl"] += bool(thumb)
            entries = work.get("additionalImages") or []
            n["records with additionalImages"] += bool(entries)
            if not thumb:
                continue
            views = 0
            for entry in entries:
                files = [s["file"] for s in entry.get("sizes", [])]
                own = entry.get("filenameBase") == base_of(thumb)
                kind = "main image" if own else "other view"
                n[f"{kind} entries"] += 1
                n[f"{kind} entries listing a _10"] += any(f.endswith("_10.jpg") for f in files)
                n[f"{kind} entries listing a _9"] += any(f.endswith("_9.jpg") for f in files)
                n[f"{kind} entries only under enhanced_images/"] += all(f.startswith("enhanced_images/") for f in files)
                views += not own and any(f.endswith("_10.jpg") for f in files)
            n["records with another view at _10"] += bool(views)
    return n


def main() -> None:
    for key, value in sorted(survey(Path(sys.argv[1])).items()):
        print(f"{key:45} {value:>8,}")


if __name__ == "__main__":
    main()
