"""A small hand-made project for the gap tests: people, works with images, rights decisions, and
files already on Commons, written through the store's own functions."""

from __future__ import annotations

from glamwiki.model.codec import encode
from glamwiki.model.records import ImageRef, ObjectRecord, Person
from glamwiki.model.rights import BLOCK, UPLOAD, RightsDecision
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.store import Store
from glamwiki.store.publishing import FileState, iter_plan, put_state, save_plan
from glamwiki.store.rights import save_decisions


def put(store: Store, rec: Person | ObjectRecord, dataset: str = "m") -> None:
    kind = "person" if isinstance(rec, Person) else "object"
    store.execute(
        "INSERT INTO ingest_runs(id, source, reader, dataset) VALUES (1, 'x', 'x', ?) ON CONFLICT DO NOTHING",
        (dataset,),
    )
    store.execute(
        "INSERT INTO records(dataset, kind, local_id, data, hash, first_run, last_run) VALUES (?, ?, ?, ?, ?, 1, 1)",
        (dataset, kind, rec.id, encode(rec), b"\x00"),
    )


def images(n: int) -> list[ImageRef]:
    return [ImageRef("url", f"https://example.org/img/{i}.jpg") for i in range(n)]


def decide(store: Store, record_ids: list[str], decision: str = UPLOAD, dataset: str = "m") -> None:
    save_decisions(store, [RightsDecision(dataset, r, "2026-01-01", decision) for r in record_ids])


def on_commons(store: Store, record_id: str, image_index: int = 0, dataset: str = "m") -> None:
    """Plan one file of ``record_id`` and record it as uploaded to Commons."""
    save_plan(store, [{"dataset": dataset, "record_id": record_id, "image_index": image_index, "status": "planned",
                       "title": f"{record_id} {image_index}.jpg"}])  # fmt: skip
    item = next(p for p in iter_plan(store) if p.record_id == record_id and p.image_index == image_index)
    put_state(store, FileState(COMMONS_API, item.item_id, "done", title=f"File:{record_id} {image_index}.jpg"))


__all__ = ["BLOCK", "UPLOAD", "decide", "images", "on_commons", "put"]
