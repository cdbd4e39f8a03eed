"""MARCXML (the Library of Congress "MARC 21 XML Schema", namespace .../MARC21/slim): a
<collection> of <record>s, read safely and in constant memory, then mapped exactly as binary
MARC is (see marc.py). OAI-PMH repositories offering marc21/marcxml are read through here too."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from pymarc import Field, Indicators, Leader, Record, Subfield

from glamwiki.intake.base import Item, ReadContext
from glamwiki.intake.marc import marc_items
from glamwiki.intake.textio import open_binary
from glamwiki.intake.xmlsafe import iter_elements

MARC_NS = "http://www.loc.gov/MARC21/slim"
RECORD = f"{{{MARC_NS}}}record"


def read_marcxml(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    with open_binary(ctx.path) as stream:
        for n, elem in enumerate(iter_elements(stream, frozenset({RECORD}), ctx.display), start=1):
            yield from marc_items(to_pymarc(elem), ctx, f"record {n}", circa)


def to_pymarc(elem: Element) -> Record:
    record = Record()
    leader = elem.findtext(f"{{{MARC_NS}}}leader")
    if leader and len(leader) == 24:
        record.leader = Leader(leader)
    for child in elem:
        tag = child.get("tag", "")
        if child.tag == f"{{{MARC_NS}}}controlfield":
            record.add_field(Field(tag=tag, data=child.text or ""))
        elif child.tag == f"{{{MARC_NS}}}datafield":
            subfields = [Subfield(s.get("code", ""), s.text or "") for s in child if s.tag.endswith("subfield")]
            indicators = Indicators(child.get("ind1", " ") or " ", child.get("ind2", " ") or " ")
            record.add_field(Field(tag=tag, indicators=indicators, subfields=subfields))
    return record
