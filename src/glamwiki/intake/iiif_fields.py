"""A IIIF manifest's descriptive parts to an object record.

IIIF leaves descriptive metadata to free label/value pairs; the labels institutions use for
each field of the record model are listed here (compared case-insensitively, first match wins).
"""

from __future__ import annotations

import re
from typing import Any

from glamwiki.dates import parse_date, parse_lifespan
from glamwiki.intake.forms import infer_form
from glamwiki.intake.iiif_values import as_list, by_language, ident, text, texts
from glamwiki.intake.names import agent_kind, invert_name, split_attribution
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import (
    FORM_MOVING_IMAGE,
    FORM_SOUND,
    IMAGE_IIIF,
    IMAGE_URL,
    CreatorRef,
    Dimensions,
    ImageRef,
    ObjectRecord,
    SourceRef,
    Subject,
    Title,
)

LABELS = {
    "accession_number": ("object number", "accession number", "inventory number", "shelfmark", "call number",
                         "identifier", "other identifier", "signatur", "inventarnummer"),
    "creator": ("creator", "artist", "author", "maker", "artist/maker", "photographer", "künstler"),
    "contributor": ("contributor", "contributors"),
    "date": ("date", "dated", "date statement", "created published", "publishdate", "creation date", "datierung"),
    "object_type": ("object type", "type", "classification", "document type", "objekttyp"),
    "medium": ("medium", "material", "materials", "technique", "material/technik"),
    "dimensions": ("dimensions", "extent", "maße"),
    "credit_line": ("credit line",),
    "institution": ("holding institution", "repository", "institution"),
    "people": ("people",),  # Harvard's "Artist: Vincent van Gogh, Dutch, 1853 - 1890"
    "subject": ("subject", "subjects", "place of origin (english)"),
    "language": ("language",),
    "url": ("homepage", "item url"),
}  # fmt: skip
_PEOPLE = re.compile(r"^(?P<role>[A-Za-z][\w /]{1,40}):\s*(?P<rest>.+)$")
IIIF_PROVENANCE = {
    "id": "manifest id", "titles": "label", "rights_statement": "rights (v3) / license (v2)",
    "credit_line": "metadata Credit Line / requiredStatement / attribution", "description": "summary / description",
    "images": "canvases: IIIF Image service, else image id", **{k: f"metadata {v[0]!r}..." for k, v in LABELS.items()},
}  # fmt: skip


