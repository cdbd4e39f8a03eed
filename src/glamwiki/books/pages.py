"""A book as an ordered list of pages: from a IIIF Presentation 2.1/3.0 manifest or a PDF.

Canvases are taken in the manifest's order (v2: the first sequence's ``canvases``; v3: ``items``),
each with its label (v3 language maps, including the pre-release ``@none`` key) and the largest image
it offers: a IIIF Image API service at ``full/max`` (Image API 3 and 2.1), else the painted image's own
URL, choosing the biggest of a ``Choice``. A PDF's pages carry the file's page labels when it has them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glamwiki.books.errors import BookError
from glamwiki.intake.iiif_values import as_list, ident, text

IIIF_MAX = "full/max/0/default.jpg"


@dataclass(frozen=True)
class Page:
    number: int  # 1-based position in the book (the scan number of the multi-page file)
    label: str  # the library's own page label ("" when the canvas has none)
    canvas: str  # canvas id (or "pdf:N" for a PDF page)
    image: str | None  # the largest image: IIIF full/max URL, direct image URL, or None
    width: int | None = None
    height: int | None = None
    service: str | None = None  # IIIF Image API service id, when given


@dataclass
class Book:
    source: str  # the manifest or PDF it was read from
    manifest_id: str | None
    label: str
    pages: list[Page]
    doc: dict[str, Any] | None = None  # the manifest itself (for metadata, rights)


def read_book(path: str | Path) -> Book:
    """The book at ``path``: a IIIF manifest (JSON) or a PDF, by its first bytes."""
    p = Path(path)
    try:
        head = p.open("rb").read(5)
    except OSError as exc:
        raise BookError(f"{p}: cannot be read ({exc.strerror})") from None
    if head.startswith(b"%PDF"):
        return pdf_book(p)
    try:
        doc = json.loads(p.read_bytes())
    except ValueError as exc:
        raise BookError(f"{p}: neither a PDF nor a JSON IIIF manifest ({exc})") from None
    return manifest_book(doc, str(p))


def manifest_book(doc: Any, where: str) -> Book:
    if not isinstance(doc, dict) or (doc.get("@type") or doc.get("type")) not in ("sc:Manifest", "Manifest"):
        raise BookError(f"{where}: not a IIIF manifest (its type is {_kind(doc)!r})")
    pages = [_page(n, canvas) for n, canvas in enumerate(canvases(doc), start=1)]
    return Book(where, ident(doc), text(doc.get("label")) or "", pages, doc)


def canvases(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if "sequences" in doc:
        seqs = as_list(doc.get("sequences"))
        found = as_list(seqs[0].get("canvases")) if seqs and isinstance(seqs[0], dict) else []
    else:
        found = [c for c in as_list(doc.get("items")) if isinstance(c, dict) and c.get("type") == "Canvas"]
    return [c for c in found if isinstance(c, dict)]


def _page(number: int, canvas: dict[str, Any]) -> Page:
    label = text(canvas.get("label")) or ""
    best = _largest(_images(canvas))
    cid = ident(canvas) or f"canvas:{number}"
    if best is None:
        return Page(number, label, cid, None, _int(canvas.get("width")), _int(canvas.get("height")))
    service = ident(best.get("service"))
    width, height = (
        _int(best.get("width")) or _int(canvas.get("width")),
        _int(best.get("height")) or _int(canvas.get("height")),
    )
    url = f"{service.rstrip('/')}/{IIIF_MAX}" if service else ident(best)
    return Page(number, label, cid, url, width, height, service.rstrip("/") if service else None)


def _images(canvas: dict[str, Any]) -> list[dict[str, Any]]:
    bodies = [a.get("resource") for a in as_list(canvas.get("images")) if isinstance(a, dict)]
    for page in as_list(canvas.get("items")):
        for anno in as_list(page.get("items") if isinstance(page, dict) else None):
            if isinstance(anno, dict) and anno.get("motivation") in (None, "painting", "sc:painting"):
                bodies.extend(as_list(anno.get("body")))
    out: list[dict[str, Any]] = []
    for body in bodies:
        if isinstance(body, dict) and (body.get("type") or body.get("@type")) in ("Choice", "oa:Choice"):
            out.extend(b for b in [body.get("default"), *as_list(body.get("item")), *as_list(body.get("items"))]
                       if isinstance(b, dict))  # fmt: skip
        elif isinstance(body, dict) and (body.get("type") or body.get("@type") or "Image") in (
            "Image",
            "dctypes:Image",
        ):
            out.append(body)
    return out


def _largest(images: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not images:
        return None
    return max(images, key=lambda b: (_int(b.get("width")) or 0) * (_int(b.get("height")) or 0))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _kind(doc: Any) -> str:
    return str(doc.get("@type") or doc.get("type")) if isinstance(doc, dict) else type(doc).__name__


def pdf_book(path: Path) -> Book:
    """A PDF's pages in order, with the page labels the file defines (PDF 1.7 §12.4.2) when any."""
    import pikepdf

    try:
        pdf = pikepdf.open(path)
    except pikepdf.PdfError as exc:
        raise BookError(f"{path}: not a readable PDF ({exc})") from None
    with pdf:
        labelled = "/PageLabels" in pdf.Root
        pages = []
        for n, page in enumerate(pdf.pages, start=1):
            box = page.mediabox
            label = str(page.label) if labelled else ""
            pages.append(Page(n, label, f"pdf:{n}", None, int(float(box[2]) - float(box[0])),
                              int(float(box[3]) - float(box[1]))))  # fmt: skip
        title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo else ""
    return Book(str(path), None, title or path.stem, pages)
