"""MARC 21 bibliographic records (binary ISO 2709, as libraries export them) into object
records; each name heading with an authority id also becomes a person record."""

from __future__ import annotations

from collections.abc import Iterator

import pymarc

from glamwiki.intake import marc_fields as m
from glamwiki.intake.base import Item, Read, ReadContext
from glamwiki.intake.people import creator_people, date_warnings
from glamwiki.intake.textio import open_binary
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import Dimensions, ObjectRecord, SourceRef

MARC_PROVENANCE = {
    "id": "001 (or 035$a)", "titles": "245$abnp; 130/240/246 alternative", "creators": "100/110/111/700/710/711",
    "date": "264$c / 260$c / 008/06-14", "identifiers": "010, 020, 022, 035 (OCoLC)", "subjects": "600-655",
    "images": "856$u", "rights_statement": "540", "description": "520", "dimensions": "300$c",
    "medium": "340$a", "languages": "041$a / 008/35-37", "accession_number": "852$h$i / 099$a / 050$a",
    "institution": "852$a",
}  # fmt: skip


def read_marc(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    utf8 = ctx.encoding.lower().replace("-", "") in ("utf8", "utf8sig")
    with open_binary(ctx.path) as f:
        reader = pymarc.MARCReader(f, to_unicode=True, force_utf8=utf8, permissive=True, utf8_handling="replace")
        for n, record in enumerate(reader, start=1):
            locator = f"record {n}"
            if record is None:
                yield ctx.issue(locator, "leader", f"not a valid MARC record ({reader.current_exception}); skipped. "
                                "Records after a damaged one may be lost: export the file again if so.")  # fmt: skip
                continue
            yield from marc_items(record, ctx, locator, circa)


def marc_items(record: pymarc.Record, ctx: ReadContext, locator: str, circa: int) -> Iterator[Item]:
    record_id = m.control_id(record)
    if not record_id:
        yield ctx.issue(locator, "001", "the record has no control number (001) or system number (035); skipped")
        return
    locator = f"{locator} ({record_id})"
    obj = marc_object(record, record_id, ctx, locator, circa)
    yield Read(obj, locator, date_warnings(ctx, obj, locator, "264$c"))
    yield from creator_people(obj, locator, qualified=False)


def marc_object(record: pymarc.Record, record_id: str, ctx: ReadContext, locator: str, circa: int) -> ObjectRecord:
    words, form, published = m.type_of(record)
    date, imprint = m.publication(record, circa)
    images, page = m.links(record)
    holding = m.first(record, "852")
    shelf = " ".join(v for v in (m.sub(holding, "h"), m.sub(holding, "i")) if v) or None
    call = shelf or m.sub(m.first(record, "099"), "a") or m.sub(m.first(record, "050"), "a")
    return ObjectRecord(
        id=record_id, accession_number=call, identifiers=m.identifiers(record), titles=m.titles(record),
        creators=m.creators(record, circa), date=date,
        published=published if published is not None else (True if imprint or date.is_known else None),
        publication_date=UNKNOWN if published is False else date, object_type=words, form=form,
        medium=m.tidy(m.sub(m.first(record, "340"), "a")),
        dimensions=_dimensions(record), rights_statement=m.notes(record, "540"), images=images,
        subjects=m.subjects(record), description=m.notes(record, "520"), institution=m.sub(holding, "a"),
        url=page, languages=m.languages(record), extra=m.extra(record), provenance=MARC_PROVENANCE,
        source=SourceRef(ctx.display, locator),
    )  # fmt: skip


def _dimensions(record: pymarc.Record) -> Dimensions | None:
    text = m.tidy(m.sub(m.first(record, "300"), "c"))
    return Dimensions(text=text) if text else None
