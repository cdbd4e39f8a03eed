"""TEI P5 manuscript descriptions (teiHeader/fileDesc/sourceDesc/msDesc) into object records.

Elements follow the TEI P5 Guidelines, chapter 10 "Manuscript Description". A manuscript is
unpublished text; its date comes from origin/origDate (@when, @notBefore/@notAfter, @from/@to),
taken only from Gregorian dates: catalogues put a date in another calendar beside its Gregorian
equivalent. The licence in publicationStmt is the description's, not the manuscript's, so it is
kept apart (extra.metadata_licence) and never used as the object's rights.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from glamwiki.intake.base import WARNING, Item, Read, ReadContext
from glamwiki.intake.tei_fields import NS, TEI, creators, dimensions, origin_date, titles
from glamwiki.intake.textio import open_binary
from glamwiki.intake.xmlsafe import iter_elements, text_of, texts_of
from glamwiki.model.records import FORM_TEXT, ObjectRecord, Person, SourceRef, Subject

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MS = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc"
TEI_PROVENANCE = {
    "id": "TEI/@xml:id or msIdentifier/idno", "accession_number": "msDesc/msIdentifier/idno",
    "titles": "titleStmt/title; msItem/title", "creators": "msItem/author", "date": "origin/origDate (Gregorian)",
    "medium": "supportDesc/@material", "dimensions": "extent/dimensions", "description": "msContents/summary",
    "institution": "msIdentifier/institution", "languages": "textLang/@mainLang", "subjects": "keywords/term",
}  # fmt: skip


def read_tei(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    with open_binary(ctx.path) as stream:
        for n, elem in enumerate(iter_elements(stream, frozenset({f"{{{TEI}}}TEI"}), ctx.display), start=1):
            yield from tei_items(elem, ctx, f"TEI {n}", circa)


def tei_items(tei: Element, ctx: ReadContext, locator: str, circa: int) -> Iterator[Item]:
    ms = tei.find(MS, NS)
    if ms is None:
        yield ctx.issue(locator, "msDesc", "no teiHeader/fileDesc/sourceDesc/msDesc: not a manuscript description")
        return
    shelfmark = text_of(ms.find("tei:msIdentifier/tei:idno", NS))
    record_id = tei.get(XML_ID) or shelfmark
    if not record_id:
        yield ctx.issue(locator, "msIdentifier", "the description has no xml:id and no msIdentifier/idno; skipped")
        return
    locator = f"{locator} ({record_id})"
    obj = tei_object(tei, ms, record_id, shelfmark, ctx, locator, circa)
    warnings = []
    if obj.date.text and not obj.date.is_known:
        warnings.append(ctx.issue(locator, "origDate", f"date {obj.date.text!r} could not be read", WARNING))
    yield Read(obj, locator, warnings)
    for c in obj.creators:
        key = c.identifiers.get("key")
        if key:
            yield Read(Person(id=key, name=c.name, kind=c.kind, identifiers=c.identifiers, source=obj.source), locator)


def tei_object(tei: Element, ms: Element, record_id: str, shelfmark: str | None, ctx: ReadContext, locator: str,
               circa: int) -> ObjectRecord:  # fmt: skip
    ident = ms.find("tei:msIdentifier", NS)
    alt = {(e.get("type") or "alt").lower(): text_of(e.find("tei:idno", NS)) or ""
           for e in ms.iterfind("tei:msIdentifier/tei:altIdentifier", NS)}  # fmt: skip
    support = ms.find(".//tei:objectDesc/tei:supportDesc", NS)
    form_word = next((e.get("form") for e in ms.iterfind(".//tei:objectDesc", NS) if e.get("form")), None)
    licence = text_of(tei.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence", NS))
    return ObjectRecord(
        id=record_id, accession_number=shelfmark, identifiers={"tei": record_id, **{k: v for k, v in alt.items() if v}},
        titles=titles(tei, ms), creators=creators(ms), date=origin_date(ms, circa), published=False,
        object_type=f"manuscript ({form_word})" if form_word else "manuscript", form=FORM_TEXT,
        medium=support.get("material") if support is not None else None, dimensions=dimensions(ms),
        description=text_of(ms.find(".//tei:msContents/tei:summary", NS)),
        institution=text_of(ident.find("tei:institution", NS)) or text_of(ident.find("tei:repository", NS))
        if ident is not None else None,
        languages=sorted({lang for e in ms.iterfind(".//tei:textLang", NS) if (lang := e.get("mainLang"))}),
        subjects=[Subject(t) for t in texts_of(tei.findall("tei:teiHeader/tei:profileDesc/tei:textClass/"
                                                           "tei:keywords/tei:term", NS))],
        extra={k: v for k, v in {"metadata_licence": licence,
                                 "provenance": "; ".join(texts_of(ms.findall(".//tei:history/tei:provenance", NS))),
                                 "acquisition": text_of(ms.find(".//tei:history/tei:acquisition", NS))}.items() if v},
        provenance=TEI_PROVENANCE, source=SourceRef(ctx.display, locator),
    )  # fmt: skip
