"""link new-items and link work-items: Wikidata items, searched first, journaled, written as
QuickStatements v1 and wbeditentity JSON."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from glamwiki.cells import neutralise
from glamwiki.cli import network
from glamwiki.cli.context import out
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.recorded import RecordedAnswers
from glamwiki.linking.wikidata.search_first import Searcher
from glamwiki.project import Project

SEARCHES_HELP = ("Recorded Wikidata answers (JSON Lines: request and answer a line) to search with instead of "
                 "the live API; a request not in the file counts as a failed search.")  # fmt: skip
OFFLINE_HELP = "Do not reach Wikidata (nothing is proposed then: every item must be searched first)."


def searcher(searches: str | None, offline: bool) -> Searcher:
    if searches:
        cache = tempfile.mkdtemp(prefix="glamwiki-recorded-")
        return Searcher(WikidataClient(cache, transport=RecordedAnswers(searches), min_interval=0.0))
    return Searcher(None if offline else network.wikidata_client())


def write_outputs(rows: list[dict[str, Any]], qs_path: str | None, json_path: str | None) -> None:
    if qs_path:
        Path(qs_path).write_text("".join(r["quickstatements"] for r in rows), encoding="utf-8")
    if json_path:
        Path(json_path).write_text("".join(r["entity"] + "\n" for r in rows), encoding="utf-8")


def write_held(path: str, held: list[dict[str, Any]], key: str) -> None:
    """Held back because Wikidata already has something: one row each, the items found to check."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dataset", key, "label", "found", "by_identifier", "why"])
        for h in held:
            w.writerow([neutralise(h["dataset"]), neutralise(h[key]), neutralise(h["label"]), " ".join(h["found"]),
                        "yes" if h["by_id"] else "", h.get("why", "")])  # fmt: skip


def summary(kind: str, added: int, waiting: int, held: int, refused: int = 0, problems: int = 0) -> None:
    out.print(f"{added:,} new {kind} items prepared ({waiting:,} waiting to be created); "
              f"{held:,} held back: Wikidata already has a likely item (see --held)")  # fmt: skip
    if refused:
        out.print(f"{refused:,} not proposed: not humans (schools, groups, organisations, doubtful attributions)")
    if problems:
        out.print(f"{problems:,} values left out: they break their property's format (see --problems)")


WIKIDATA_API = "https://www.wikidata.org/w/api.php"


def create_items(
    project: Project, api_url: str, kind: str, limit: int | None, edits_per_minute: float, approved_only: bool = False
) -> dict[str, Any]:
    """Create the prepared items through the API (journaled first; a killed run never creates twice);
    ``approved_only``: only the people's items approved on the web workspace's Wikidata writes page."""
    from datetime import UTC, datetime

    from glamwiki.linking.wikidata.create import ItemCreator, people_journal, works_journal
    from glamwiki.publishing.connect import Target, connect

    contact = network.contact(project.config)
    api = connect(Target(api_url, contact, edits_per_minute), env=os.environ)
    cache = network.cache_root() / "wikidata"
    searcher = Searcher(WikidataClient(cache, contact=contact, api_url=api_url))
    batch = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    journal = people_journal() if kind == "people" else works_journal()
    if approved_only:
        from glamwiki.linking.item_review import approved_only as approved

        journal = approved(journal)
    with project.open_store() as store:
        return dict(ItemCreator(api, store, searcher, batch).run(journal, limit))
