"""The plan: per record image, the file title, page wikitext and structured data, stored for review.

Only records whose rights decision is ``upload`` are planned; the others are kept as
``blocked`` rows so the results table says why they were not sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF, ImageRef, ObjectRecord
from glamwiki.model.rights import UPLOAD, RightsDecision
from glamwiki.publishing import filetypes
from glamwiki.publishing.pages import PageSettings, file_page
from glamwiki.publishing.sdc import structured_data
from glamwiki.publishing.titles import DEFAULT_PATTERN, make_title, pattern_fields, render_pattern
from glamwiki.store import Store
from glamwiki.store import publishing as db
from glamwiki.store.records import iter_records
from glamwiki.store.rights import get_decision


@dataclass
class PlanSettings:
    title_pattern: str = DEFAULT_PATTERN
    institution: str = ""
    language: str = "en"
    categories: tuple[str, ...] = ("Files from {institution}",)
    collection_qid: str | None = None
    all_images: bool = True


@dataclass
class PlanSummary:
    planned: int = 0
    blocked: int = 0
    unplannable: int = 0
    kept: int = 0  # already started on a wiki: left as planned before
    notes: list[str] = field(default_factory=list)


def source_url(image: ImageRef) -> str:
    """Where the bytes are: the path, the URL, or a IIIF Image API service's full-size image."""
    if image.kind == IMAGE_IIIF:
        return image.location.rstrip("/") + "/full/max/0/default.jpg"
    return image.location


def planned_extension(image: ImageRef) -> str:
    if image.kind == IMAGE_FILE and Path(image.location).is_file():
        found = filetypes.sniff_file(Path(image.location))
        if found:
            return found[0]
    if image.kind == IMAGE_IIIF:
        return "jpg"
    return filetypes.guess_from_name(image.location) or "jpg"


def _rights_summary(decision: RightsDecision | None) -> str:
    if decision is None:
        return json.dumps({"decision": "none", "reasons": ["no rights decision yet: run the rights stage"]})
    return json.dumps(
        {
            "decision": decision.decision,
            "templates": decision.templates,
            "reasons": [r.text + (f" ({r.citation})" if r.citation else "") for r in decision.reasons],
            "missing": decision.missing_facts,
        },
        ensure_ascii=False,
    )


def _items(
    store: Store, settings: PlanSettings, dataset: str | None, taken: set[str], started: set[tuple[str, str, int]]
) -> Iterator[dict[str, Any]]:
    page = PageSettings(settings.institution, settings.language, settings.categories)
    for ds, record in iter_records(store, kind="object", dataset=dataset):
        assert isinstance(record, ObjectRecord)
        decision = get_decision(store, record.id, ds)
        base = {"dataset": ds, "record_id": record.id, "rights": _rights_summary(decision)}
        if decision is None or decision.decision != UPLOAD:
            yield {**base, "image_index": 0, "status": db.BLOCKED}
            continue
        if not record.images:
            yield {**base, "image_index": 0, "status": db.UNPLANNABLE, "source": "(no image on the record)"}
            continue
        fields = pattern_fields(record, ds, settings.institution)
        stem = render_pattern(settings.title_pattern, fields)
        text = file_page(record, decision, page, {**fields, "institution": fields["institution"]})
        sdc = json.dumps(
            structured_data(record, decision, language=settings.language, collection=settings.collection_qid),
            ensure_ascii=False,
        )
        images = record.images if settings.all_images else record.images[:1]
        for index, image in enumerate(images):
            if (ds, record.id, index) in started:
                continue
            title = make_title(stem, planned_extension(image), taken, record.id)
            yield {
                **base,
                "image_index": index,
                "status": db.PLANNED,
                "source_kind": image.kind,
                "source": source_url(image),
                "title": title,
                "wikitext": text,
                "sdc": sdc,
            }


def build_plan(
    store: Store,
    settings: PlanSettings,
    dataset: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> PlanSummary:
    """Plan every object record (of ``dataset``); re-planning keeps items a wiki has already started."""
    summary = PlanSummary()
    started = db.forget_unstarted(store, dataset)
    taken = {t.lower() for t in db.plan_titles(store)}
    batch: list[dict[str, Any]] = []
    for item in _items(store, settings, dataset, taken, started):
        batch.append(item)
        setattr(summary, item["status"], getattr(summary, item["status"]) + 1)
        if len(batch) >= 500:
            db.save_plan(store, batch)
            if progress:
                progress(len(batch))
            batch = []
    db.save_plan(store, batch)
    if progress:
        progress(len(batch))
    summary.kept = len(started)
    return summary
