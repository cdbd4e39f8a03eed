"""The record page's view model: everything about one record, computed from the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from glamwiki.model.codec import to_builtins
from glamwiki.model.records import ObjectRecord
from glamwiki.model.rights import RightsDecision
from glamwiki.publishing import journal as j
from glamwiki.reach.file_reach import FileReach, file_reach
from glamwiki.store import Store
from glamwiki.store.linking import links_of
from glamwiki.store.publishing import FileState, PlanItem, get_state, plan_for_record, targets
from glamwiki.store.records import get_with_run, qualified_id, resolve_id
from glamwiki.store.rights import fact_rows, get_decision
from glamwiki.store.runs import provenance_of
from glamwiki.web.pageview import PlannedPage, planned_page

HIDDEN = {"provenance", "source", "id"}
UPLOADED = (j.UPLOADED, j.DONE)  # the file is on the wiki


@dataclass
class RecordView:
    id: str  # dataset:local id
    dataset: str
    kind: str
    title: str
    source: str  # file and row/line it was read from
    fields: list[tuple[str, str, str]]  # field, value, column/path it was read from
    decision: RightsDecision | None = None
    facts: list[tuple[str, str, str, str]] = field(default_factory=list)  # fact, value, who/why, when
    creators: list[tuple[str, str, str]] = field(default_factory=list)  # name, local person id, Wikidata QID
    plan: list[PlanItem] = field(default_factory=list)
    uploads: list[FileState] = field(default_factory=list)
    pages: dict[int, PlannedPage] = field(default_factory=dict)  # per plan item: the page as Commons shows it
    reach: list[FileReach] = field(default_factory=list)  # usage and views of the uploaded files


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def record_view(store: Store, text: str) -> RecordView | None:
    """The record a user names ("tate:N05737" or "N05737"), or None when there is none."""
    dataset, local_id = resolve_id(store, text)
    found = [f for f in get_with_run(store, local_id) if dataset in (None, f[0])]
    if not found:
        return None
    found.sort(key=lambda f: not isinstance(f[2], ObjectRecord))  # the object record first
    ds, run, record = found[0]
    read_from = provenance_of(store, run) or record.provenance
    data = to_builtins(record)
    fields = [(k, _text(v), read_from.get(k, "")) for k, v in data.items() if k not in HIDDEN]
    source = f"{record.source.file} {record.source.locator}".strip() if record.source else ""
    title = getattr(record, "title", None) or getattr(record, "name", None) or record.id
    view = RecordView(qualified_id(ds, record.id), ds, type(record).__name__, str(title), source, fields)
    if isinstance(record, ObjectRecord):
        _add_object_parts(store, view, ds, record)
    return view


def _add_object_parts(store: Store, view: RecordView, dataset: str, record: ObjectRecord) -> None:
    view.decision = get_decision(store, record.id, dataset)
    view.facts = fact_rows(store, dataset, record.id)
    linked = links_of(store, dataset, [c.person_id or "" for c in record.creators])
    view.creators = [(c.name, c.person_id or "", linked.get((dataset, c.person_id or ""), "")) for c in record.creators]
    view.plan = plan_for_record(store, dataset, record.id)
    for target in targets(store):
        view.uploads += [s for item in view.plan if (s := get_state(store, target, item.item_id)) is not None]
    view.pages = {item.item_id: planned_page(item) for item in view.plan if item.wikitext}
    uploaded = [s.title for s in view.uploads if s.state in UPLOADED and s.title]
    view.reach = file_reach(store, list(dict.fromkeys(uploaded)))
