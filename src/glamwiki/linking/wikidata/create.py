"""Creating the prepared items through the API (`wbeditentity` with `new=item`,
https://www.wikidata.org/w/api.php?action=help&modules=wbeditentity), with the Commons uploader's
etiquette (the publishing ApiClient: one request at a time, maxlag, the edit-rate cap, `assert`,
a token, a User-Agent naming the operator) and a journal written first:

1. the item's row goes to status `sending` (committed) before the request leaves;
2. the answer's entity id is recorded (`created`, and the person or work linked to it);
3. a run killed between 1 and 2 leaves `sending`: the next run looks before it sends again — in
   the account's own page creations (`list=usercontribs`, `ucshow=new`: the edit summary names the
   item's key; no search-index delay) and in the search the item was prepared with — and records the
   item it finds instead of creating a second one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from glamwiki.linking.wikidata.search_first import Searcher
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.errors import ApiError, TransientError
from glamwiki.store import Store
from glamwiki.store import linking as db

PREPARED, SENDING, CREATED, FAILED = "prepared", "sending", "created", "failed"
SUMMARY = "glamwiki: new item for {key} (batch {batch})"


@dataclass
class Journal:
    """One kind of prepared item: how to list, mark and link them in the store."""

    kind: str  # "person" | "work"
    rows: Callable[[Store, str], list[dict[str, Any]]]
    mark: Callable[[Store, str, str, str, str], bool]
    key_field: str
    on_created: Callable[[Store, str, str, str], None] | None = None


class ItemCreator:
    def __init__(self, api: ApiClient, store: Store, searcher: Searcher, batch: str) -> None:
        self.api, self.store, self.searcher, self.batch = api, store, searcher, batch

    def run(self, journal: Journal, limit: int | None = None) -> Counter[str]:
        counts: Counter[str] = Counter()
        rows = journal.rows(self.store, SENDING) + journal.rows(self.store, PREPARED)
        for row in rows[:limit] if limit is not None else rows:
            key = f"{row['dataset']}/{row[journal.key_field]}"
            qid = self.already_made(row, key) if row["status"] == SENDING else None
            if qid:
                self._created(journal, row, qid)
                counts["found after an interrupted run"] += 1
                continue
            with self.store.transaction():
                journal.mark(self.store, row["dataset"], row[journal.key_field], SENDING, "")
            counts[self._send(journal, row, key)] += 1
        return counts

    def _send(self, journal: Journal, row: dict[str, Any], key: str) -> str:
        params = {"action": "wbeditentity", "new": "item", "data": row["entity"],
                  "summary": SUMMARY.format(key=key, batch=self.batch)}  # fmt: skip
        try:
            answer = self.api.write(params)
        except TransientError:
            raise  # the item may exist now: it stays `sending`, the next run looks before sending again
        except ApiError as exc:
            with self.store.transaction():
                journal.mark(self.store, row["dataset"], row[journal.key_field], FAILED, "")
            return f"failed: {exc.code}"
        qid = str(answer.get("entity", {}).get("id", ""))
        if not qid:
            return "no id in the answer (left sending; checked next run)"
        self._created(journal, row, qid)
        return "created"

    def _created(self, journal: Journal, row: dict[str, Any], qid: str) -> None:
        with self.store.transaction():
            journal.mark(self.store, row["dataset"], row[journal.key_field], CREATED, qid)
            if journal.on_created:
                journal.on_created(self.store, row["dataset"], row[journal.key_field], qid)

    def already_made(self, row: dict[str, Any], key: str) -> str | None:
        """The item a killed run may have created: in this account's new pages, else by search."""
        contribs = self.api.get(action="query", list="usercontribs", ucuser=self.api.username or "",
                                ucnamespace="0", ucshow="new", uclimit="max", ucprop="title|comment")  # fmt: skip
        for c in contribs.get("query", {}).get("usercontribs", []):
            if f"new item for {key} " in str(c.get("comment", "")):
                return str(c["title"]).removeprefix("Item:")
        for query in json.loads(row.get("search") or "{}").get("queries", []):
            if query.startswith("list=search haswbstatement"):
                found = self.searcher.cirrus(query.removeprefix("list=search "), fresh=True)
                if found:
                    return found[0]
        return None


def people_journal() -> Journal:
    from glamwiki.linking.propose import link_created

    return Journal("person", db.new_items, db.mark_new_item, "person_id", link_created)


def works_journal() -> Journal:
    return Journal("work", db.work_items, db.mark_work_item, "record_id")
