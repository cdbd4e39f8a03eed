"""Simple Dublin Core (oai_dc, as OAI-PMH 2.0 requires every repository to offer) into object records.

Element meanings follow DCMI's "Dublin Core Metadata Element Set, Version 1.1"."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from glamwiki.dates import parse_date, parse_lifespan
from glamwiki.intake.forms import infer_form
from glamwiki.intake.names import agent_kind, invert_name, split_attribution
from glamwiki.intake.xmlsafe import XML_LANG, text_of
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import IMAGE_URL, CreatorRef, ImageRef, ObjectRecord, SourceRef, Subject, Title

DC = "http://purl.org/dc/elements/1.1/"
_IMAGE = re.compile(r"\.(jpe?g|png|tiff?|gif|jp2|webp)(\?.*)?$", re.IGNORECASE)
_LIFE = re.compile(r"^(?P<name>.+?),?\s*\(?(?P<life>(?:ca?\.\s*)?\d{3,4}\s*[-–]\s*(?:ca?\.\s*)?(?:\d{3,4})?)\)?\.?$")
DC_PROVENANCE = {
    "id": "OAI header identifier", "titles": "dc:title", "creators": "dc:creator, dc:contributor", "date": "dc:date",
    "object_type": "dc:type", "medium": "dc:format", "subjects": "dc:subject, dc:coverage",
    "description": "dc:description", "rights_statement": "dc:rights", "url": "dc:identifier (http)",
    "accession_number": "dc:identifier (not a URL)", "languages": "dc:language", "images": "dc:identifier/relation",
}  # fmt: skip


def values(dc: Element, name: str) -> list[Element]:
    return [e for e in dc.findall(f"{{{DC}}}{name}") if text_of(e)]


def dc_object(dc: Element, record_id: str, display: str, locator: str, circa: int) -> ObjectRecord:
    def texts(name: str) -> list[str]:
        return [text_of(e) or "" for e in values(dc, name)]

    ids = texts("identifier")
    urls = [i for i in ids if i.startswith(("http://", "https://"))]
    others = [i for i in ids if i not in urls]
    object_type = ", ".join(texts("type")) or None
    formats = [f for f in texts("format") if "/" not in f or " " in f]  # MIME types say nothing of the medium
    medium = "; ".join(formats) or None
    rights = texts("rights")
    return ObjectRecord(
        id=record_id, accession_number=others[0] if others else None, identifiers={"oai": record_id},
        titles=_titles(values(dc, "title")), creators=_creators(texts("creator"), None, circa)
        + _creators(texts("contributor"), "contributor", circa), date=parse_date(_first(texts("date")), circa),
        object_type=object_type, form=infer_form(object_type, medium), medium=medium,
        rights_statement=next((r for r in rights if r.startswith("http")), rights[0] if rights else None),
        images=[ImageRef(IMAGE_URL, u) for u in [*urls, *texts("relation")] if _IMAGE.search(u)],
        subjects=[Subject(s) for s in texts("subject")] + [Subject(c, "place") for c in texts("coverage")],
        description="\n".join(texts("description")) or None,
        url=next((u for u in urls if not _IMAGE.search(u)), None), languages=texts("language"),
        extra={k: "; ".join(texts(k)) for k in ("publisher", "source", "relation") if texts(k)},
        provenance=DC_PROVENANCE, source=SourceRef(display, locator),
    )  # fmt: skip


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def _titles(elems: list[Element]) -> list[Title]:
    return [Title(text_of(e) or "", e.get(XML_LANG), "main" if i == 0 else "alternative") for i, e in enumerate(elems)]


def _creators(names: list[str], role: str | None, circa: int) -> list[CreatorRef]:
    out = []
    for raw in names:
        attribution, name = split_attribution(raw)
        life = _LIFE.match(name)
        birth = death = UNKNOWN
        if life:
            name = life["name"].strip()
            span = parse_lifespan(life["life"], circa)
            birth, death = span.birth, span.death
        name = invert_name(name) if name.count(",") == 1 else name
        out.append(CreatorRef(name=name, role=role, attribution=attribution, kind=agent_kind(name),
                              birth=birth, death=death))  # fmt: skip
    return out
