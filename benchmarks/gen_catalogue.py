"""Generate a realistic catalogue CSV of N rows (for the 1,000,000-row ingest benchmark).

Values vary the way real exports do: several date forms, one to three creators with life
dates, long titles and media, a subject list. Creators come from a pool of N/10 people with
fixed names and life dates, drawn with a long-tailed (Zipf-like) weight, as in real
collections (Tate: 69,202 works by 3,532 artists; MoMA: ~130,000 by ~15,000).
Deterministic for a given N and seed.
"""

from __future__ import annotations

import csv
import random
import sys
from itertools import accumulate
from pathlib import Path

FIRST = ["Mary", "John", "Anna", "Paul", "Grace", "Thomas", "Ada", "Henri", "Frida", "Kwame", "Yoko", "Ivan"]
LAST = ["Smith", "Turner", "Kahlo", "Constable", "Hepworth", "Nakamura", "Okafor", "Dubois", "Riley", "Weiss"]
MEDIA = [
    "Oil paint on canvas",
    "Graphite on paper",
    "Etching on paper",
    "Bronze",
    "Gelatin silver print",
    "Watercolour on paper",
    "Screenprint on paper",
    "Marble",
    "Photograph, colour, on paper",
]
SUBJECTS = ["landscape", "portrait", "river", "woman", "man", "architecture", "sea", "flowers", "war", "city"]
COLUMNS = [
    "accession_number",
    "title",
    "creator",
    "creator_role",
    "creator_dates",
    "date",
    "object_type",
    "medium",
    "dimensions",
    "credit_line",
    "rights",
    "image",
    "subjects",
    "url",
]


def date_text(rng: random.Random) -> str:
    y = rng.randint(1500, 2015)
    return rng.choice(
        [
            str(y),
            f"c.{y}",
            f"{y}–{str(y + rng.randint(1, 9))[-1]}",
            f"{y // 10 * 10}s",
            "date not known",
            f"published {y}",
            f"{y}, printed {y + 20}",
        ]
    )


def creator_pool(size: int, rng: random.Random) -> list[tuple[str, str]]:
    pool = []
    for k in range(size):
        b = rng.randint(1450, 1990)
        life = rng.choice([f"{b}–{b + rng.randint(20, 90)}", f"born {b}", f"active {b}", f"c.{b}–{b + 50}"])
        pool.append((f"{rng.choice(FIRST)} {rng.choice(LAST)} {k}", life))
    return pool


def row(i: int, rng: random.Random, pool: list[tuple[str, str]], weights: list[float]) -> list[str]:
    n = rng.choice([1, 1, 1, 2, 3])
    chosen = rng.choices(pool, cum_weights=weights, k=n)
    names = [name for name, _ in chosen]
    lives = [life for _, life in chosen]
    h, w = rng.randint(50, 3000), rng.randint(50, 3000)
    return [
        f"G{i:08d}",
        f"Study for {rng.choice(SUBJECTS).title()} No. {i % 997}",
        "; ".join(names),
        "; ".join("artist" for _ in names),
        "; ".join(lives),
        date_text(rng),
        rng.choice(["painting", "print", "drawing", "sculpture", "photograph"]),
        rng.choice(MEDIA),
        f"support: {h} x {w} mm",
        f"Presented by a donor {1900 + i % 120}",
        rng.choice(["", "http://rightsstatements.org/vocab/InC/1.0/", "CC0"]),
        f"https://example.org/images/G{i:08d}.jpg",
        "; ".join(rng.sample(SUBJECTS, 3)),
        f"https://example.org/collection/G{i:08d}",
    ]


def generate(path: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    pool = creator_pool(max(n // 10, 10), rng)
    weights = list(accumulate(1 / (k + 1) for k in range(len(pool))))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for i in range(n):
            writer.writerow(row(i, rng, pool, weights))
    return path


MAPPING = """
[profile]
name = "generated"
description = "mapping for benchmarks/gen_catalogue.py output"
[[sources]]
kind = "object"
format = "csv"
[sources.fields]
id = "accession_number"
accession_number = "accession_number"
title = "title"
date = "date"
object_type = "object_type"
medium = "medium"
dimensions = "dimensions"
credit_line = "credit_line"
rights_statement = "rights"
image = "image"
subjects = { path = "subjects", split = ";" }
url = "url"
[sources.creators]
split = ";"
name = "creator"
role = "creator_role"
lifespan = "creator_dates"
"""

if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