def metadata_pairs(doc: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pair in as_list(doc.get("metadata")):
        if isinstance(pair, dict):
            label = (text(pair.get("label")) or "").strip().rstrip(":").lower()
            out.setdefault(label, []).extend(texts(pair.get("value")))
    return out


def pick(pairs: dict[str, list[str]], field: str) -> list[str]:
    for label in LABELS[field]:
        if pairs.get(label):
            return pairs[label]
    return []


def manifest_object(doc: dict[str, Any], record_id: str, display: str, locator: str, circa: int) -> ObjectRecord:
    pairs = metadata_pairs(doc)

    def one(field: str) -> str | None:
        found = pick(pairs, field)
        return found[0] if found else None

    object_type, medium = one("object_type"), one("medium")
    images, media = canvas_images(doc)
    return ObjectRecord(
        id=record_id, accession_number=one("accession_number"), identifiers={"iiif": record_id},
        titles=[Title(t, lang, "main" if i == 0 else "alternative") for i, (t, lang) in
                enumerate(by_language(doc.get("label")))],
        creators=_creators(pick(pairs, "creator"), None) + _creators(pick(pairs, "contributor"), "contributor")
        + _people(pick(pairs, "people")),
        date=parse_date(one("date") or str(doc.get("navDate") or "").split("T")[0], circa), object_type=object_type,
        form=media or infer_form(object_type, medium), medium=medium,
        dimensions=Dimensions(text=one("dimensions") or "") if one("dimensions") else None,
        credit_line=one("credit_line") or text(_statement(doc)), rights_statement=_rights(doc), images=images,
        subjects=[Subject(s) for s in pick(pairs, "subject")], description=text(doc.get("summary"))
        or text(doc.get("description")), institution=one("institution") or text(doc.get("provider")),
        url=one("url") or ident(doc.get("homepage")) or ident(doc.get("related")),
        languages=pick(pairs, "language"), provenance=IIIF_PROVENANCE, source=SourceRef(display, locator),
    )  # fmt: skip


def _statement(doc: dict[str, Any]) -> Any:
    required = doc.get("requiredStatement")
    return required.get("value") if isinstance(required, dict) else doc.get("attribution")


def _rights(doc: dict[str, Any]) -> str | None:
    return text(doc.get("rights")) or ident(doc.get("license"))


def _creators(names: list[str], role: str | None) -> list[CreatorRef]:
    out = []
    for raw in names:
        for part in raw.split(";"):
            attribution, name = split_attribution(part.strip())
            if name:
                name = invert_name(name) if name.count(",") == 1 else name
                out.append(CreatorRef(name=name, role=role, attribution=attribution, kind=agent_kind(name)))
    return out


def _people(values: list[str]) -> list[CreatorRef]:
    out = []
    for value in values:
        m = _PEOPLE.match(value)
        if not m:
            continue
        parts = [p.strip() for p in m["rest"].split(",")]
        life = parse_lifespan(parts[-1]) if len(parts) > 1 else None
        nationality = parts[1] if len(parts) > 2 or (len(parts) == 2 and not life) else None
        known = life if life and life.death.is_known else None
        out.append(CreatorRef(name=parts[0], role=m["role"].lower(), kind=agent_kind(parts[0]),
                              birth=known.birth if known else UNKNOWN, death=known.death if known else UNKNOWN,
                              nationality=nationality))  # fmt: skip
    return out


def canvas_images(doc: dict[str, Any]) -> tuple[list[ImageRef], str | None]:
    """One image per canvas, and the form when the canvases hold sound or video instead."""
    out: list[ImageRef] = []
    media: str | None = None
    for canvas in _canvases(doc):
        label = text(canvas.get("label"))
        for body in _bodies(canvas):
            kind = body.get("type") or body.get("@type") or ""
            if kind in ("Sound", "dctypes:Sound", "Audio"):
                media = FORM_SOUND
            elif kind in ("Video", "dctypes:Video"):
                media = FORM_MOVING_IMAGE
            ref = _image(body, label)
            if ref is not None:
                out.append(ref)
                break
    return out, None if out else media


def _canvases(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if "sequences" in doc:
        seqs = as_list(doc.get("sequences"))
        return [c for c in as_list(seqs[0].get("canvases")) if isinstance(c, dict)] if seqs else []
    return [c for c in as_list(doc.get("items")) if isinstance(c, dict) and c.get("type") == "Canvas"]


def _bodies(canvas: dict[str, Any]) -> list[dict[str, Any]]:
    found = [a.get("resource") for a in as_list(canvas.get("images")) if isinstance(a, dict)]
    for page in as_list(canvas.get("items")):
        for anno in as_list(page.get("items") if isinstance(page, dict) else None):
            if isinstance(anno, dict):
                found.extend(as_list(anno.get("body")))
    out: list[dict[str, Any]] = []
    for body in found:
        if isinstance(body, dict) and body.get("type") == "Choice":
            out.extend(b for b in as_list(body.get("items")) if isinstance(b, dict))
        elif isinstance(body, dict):
            out.append(body)
    return out


def _image(body: dict[str, Any], label: str | None) -> ImageRef | None:
    kind = body.get("type") or body.get("@type") or ""
    if kind not in ("Image", "dctypes:Image", ""):
        return None
    service = ident(body.get("service"))
    width, height = _pixels(body.get("width")), _pixels(body.get("height"))  # as the manifest says
    if service:
        return ImageRef(IMAGE_IIIF, service.rstrip("/"), label, width=width, height=height)
    location = ident(body)
    if location and location.startswith("http"):
        return ImageRef(IMAGE_URL, location, label, width=width, height=height)
    return None


def _pixels(value: Any) -> int | None:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if n > 0 else None
