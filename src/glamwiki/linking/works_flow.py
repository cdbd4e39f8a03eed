"""Which works get a new Wikidata item: every work of the collection with none, searched first.

An item that already carries the work's inventory number in the collection
(`haswbstatement:P217=… haswbstatement:P195=…`) is the work's item: it is linked, never created
again. An item of the same collection found by the title is held for a person to check, unless it
carries another inventory number (another work with the same title, e.g. "[title not known]").
Only a work Wikidata has nothing for is prepared, and journaled first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from glamwiki.linking.new_items import Refusal
from glamwiki.linking.wikidata.search_first import Searcher
from glamwiki.linking.wikidata.settings import WikidataSettings, dataset_settings
from glamwiki.linking.wikidata.statements import as_json, quickstatements
from glamwiki.linking.work_items import object_id_query, work_item
from glamwiki.model.records import ObjectRecord
from glamwiki.store import Store
from glamwiki.store import linking as db
from glamwiki.store.records import iter_records
from glamwiki.store.rights import get_decision
from glamwiki.wikimedia.ids import COLLECTION, DIGITAL_REPRESENTATION_OF


@dataclass
class WorkProposal:
    added: int = 0
    linked: int = 0
    held: list[dict[str, Any]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    waiting: int = 0


def prepare_work_items(
    store: Store, searcher: Searcher, dataset: str | None = None, limit: int | None = None,
    images: dict[tuple[str, str], str] | None = None,
) -> WorkProposal:  # fmt: skip
    result = WorkProposal()
    journaled = {(r["dataset"], r["record_id"]) for r in db.work_items(store)}
    people = db.links(store)
    settings: dict[str, WikidataSettings] = {}
    done = 0
    for ds, record in iter_records(store, kind="object", dataset=dataset):
        if not isinstance(record, ObjectRecord) or (ds, record.id) in journaled:
            continue
        if limit is not None and done >= limit:
            break
        if ds not in settings:
            settings[ds] = dataset_settings(store, ds)
        qids = {pid: q for (d, pid), q in people.items() if d == ds}
        item = work_item(ds, record, settings[ds], qids, get_decision(store, record.id, ds),
                         (images or {}).get((ds, record.id)))  # fmt: skip
        if isinstance(item, Refusal):
            result.refused.append(item)
            continue
        done += 1
        collection = (COLLECTION, settings[ds].collection) if settings[ds].collection else None
        searched = searcher.work(object_id_query(record, settings[ds]), record.title, collection)
        searcher.rule_out_works(searched, record.accession_number or "")
        status, qid = "prepared", ""
        if searched.by_id:
            status, qid = "linked", searched.by_id[0]
            result.linked += 1
        elif searched.by_name:
            status = "held"
            result.held.append({"dataset": ds, "record_id": record.id, "label": item.label,
                                "found": searched.by_name, "by_id": False,
                                "why": "an item of the collection has this title"})  # fmt: skip
        row = {"dataset": ds, "record_id": record.id, "label": item.label, "entity": as_json(item),
               "quickstatements": quickstatements(item), "search": searched.as_json(),
               "problems": json.dumps(item.problems), "status": status, "qid": qid}  # fmt: skip
        with store.transaction():
            added = db.journal_work_item(store, row)
        result.added += added and status == "prepared"
    result.waiting = len(db.work_items(store, "prepared"))
    return result


def published_files(store: Store) -> dict[tuple[str, str], tuple[str, int | None]]:
    """(dataset, record id) -> (title, page id) of the first file this project put on Wikimedia Commons."""
    from glamwiki.publishing.connect import COMMONS_API
    from glamwiki.store.publishing import results

    out: dict[tuple[str, str], tuple[str, int | None]] = {}
    for row in results(store, COMMONS_API):
        if row["state"] in ("uploaded", "done") and row["title"]:
            title = str(row["title"]).removeprefix("File:")
            out.setdefault((row["dataset"], row["record_id"]), (title, row["page_id"]))
    return out


def published_images(store: Store) -> dict[tuple[str, str], str]:
    """(dataset, record id) -> the file's title on Commons, for P18 image."""
    return {key: title for key, (title, _) in published_files(store).items()}


def commons_backlinks(store: Store) -> list[str]:
    """QuickStatements for Commons: each published file's P6243 "digital representation of" the work's item
    (a MediaInfo entity is M + the file's page id; https://www.wikidata.org/wiki/Help:QuickStatements)."""
    files = published_files(store)
    lines = []
    for row in db.work_items(store):
        page = files.get((row["dataset"], row["record_id"]), ("", None))[1]
        if row["qid"] and row["status"] in ("created", "linked") and page:
            lines.append(f"M{page}\t{DIGITAL_REPRESENTATION_OF}\t{row['qid']}\n")
    return lines
