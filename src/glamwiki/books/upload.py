"""A built book file onto Commons through the publishing stage's uploader: the same plan row,
journal, pre-flight (SHA-1 duplicates, title blacklist), chunked upload to the stash (every file above
the chunk size, so always above Commons' 100 MiB limit for a single POST) and resume after a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from glamwiki.books.errors import BookError
from glamwiki.model.records import IMAGE_FILE
from glamwiki.model.rights import RightsDecision
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.run import Runner, RunOptions, get_item
from glamwiki.store import Store
from glamwiki.store import publishing as db

DATASET = "books"
# Commons takes files up to 5 GiB, in chunks (https://commons.wikimedia.org/wiki/Commons:Maximum_file_size).
COMMONS_MAX_BYTES = 5 * 1024**3
SINGLE_POST_MAX = 100 * 1024**2  # above this, Commons accepts only chunked uploads


def plan_book(
    store: Store,
    record_id: str,
    path: Path,
    title: str,
    wikitext: str,
    decision: RightsDecision,
    structured: dict[str, Any] | None = None,
) -> int:
    """The book's row in the publishing plan (re-planning before any upload replaces it); its id.
    ``structured`` is the file's structured data (``publishing.sdc.structured_data``), written after
    the upload on a wiki that has it."""
    if not path.is_file():
        raise BookError(f"{path}: the built book file is missing; run `glamwiki book build` first")
    size = path.stat().st_size
    if size > COMMONS_MAX_BYTES:
        raise BookError(f"{path}: {size / 1024**3:.1f} GiB is above Commons' {COMMONS_MAX_BYTES // 1024**3} GiB "
                        "maximum file size; build it in volumes (--pages FIRST-LAST) and upload each")  # fmt: skip
    rights = json.dumps({"decision": decision.decision, "templates": decision.templates})
    db.save_plan(store, [{"dataset": DATASET, "record_id": record_id, "image_index": 0, "status": db.PLANNED,
                          "source_kind": IMAGE_FILE, "source": str(path.resolve()), "title": title,
                          "wikitext": wikitext, "sdc": json.dumps(structured or {}, ensure_ascii=False),
                          "rights": rights}])  # fmt: skip
    item_id = db.plan_item_id(store, DATASET, record_id, 0)
    assert item_id is not None  # just saved
    return item_id


def upload_book(store: Store, client: ApiClient, item_id: int, options: RunOptions | None = None) -> db.FileState:
    """Send the planned book (journaled; a rerun after success sends nothing). Returns its state."""
    options = options or RunOptions(structured_data=False)
    options.upload.chunk_size = min(options.upload.chunk_size, SINGLE_POST_MAX)
    Runner(store, client, options).run(item_ids=[item_id])
    state = db.get_state(store, client.api_url, item_id)
    if state is None:
        raise BookError(f"plan item {item_id} was not started; is it planned?")
    if state.state not in j.TERMINAL:
        raise BookError(f"{get_item(store, item_id).title}: not finished ({state.message}); run the upload again")
    return state
