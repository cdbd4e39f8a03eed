"""The plan: per record image, the file title, page wikitext and structured data, stored for review.

Only records whose rights decision is ``upload`` are planned; the others are kept as
``blocked`` rows so the results table says why they were not sent.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec

from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF, THUMBNAIL, ImageRef, ObjectRecord
from glamwiki.model.rights import UPLOAD, RightsDecision
from glamwiki.publishing import filetypes
from glamwiki.publishing.creators import qid_of
from glamwiki.publishing.datefields import impossible_date
from glamwiki.publishing.pages import PageSettings, file_page
from glamwiki.publishing.sdc import rights_to_review, structured_data
from glamwiki.publishing.titles import DEFAULT_PATTERN, make_title, pattern_fields, render_pattern
from glamwiki.publishing.vocab import load_subjects, subject_entries
from glamwiki.store import Store
from glamwiki.store import linking as linking_db
from glamwiki.store import publishing as db
from glamwiki.store import records as records_db
from glamwiki.store.plan_inputs import objects_with_decisions


@dataclass
class PlanSettings:
    title_pattern: str = DEFAULT_PATTERN
    institution: str = ""
    language: str = "en"
    categories: tuple[str, ...] = ("Files from {institution}",)
    collection_qid: str | None = None
    all_images: bool = True
    institution_template: str = ""
    creator_category: str = "{type_plural} by {creator}"
    group_category: str = "{catalogue_group} ({catalogue_group_type})"
    tracking_category: str = "Uploaded with glamwiki batch {batch}"
    subject_table: str | None = None  # a TOML file; None: the table shipped for Tate's subjects
    min_long_side: int = 1000  # pixels: smaller source images are held, not uploaded

    def page(self) -> PageSettings:
        return PageSettings(
            self.institution, self.language, self.categories, institution_template=self.institution_template,
            creator_category=self.creator_category, group_category=self.group_category,
            tracking_category=self.tracking_category, subjects=load_subjects(self.subject_table),
        )  # fmt: skip


@dataclass
class PlanSummary:
    planned: int = 0
    blocked: int = 0
    unplannable: int = 0
    held: int = 0  # planned, but held back (small image, impossible date): see the preview
    kept: int = 0  # already started on a wiki: left as planned before
    batch: str = ""
    notes: list[str] = field(default_factory=list)


def new_batch_id() -> str:
    return f"gw-{datetime.now(UTC):%Y%m%d}-{secrets.token_hex(3)}"


def hold_reasons(record: ObjectRecord, image: ImageRef, settings: PlanSettings) -> list[str]:
    """Why this file must not be uploaded as planned; empty when it may go."""
    reasons = []
    if image.label == THUMBNAIL:
        reasons.append(
            f"only a thumbnail is offered ({image.location}); supply the institution's larger image "
            f"(at least {settings.min_long_side} px on the long side) before uploading"
        )
    elif image.width and image.height and max(image.width, image.height) < settings.min_long_side:
        reasons.append(
            f"the source image is {image.width}x{image.height} px, under {settings.min_long_side} px "
            "on the long side ([publishing] min_long_side)"
        )
    problem = impossible_date(record)
    if problem:
        reasons.append(f"date to review: {problem}")
    return reasons


def size_note(image: ImageRef) -> str | None:
    """The pixel size the source documents for this image (checked again once it is downloaded)."""
    if not (image.width and image.height):
        return None
    return f"expected size {image.width}x{image.height} px, as the source documents it (checked after download)"


def with_links(record: ObjectRecord, dataset: str, links: dict[tuple[str, str], str]) -> ObjectRecord:
    """The record with its creators' accepted Wikidata links (the linking stage's answer) added."""
    if not links or not any(c.person_id for c in record.creators):
        return record
    creators = []
    for c in record.creators:
        qid = links.get((dataset, c.person_id or ""))
        if qid and not qid_of(c.identifiers):
            c = msgspec.structs.replace(c, identifiers={**c.identifiers, "wikidata": qid})
        creators.append(c)
    return msgspec.structs.replace(record, creators=creators)


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


# json.dumps(value, ensure_ascii=False), made once: the same text, without rebuilding an encoder per call or
# tracking containers for cycles (plan values are trees built here, never cyclic).
_to_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _rights_summary(decision: RightsDecision | None) -> str:
    if decision is None:
        return json.dumps({"decision": "none", "reasons": ["no rights decision yet: run the rights stage"]})
    return _to_json(
        {
            "decision": decision.decision,
            "templates": decision.templates,
            "reasons": [r.text + (f" ({r.citation})" if r.citation else "") for r in decision.reasons],
            "missing": decision.missing_facts,
        }
    )


def _items(
    store: Store,
    settings: PlanSettings,
    dataset: str | None,
    taken: set[str],
    started: set[tuple[str, str, int]],
    batch: str,
) -> Iterator[dict[str, Any]]:
    page = settings.page()
    links = linking_db.links(store, dataset)
    for ds, record, decision in objects_with_decisions(store, dataset):
        assert isinstance(record, ObjectRecord)
        base = {"dataset": ds, "record_id": record.id, "rights": _rights_summary(decision)}
        if decision is None or decision.decision != UPLOAD:
            yield {**base, "image_index": 0, "status": db.BLOCKED}
            continue
        if not record.images:
            yield {**base, "image_index": 0, "status": db.UNPLANNABLE, "source": "(no image on the record)"}
            continue
        record = with_links(record, ds, links)
        fields = pattern_fields(record, ds, settings.institution)
        stem = render_pattern(settings.title_pattern, fields)
        text = file_page(record, decision, page, fields, batch)
        depicts = [e.depicts for e in subject_entries(record, page.subjects) if e.depicts]
        sdc = _to_json(
            structured_data(
                record, decision, language=settings.language, collection=settings.collection_qid, depicts=depicts
            )
        )
        images = record.images if settings.all_images else record.images[:1]
        for index, image in enumerate(images):
            if (ds, record.id, index) in started:
                continue
            title = make_title(stem, planned_extension(image), taken, record.id)
            notes = hold_reasons(record, image, settings) + [n for n in (rights_to_review(decision),) if n]
            status = db.HELD if notes else db.PLANNED
            notes += [n for n in (size_note(image),) if n]
            yield {
                **base,
                "image_index": index,
                "status": status,
                "source_kind": image.kind,
                "source": source_url(image),
                "title": title,
                "wikitext": text,
                "sdc": sdc,
                "notes": _to_json(notes) if notes else "",
            }


def build_plan(
    store: Store,
    settings: PlanSettings,
    dataset: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> PlanSummary:
    """Plan every object record (of ``dataset``); re-planning keeps items a wiki has already started.

    The plan is recorded as a run with its batch id; until it finishes it is *partial*, and
    ``publish run`` refuses to start on a partial plan unless told to."""
    summary = PlanSummary(batch=new_batch_id())
    total = records_db.count(store, kind="object", dataset=dataset)
    plan_id = db.start_plan_run(store, summary.batch, dataset, total)
    started = db.forget_unstarted(store, dataset)
    taken = {t.lower() for t in db.plan_titles(store)}
    batch: list[dict[str, Any]] = []
    records_done, last_record = 0, None
    for item in _items(store, settings, dataset, taken, started, summary.batch):
        batch.append(item)
        setattr(summary, item["status"], getattr(summary, item["status"]) + 1)
        key = (item["dataset"], item["record_id"])
        if key != last_record:
            records_done, last_record = records_done + 1, key
            if progress:
                progress(1)
        if len(batch) >= 500:
            db.save_plan(store, batch)
            db.advance_plan_run(store, plan_id, records_done)
            batch = []
    db.save_plan(store, batch)
    db.advance_plan_run(store, plan_id, records_done, finished=True)
    summary.kept = len(started)
    return summary
