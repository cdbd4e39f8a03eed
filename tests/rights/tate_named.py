"""The Tate records issue 16 names, read from the shared Tate export (CC0, Tate 2014) through the Tate
profile: their artwork lines and their artists' rows are copied into a small folder of the same format."""

from __future__ import annotations

import csv
import gzip
import json
from functools import cache
from pathlib import Path

from glamwiki.intake.base import Read
from glamwiki.intake.registry import load_named_profile
from glamwiki.intake.stream import read_source
from glamwiki.model.records import ObjectRecord, Person

NAMED = ("A00051", "T11014", "P13075", "P13095", "N05702", "P03011", "T04873", "A00001", "D00896", "T10672",
         "A01146", "D36666")  # fmt: skip


@cache
def tate_named(data: Path, folder: Path) -> tuple[dict[str, ObjectRecord], dict[str, Person]]:
    """(objects by acno, persons by id) for the named records, via read_source on a copy of their rows."""
    lines, people = [], set()
    with gzip.open(data / "tate" / "artworks.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if any(acno in line[:24] for acno in NAMED):
                lines.append(line)
                people |= {str(c["id"]) for c in json.loads(line)["contributors"]}
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / "artworks.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(lines)
    with (data / "tate" / "artist_data.csv").open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [r for r in reader if r["id"] in people]
        fields = reader.fieldnames or []
    with (folder / "artist_data.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    objects: dict[str, ObjectRecord] = {}
    persons: dict[str, Person] = {}
    for item in read_source(str(folder), profile=load_named_profile("tate")):
        if isinstance(item, Read) and isinstance(item.record, ObjectRecord):
            objects[item.record.id] = item.record
        elif isinstance(item, Read) and isinstance(item.record, Person):
            persons[item.record.id] = item.record
    return objects, persons
