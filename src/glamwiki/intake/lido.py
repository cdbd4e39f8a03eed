"""LIDO XML 1.0 and 1.1 (a lido:lidoWrap of records, or a single lido:lido) into object records;
each creator with an authority id also becomes a person record."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from glamwiki.intake import lido_fields as f
from glamwiki.intake.base import WARNING, Item, Read, ReadContext
from glamwiki.intake.forms import infer_form
from glamwiki.intake.people import creator_people, date_warnings
from glamwiki.intake.textio import open_binary
from glamwiki.intake.xmlsafe import XML_LANG, iter_elements
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import ObjectRecord, SourceRef

LIDO_RECORD = frozenset({f"{{{f.LIDO}}}lido"})
OI = f.D + "lido:objectIdentificationWrap/"
LIDO_PROVENANCE = {
    "id": "lido:lidoRecID", "accession_number": "repositorySet/workID", "titles": "titleWrap/titleSet",
    "creators": "eventSet/event[production|creation]/eventActor", "date": "event/eventDate",
    "object_type": "objectWorkTypeWrap/objectWorkType", "medium": "eventMaterialsTech",
    "dimensions": "objectMeasurementsWrap", "subjects": "subjectWrap", "images": "resourceWrap/resourceSet",
    "rights_statement": "rightsWorkWrap/rightsWorkSet", "credit_line": "rightsWorkSet/creditLine",
    "institution": "repositorySet/repositoryName", "url": "recordWrap/recordInfoSet/recordInfoLink",
}  # fmt: skip


def read_lido(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    with open_binary(ctx.path) as stream:
        for n, elem in enumerate(iter_elements(stream, LIDO_RECORD, ctx.display), start=1):
            yield from lido_items(elem, ctx, f"record {n}", circa)


def lido_items(rec: Element, ctx: ReadContext, locator: str, circa: int) -> Iterator[Item]:
    record_id = f.first_text(rec, "lido:lidoRecID") or f.first_text(rec, f.A + "lido:recordWrap/lido:recordID")
    if not record_id:
        yield ctx.issue(locator, "lidoRecID", "the record has no lido:lidoRecID or recordID; skipped")
        return
    locator = f"{locator} ({record_id})"
    obj = lido_object(rec, record_id, ctx, locator, circa)
    warnings = date_warnings(ctx, obj, locator, "eventDate")
    if not obj.titles:
        warnings.append(ctx.issue(locator, "titleSet", "the record has no title", WARNING))
    yield Read(obj, locator, warnings)
    yield from creator_people(obj, locator)


def lido_object(rec: Element, record_id: str, ctx: ReadContext, locator: str, circa: int) -> ObjectRecord:
    desc = rec.find("lido:descriptiveMetadata", f.NS)
    lang = desc.get(XML_LANG) if desc is not None else None
    making = f.making_events(rec)
    object_type = f.term(rec.find(f.D + "lido:objectClassificationWrap/lido:objectWorkTypeWrap/lido:objectWorkType",
                                  f.NS))  # fmt: skip
    classes = [f.term(c) for c in rec.iterfind(f.D + "lido:objectClassificationWrap/lido:classificationWrap/"
                                                "lido:classification", f.NS)]  # fmt: skip
    medium = f.materials(making, rec)
    statement, credit = f.work_rights(rec)
    published = _publication(rec, circa)
    return ObjectRecord(
        id=record_id, accession_number=f.first_text(rec, OI + "lido:repositoryWrap/lido:repositorySet/lido:workID"),
        identifiers=_identifiers(rec, record_id), titles=f.titles(rec, lang), creators=f.creators(making, circa),
        date=f.event_date(making, circa), published=True if published.is_known else None,
        publication_date=published, object_type=object_type,
        form=infer_form(object_type, *[c for c in classes if c], medium), medium=medium,
        dimensions=f.dimensions(rec), credit_line=credit, rights_statement=statement, images=f.images(rec),
        subjects=f.subjects(rec), description=f.first_text(rec, OI + "lido:objectDescriptionWrap/"
                                                          "lido:objectDescriptionSet/lido:descriptiveNoteValue"),
        institution=f.appellation(rec.find(OI + "lido:repositoryWrap/lido:repositorySet/lido:repositoryName/"
                                           "lido:legalBodyName", f.NS)),
        url=f.first_text(rec, f.A + "lido:recordWrap/lido:recordInfoSet/lido:recordInfoLink"),
        languages=[lang] if lang else [], provenance=LIDO_PROVENANCE, source=SourceRef(ctx.display, locator),
    )  # fmt: skip


def _identifiers(rec: Element, record_id: str) -> dict[str, str]:
    out = {"lido": record_id}
    published = f.first_text(rec, "lido:objectPublishedID")
    if published:
        out["uri"] = published
    return out


def _publication(rec: Element, circa: int) -> DateInterval:
    for event in rec.iterfind(f.D + "lido:eventWrap/lido:eventSet/lido:event", f.NS):
        etype = event.find("lido:eventType", f.NS)
        words = " ".join(v for v in (f.concept(etype), f.term(etype)) if v).lower()
        if "publication" in words or "veröffentlichung" in words:
            return f.event_date([event], circa)
    return UNKNOWN
