"""Functions the intake benchmark runs in fresh processes (see bench_intake.py)."""

from __future__ import annotations

import csv
import gzip
import json
import tempfile
from pathlib import Path

from benchmarks.gen_catalogue import MAPPING


def bare_csv(path: str) -> int:
    """The baseline: a bare csv.DictReader pass over the file."""
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def bare_jsonl(path: str) -> int:
    """The baseline for JSON Lines exports: decompress and json.loads every line."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return sum(1 for line in f if json.loads(line))


def bare_folder(folder: str) -> int:
    n = 0
    for p in sorted(Path(folder).iterdir()):
        n += bare_jsonl(str(p)) if p.name.endswith(".jsonl.gz") else bare_csv(str(p)) if p.suffix == ".csv" else 0
    return n


def ingest_with(source: str, profile: str | None = None, mapping_text: str | None = None) -> dict:
    from glamwiki.intake.ingest import ingest
    from glamwiki.intake.registry import load_named_profile, profile_from_text
    from glamwiki.store import open_store

    chosen = load_named_profile(profile) if profile else profile_from_text(mapping_text or MAPPING, "bench")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db", migrate=True)
        summary = ingest(store, source, dataset="bench", profile=chosen)
        store.close()
    return {"items": summary.objects + summary.people, "extra": {"errors": summary.errors}}


def ingest_generated(path: str) -> dict:
    return ingest_with(path)


def ingest_profile(path: str, profile: str) -> dict:
    return ingest_with(path, profile=profile)


def bare_csv_into_sqlite(path: str) -> int:
    """The floor for any tool that keeps records in a database: DictReader, json.dumps each row,
    one INSERT per row into an indexed SQLite table, in transactions of 2,000."""
    import sqlite3

    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(Path(tmp) / "floor.db", isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, key TEXT UNIQUE, data BLOB)")
        n, batch = 0, []
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                batch.append((row["accession_number"], json.dumps(row).encode()))
                if len(batch) == 2000:
                    db.execute("BEGIN")
                    db.executemany("INSERT INTO r(key, data) VALUES (?, ?)", batch)
                    db.execute("COMMIT")
                    n, batch = n + len(batch), []
        db.executemany("INSERT INTO r(key, data) VALUES (?, ?)", batch)
        db.close()
    return n + len(batch)
