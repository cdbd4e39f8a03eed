"""Small catalogue exports written by the tests, with the mapping that reads them."""

from __future__ import annotations

import csv
from pathlib import Path

MAPPING = """
[profile]
name = "museum"
description = "a test museum's export"
institution = "Test Museum"

[[sources]]
kind = "object"
required = ["id", "title"]

[sources.fields]
id = "accession_number"
accession_number = "accession_number"
title = "title"
date = "date"
medium = "medium"
rights_statement = "rights"
image_file = "image"
subjects = { path = "subjects", split = ";" }
identifiers = { wikidata = { path = "qid", transform = "qid" } }

[sources.creators]
split = ";"
name = "creator"
lifespan = "creator_dates"
"""
HEADER = [
    "accession_number",
    "title",
    "date",
    "medium",
    "rights",
    "image",
    "subjects",
    "qid",
    "creator",
    "creator_dates",
]
ROWS = [
    ["M.1", "The Harbour", "c. 1850", "Oil on canvas", "", "", "sea; boats", "Q1", "Mary Smith", "1801–1870"],
    [
        "M.2",
        "Portrait of a Lady",
        "1920s",
        "Gelatin silver print",
        "CC0",
        "",
        "woman",
        "",
        "Attributed to John Doe",
        "born 1890",
    ],
    ["M.3", "Two Hands", "1931", "Bronze", "", "", "", "", "Ann Lee; Bob Lee", "1900–1980; 1902–1990"],
]


def write_mapping(folder: Path) -> Path:
    path = folder / "mapping.toml"
    path.write_text(MAPPING, encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[list[str]] | None = None, header: list[str] | None = None,
              delimiter: str = ",") -> Path:  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header or HEADER)
        writer.writerows(ROWS if rows is None else rows)
    return path
