"""The dry run a curator reviews: an HTML page of the planned batch and a JSONL of the same."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF
from glamwiki.store import Store
from glamwiki.store import publishing as db

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
    if item.status != db.PLANNED:
        body = f"<p class=blocked>Not planned: {escape(item.status)} ({escape(str(rights.get('decision')))})</p>"
        return f"<article><div></div><div>{head}{body}<ul class=reason>{reasons}</ul></div></article>"
    sdc = json.dumps(item.sdc_data, indent=1, ensure_ascii=False)
    return (
        f"<article><div><img loading=lazy alt='' src='{escape(thumbnail(item), quote=True)}'></div><div>{head}"
        f"<h3>File:{escape(item.title)}</h3><p>source: {escape(item.source)}</p>"
        f"<ul class=reason>{reasons}</ul><h4>Wikitext</h4><pre>{escape(item.wikitext)}</pre>"
        f"<details><summary>Structured data</summary><pre>{escape(sdc)}</pre></details></div></article>"
    )


def write_preview(store: Store, html_path: Path, jsonl_path: Path, dataset: str | None = None) -> int:
    """Write both files, streaming (constant memory); returns the number of items written."""
    counts = db.plan_counts(store)
    n = 0
    with html_path.open("w", encoding="utf-8") as html, jsonl_path.open("w", encoding="utf-8") as jsonl:
        html.write(f"<!doctype html><meta charset=utf-8><title>Planned upload batch</title><style>{_STYLE}</style>")
        summary = ", ".join(f"{v:,} {escape(k)}" for k, v in sorted(counts.items()))
        html.write(f"<h1>Planned upload batch</h1><p>{summary}. Nothing has been sent.</p>")
        for item in db.iter_plan(store, dataset=dataset):
            html.write(_article(item))
            jsonl.write(json.dumps(as_json(item), ensure_ascii=False) + "\n")
            n += 1
    return n
