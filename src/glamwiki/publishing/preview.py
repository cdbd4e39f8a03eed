"""The dry run a curator reviews: an HTML page of the planned batch and a JSONL of the same."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF
from glamwiki.render import render_template
from glamwiki.store import Store
from glamwiki.store import publishing as db

PAGE_SIZE = 200


def thumbnail(item: db.PlanItem) -> str:
    if item.source_kind == IMAGE_FILE:
        return Path(item.source).resolve().as_uri()
    if item.source_kind == IMAGE_IIIF:
        return item.source.replace("/full/max/0/default.jpg", "/full/!200,200/0/default.jpg")
    return item.source


def as_json(item: db.PlanItem) -> dict[str, Any]:
    return {
        "item": item.item_id,
        "dataset": item.dataset,
        "record_id": item.record_id,
        "image_index": item.image_index,
        "status": item.status,
        "source_kind": item.source_kind,
        "source": item.source,
        "title": f"File:{item.title}" if item.title else "",
        "wikitext": item.wikitext,
        "structured_data": item.sdc_data,
        "rights": json.loads(item.rights or "{}"),
        "notes": item.note_list,
    }


@dataclass(frozen=True)
class Article:
    """What the preview shows of one plan item (``preview/article.html``)."""

    dataset: str
    record_id: str
    planned: bool  # planned or held; otherwise blocked or unplannable
    status: str
    decision: str
    reasons: list[str]
    notes: list[str]
    thumbnail: str
    title: str
    source: str
    wikitext: str
    structured_data: str


def article(item: db.PlanItem) -> Article:
    rights = json.loads(item.rights or "{}")
    return Article(
        dataset=item.dataset,
        record_id=item.record_id,
        planned=item.status in (db.PLANNED, db.HELD),
        status=item.status,
        decision=str(rights.get("decision")),
        reasons=[str(r) for r in rights.get("reasons", [])],
        notes=list(item.note_list),
        thumbnail=thumbnail(item),
        title=item.title,
        source=item.source,
        wikitext=item.wikitext,
        structured_data=json.dumps(item.sdc_data, indent=1, ensure_ascii=False),
    )


@dataclass
class PreviewOptions:
    dataset: str | None = None
    status: str | None = None  # planned | held | blocked | unplannable
    warning: str | None = None  # only items whose hold notes contain this text
    limit: int | None = None
    page_size: int = PAGE_SIZE


def _selected(store: Store, options: PreviewOptions) -> Iterator[db.PlanItem]:
    n = 0
    for item in db.iter_plan(store, status=options.status, dataset=options.dataset):
        if options.warning and not any(options.warning.lower() in note.lower() for note in item.note_list):
            continue
        if options.limit is not None and n >= options.limit:
            return
        n += 1
        yield item


def _page_name(html_path: Path, number: int) -> Path:
    return html_path.with_name(f"{html_path.stem}-{number:04d}{html_path.suffix or '.html'}")


def _links(html_path: Path, number: int, has_next: bool) -> list[tuple[str, str]]:
    links = [(html_path.name, "index")]
    if number > 1:
        links.append((_page_name(html_path, number - 1).name, "previous"))
    if has_next:
        links.append((_page_name(html_path, number + 1).name, "next"))
    return links


def _write_page(html_path: Path, number: int, articles: list[Article], has_next: bool) -> None:
    html = render_template(
        "preview/page.html",
        title=f"Planned batch, page {number}",
        links=_links(html_path, number, has_next),
        articles=articles,
    )
    _page_name(html_path, number).write_text(html, encoding="utf-8")


def write_preview(
    store: Store, html_path: Path, jsonl_path: Path, dataset: str | None = None, options: PreviewOptions | None = None
) -> int:
    """An index page and pages of ``page_size`` items beside it (a browser opens each at once; the
    whole Tate plan in one page was 254 MB), plus the JSONL; streaming, one page in memory.
    Returns the number of items written."""
    options = options or PreviewOptions(dataset=dataset)
    counts = db.plan_counts(store)
    n = 0
    pages: list[str] = []  # each page's first record
    page: list[Article] = []  # the page being filled
    with jsonl_path.open("w", encoding="utf-8") as jsonl:
        for item in _selected(store, options):
            if n % options.page_size == 0:
                if page:
                    _write_page(html_path, len(pages), page, has_next=True)
                pages.append(item.record_id)
                page = []
            page.append(article(item))
            jsonl.write(json.dumps(as_json(item), ensure_ascii=False) + "\n")
            n += 1
    if page:
        _write_page(html_path, len(pages), page, has_next=False)
    _write_index(html_path, counts, pages, options, n)
    return n


def _write_index(html_path: Path, counts: dict[str, int], pages: list[str], options: PreviewOptions, n: int) -> None:
    filters = [f"{k} {v}" for k, v in (("status", options.status), ("warning", options.warning)) if v]
    html = render_template(
        "preview/index.html",
        title="Planned upload batch",
        counts=sorted(counts.items()),
        shown=n,
        filters=filters,
        pages=[(_page_name(html_path, i).name, first) for i, first in enumerate(pages, 1)],
    )
    html_path.write_text(html, encoding="utf-8")
