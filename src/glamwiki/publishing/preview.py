"""The dry run a curator reviews: an HTML page of the planned batch and a JSONL of the same."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF
from glamwiki.store import Store
from glamwiki.store import publishing as db

PAGE_SIZE = 200
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}
article{border-top:1px solid #ccc;padding:1em 0;display:grid;grid-template-columns:220px 1fr;gap:1em}
img{max-width:200px;max-height:200px}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em;font-size:.85em}
.blocked{color:#a33}.reason{font-size:.9em;color:#444}
"""


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


def _article(item: db.PlanItem) -> str:
    rights = json.loads(item.rights or "{}")
    reasons = "".join(f"<li>{escape(r)}</li>" for r in rights.get("reasons", []))
    head = f"<h2>{escape(item.dataset)} / {escape(item.record_id)}</h2>"
    if item.status not in (db.PLANNED, db.HELD):
        body = f"<p class=blocked>Not planned: {escape(item.status)} ({escape(str(rights.get('decision')))})</p>"
        return f"<article><div></div><div>{head}{body}<ul class=reason>{reasons}</ul></div></article>"
    notes = "".join(f"<li>{escape(n)}</li>" for n in item.note_list)
    if item.status == db.HELD:
        held = f"<p class=blocked>Held back, not uploaded:</p><ul class=blocked>{notes}</ul>"
    else:  # a planned file's notes: the pixel size its source documents
        held = f"<ul class=reason>{notes}</ul>" if notes else ""
    sdc = json.dumps(item.sdc_data, indent=1, ensure_ascii=False)
    return (
        f"<article><div><img loading=lazy alt='' src='{escape(thumbnail(item), quote=True)}'></div><div>{head}"
        f"<h3>File:{escape(item.title)}</h3><p>source: {escape(item.source)}</p>{held}"
        f"<ul class=reason>{reasons}</ul><h4>Wikitext</h4><pre>{escape(item.wikitext)}</pre>"
        f"<details><summary>Structured data</summary><pre>{escape(sdc)}</pre></details></div></article>"
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


def _nav(html_path: Path, number: int, pages: int | None) -> str:
    links = [f"<a href='{escape(html_path.name, quote=True)}'>index</a>"]
    if number > 1:
        links.append(f"<a href='{escape(_page_name(html_path, number - 1).name, quote=True)}'>previous</a>")
    if pages is None or number < pages:
        links.append(f"<a href='{escape(_page_name(html_path, number + 1).name, quote=True)}'>next</a>")
    return "<nav>" + " · ".join(links) + "</nav>"


def write_preview(
    store: Store, html_path: Path, jsonl_path: Path, dataset: str | None = None, options: PreviewOptions | None = None
) -> int:
    """An index page and pages of ``page_size`` items beside it (a browser opens each at once; the
    whole Tate plan in one page was 254 MB), plus the JSONL; streaming, constant memory.
    Returns the number of items written."""
    options = options or PreviewOptions(dataset=dataset)
    counts = db.plan_counts(store)
    n, pages, page = 0, [], None
    with jsonl_path.open("w", encoding="utf-8") as jsonl:
        for item in _selected(store, options):
            if n % options.page_size == 0:
                if page:
                    page.write(_nav(html_path, len(pages), None))
                    page.close()
                pages.append(item.record_id)
                page = _page_name(html_path, len(pages)).open("w", encoding="utf-8")
                page.write(f"<!doctype html><meta charset=utf-8><title>Planned batch, page {len(pages)}</title>"
                           f"<style>{_STYLE}</style>{_nav(html_path, len(pages), len(pages))}")  # fmt: skip
            assert page is not None
            page.write(_article(item))
            jsonl.write(json.dumps(as_json(item), ensure_ascii=False) + "\n")
            n += 1
    if page:
        page.write(_nav(html_path, len(pages), len(pages)))
        page.close()
    _write_index(html_path, counts, pages, options, n)
    return n


def _write_index(html_path: Path, counts: dict[str, int], pages: list[str], options: PreviewOptions, n: int) -> None:
    summary = ", ".join(f"{v:,} {escape(k)}" for k, v in sorted(counts.items()))
    shown = [f"{k} {v}" for k, v in (("status", options.status), ("warning", options.warning)) if v]
    chosen = f" Shown here: {n:,} items" + (f" ({escape('; '.join(shown))})" if shown else "") + "."
    rows = "".join(
        f"<li><a href='{escape(_page_name(html_path, i).name, quote=True)}'>page {i}</a> (from {escape(first)})</li>"
        for i, first in enumerate(pages, 1)
    )
    html_path.write_text(
        f"<!doctype html><meta charset=utf-8><title>Planned upload batch</title><style>{_STYLE}</style>"
        f"<h1>Planned upload batch</h1><p>{summary}. Nothing has been sent.{chosen}</p>"
        f"<p>Filter with <code>glamwiki publish preview --status held</code>, <code>--warning thumbnail</code>, "
        f"<code>--limit N</code>.</p><ol>{rows}</ol>",
        encoding="utf-8",
    )
