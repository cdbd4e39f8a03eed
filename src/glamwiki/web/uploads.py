"""The upload approval queue on the web: the planned files paged with their title, image source and
rights decision, filtered by batch (dataset) and approval; a page of them, or every file the filter
selects, approved or rejected as decision events (``store.approvals``, as `glamwiki publish approve`
does) with the web user as actor. The form carries the latest upload decision the page saw: a file
decided by someone else since is refused (StaleDecision) and nothing of that answer is written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store.approvals import (
    APPROVED,
    REJECTED,
    ApprovalRow,
    Verdict,
    approval_rows,
    decide_uploads,
    planned_datasets,
    upload_watermark,
)

PAGE = 25
STATUSES = ("waiting", APPROVED, REJECTED)


@dataclass
class UploadRow:
    row: ApprovalRow
    decision: str  # the rights decision (upload, review...)
    templates: str  # the licence templates the page will carry


@dataclass
class UploadPage:
    dataset: str
    status: str
    total: int
    page: int
    pages: int
    rows: list[UploadRow]
    datasets: list[str]
    version: int  # the latest upload decision when the page was drawn


def _rights(text: str) -> tuple[str, str]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    templates = data.get("templates") or []
    return str(data.get("decision", "")), " ".join(str(t) for t in templates if isinstance(t, str))


def upload_page(store: Store, dataset: str, status: str, page: int) -> UploadPage:
    dataset = dataset if dataset in (found := planned_datasets(store)) else ""
    status = status if status in STATUSES else ""
    version = upload_watermark(store)
    total, _ = approval_rows(store, dataset=dataset or None, verdict=status or None, limit=0)
    pages = max(1, -(-total // PAGE))
    page = min(max(1, page), pages)
    _, rows = approval_rows(store, dataset=dataset or None, verdict=status or None, offset=(page - 1) * PAGE,
                            limit=PAGE)  # fmt: skip
    shown = [UploadRow(r, *_rights(r.rights)) for r in rows]
    return UploadPage(dataset, status, total, page, pages, shown, found, version)


def decide(
    store: Store, verdict: str, who: str, version_seen: str, *, item_ids: Sequence[str] = (), dataset: str = "",
    status: str = "", whole_filter: bool = False, reason: str = "",
) -> tuple[int, int]:  # fmt: skip
    """Approve or reject the files ``item_ids`` names (a page), or with ``whole_filter`` every planned file
    of ``dataset``/``status``; returns (files chosen, files whose approval changed)."""
    if verdict not in (APPROVED, REJECTED):
        raise ConfigError(f"{verdict!r} is neither {APPROVED} nor {REJECTED}")
    if not version_seen.isdigit():
        raise ConfigError("the form does not say which decisions it saw: reload the page")
    chosen: Verdict = APPROVED if verdict == APPROVED else REJECTED
    if whole_filter:
        _, rows = approval_rows(store, dataset=dataset or None, verdict=status if status in STATUSES else None)
    else:
        ids = [int(i) for i in item_ids if i.isdigit()]
        if not ids:
            raise ConfigError("no file chosen: nothing was saved")
        _, rows = approval_rows(store, item_ids=ids)
    changed = decide_uploads(store, [r.file for r in rows], chosen, who, reason.strip(), "web",
                             expected=int(version_seen))  # fmt: skip
    return len(rows), changed


def approve_and_publish(store: Store, who: str) -> int:
    """After approving: a queued ``publish`` job of the approved files only (``approved_only``), started
    by ``who``; the worker sends them to the project's target. Returns the job's id."""
    from glamwiki.worker.starting import queue

    return queue(store, "publish", {"approved_only": True}, who)
