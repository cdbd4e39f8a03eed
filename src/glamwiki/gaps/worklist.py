"""Edit-a-thon worklists: e.g. the collection's women with a Wikidata item but no article in a
language, ranked by what the collection can contribute (works held, works cleared for upload)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from glamwiki.gaps.funnel import key_properties, missing_properties
from glamwiki.gaps.people import Creator

NO_ARTICLE, NO_ITEM = "no-article", "no-item"


@dataclass
class Entry:
    creator: Creator
    missing: str  # what the worklist is about: "no en article", "no Wikidata item"
    missing_properties: list[str]


def worklist(
    creators: list[Creator], kind: str = NO_ARTICLE, language: str = "en", women_only: bool = True
) -> list[Entry]:
    pool = [c for c in creators if c.kind == "person" and (c.is_woman or not women_only)]
    fetched = [c for c in creators if c.wd is not None]
    keys = key_properties(fetched)
    if kind == NO_ITEM:
        chosen = [Entry(c, "no Wikidata item", []) for c in pool if not c.qid]
    else:
        site = f"{language}wiki"
        chosen = [Entry(c, f"no {language} Wikipedia article", missing_properties(c, keys))
                  for c in pool if c.wd is not None and site not in c.wd.get("sitelinks", [])]  # fmt: skip
    chosen.sort(key=lambda e: (-e.creator.works_cleared, -e.creator.works, e.creator.name))
    return chosen


COLUMNS = ("rank", "name", "qid", "gender", "birth_year", "works", "works_cleared", "missing", "missing_properties",
           "dataset", "person_id")  # fmt: skip


def rows(entries: list[Entry]) -> list[dict[str, str]]:
    return [
        {
            "rank": str(i),
            "name": e.creator.name,
            "qid": e.creator.qid,
            "gender": e.creator.gender,
            "birth_year": str(e.creator.birth_year or ""),
            "works": str(e.creator.works),
            "works_cleared": str(e.creator.works_cleared),
            "missing": e.missing,
            "missing_properties": " ".join(e.missing_properties),
            "dataset": e.creator.dataset,
            "person_id": e.creator.id,
        }
        for i, e in enumerate(entries, 1)
    ]


def write_csv(entries: list[Entry], path: str | Path) -> int:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows(entries))
    return len(entries)


def wikitext(entries: list[Entry], title: str) -> str:
    """A sortable wikitable for a project page: item links as {{Q|...}}, red links for articles."""
    lines = [f"== {title} ==", '{| class="wikitable sortable"', "! # !! Name !! Wikidata !! Born !! Works held !!"
             " Works cleared for upload !! Missing properties"]  # fmt: skip
    for i, e in enumerate(entries, 1):
        c = e.creator
        item = f"{{{{Q|{c.qid}}}}}" if c.qid else "—"
        props = ", ".join(f"{{{{P|{p}}}}}" for p in e.missing_properties)
        name = _escape(c.name)
        lines += [
            "|-",
            f"| {i} || [[{name}]] || {item} || {c.birth_year or ''} || {c.works} || {c.works_cleared} || {props}",
        ]
    lines.append("|}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "{{!}}").replace("[", "(").replace("]", ")")
