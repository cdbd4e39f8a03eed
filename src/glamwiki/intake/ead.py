"""EAD finding aids (EAD 2002 and EAD3): the collection (archdesc) and every component (c, c01-c12)
become object records. Components are read as they end, so a finding aid of any size streams.
A component inherits what the archive states once for the whole: its creator (origination), use
conditions and repository, from the nearest ancestor that gives them; extra.parent links the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

from glamwiki.intake import ead_fields as e
from glamwiki.intake.base import WARNING, Item, Read, ReadContext
from glamwiki.intake.forms import infer_form
from glamwiki.intake.textio import open_binary
from glamwiki.intake.xmlsafe import iter_with_ancestors, local, text_of
from glamwiki.model.records import IMAGE_URL, ImageRef, ObjectRecord, SourceRef, Title

EAD_PROVENANCE = {
    "id": "did/unitid (else @id)", "titles": "did/unittitle", "date": "did/unitdate @normal (EAD3 unitdatestructured)",
    "creators": "did/origination, inherited", "rights_statement": "userestrict, inherited",
    "description": "scopecontent", "images": "dao @xlink:href", "institution": "archdesc did/repository",
    "subjects": "controlaccess", "object_type": "@level, genreform",
}  # fmt: skip


def read_ead(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    ids: dict[int, str] = {}  # id(element) of open units -> record id, so children can name their parent
    with open_binary(ctx.path) as stream:
        for n, (unit, ancestors) in enumerate(iter_with_ancestors(stream, e.is_unit, ctx.display), start=1):
            units = [a for a in ancestors if e.is_unit(a.tag)]
            record_id = _record_id(unit, units, ids, n)
            yield from _unit_items(unit, units, record_id, ids.get(id(units[-1])) if units else None,
                                   ctx, f"component {n} ({record_id})", circa)  # fmt: skip


def _record_id(unit: Element, units: list[Element], ids: dict[int, str], n: int) -> str:
    for u in [*units, unit]:
        if id(u) not in ids:
            ids[id(u)] = e.did_text(u, "unitid") or u.get("id") or f"unit-{n}"
    return ids[id(unit)]


def _unit_items(unit: Element, units: list[Element], record_id: str, parent: str | None, ctx: ReadContext,
                locator: str, circa: int) -> Iterator[Item]:  # fmt: skip
    title = e.did_text(unit, "unittitle")
    inherited = [unit, *reversed(units)]
    creators = next((c for c in (e.originators(u) for u in inherited) if c), [])
    level = unit.get("level") or ("collection" if local(unit.tag) == "archdesc" else None)
    genre = ", ".join(text_of(g) or "" for g in e.descendants(e.child(unit, "controlaccess"), {"genreform"}))
    extent = text_of(e.child(e.child(unit, "did"), "physdesc"))
    obj = ObjectRecord(
        id=record_id, accession_number=e.did_text(unit, "unitid"), identifiers={"ead": record_id},
        titles=[Title(title)] if title else [], creators=creators, date=e.unit_date(unit, circa),
        object_type=", ".join(v for v in (level, genre) if v) or None,
        form=infer_form(genre, extent, title),
        rights_statement=_inherited(inherited, lambda u: e.note(u, "userestrict")),
        images=[ImageRef(IMAGE_URL, href) for href in e.digital_objects(unit)],
        subjects=e.subjects(unit), description=e.note(unit, "scopecontent"),
        institution=_inherited(inherited, lambda u: text_of(e.child(e.child(u, "did"), "repository"))),
        languages=_languages(unit),
        extra={k: v for k, v in {"level": level or "", "parent": parent or "", "extent": extent or ""}.items() if v},
        provenance=EAD_PROVENANCE, source=SourceRef(ctx.display, locator),
    )  # fmt: skip
    warnings = []
    if not title:
        warnings.append(ctx.issue(locator, "unittitle", "the unit has no title", WARNING))
    if obj.date.text and not obj.date.is_known:
        warnings.append(ctx.issue(locator, "unitdate", f"date {obj.date.text!r} could not be read", WARNING))
    yield Read(obj, locator, warnings)


def _inherited(units: list[Element], get: Callable[[Element], str | None]) -> str | None:
    """The value of the nearest unit (this one first, then its ancestors) that gives one."""
    return next((v for v in (get(u) for u in units) if v), None)


def _languages(unit: Element) -> list[str]:
    found = e.descendants(e.child(e.child(unit, "did"), "langmaterial"), {"language"})
    return [x.get("langcode") or "" for x in found if x.get("langcode")]
