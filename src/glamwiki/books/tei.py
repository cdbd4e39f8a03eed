"""The transcribed book as a TEI P5 document for the library's catalogue: a ``<pb n="label"
facs="canvas"/>`` before each page (the library's page label and the IIIF canvas it was read from),
the page's paragraphs as ``<p>``, and a header saying where the text was transcribed.

The document is checked against the Bodleian consolidated TEI schema (``schema/msdesc.rng``), the
schema the shared Wellcome TEI names, with lxml's RELAX NG validator.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from lxml import etree

from glamwiki.books.errors import BookError
from glamwiki.books.pages import Page
from glamwiki.books.text import PageText
from glamwiki.publishing.wikitext import clean_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA = "msdesc.rng"
SCHEMA_URL = "https://raw.githubusercontent.com/bodleian/consolidated-tei-schema/master/msdesc.rng"


def _el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{TEI_NS}}}{name}", {k: v for k, v in attrs.items() if v})
    if text:
        el.text = _xml_text(text)
    return el


def _xml_text(text: str) -> str:
    """Text XML can hold (no control characters), normalised as the publishing stage does."""
    return clean_text(text)


def tei_document(title: str, pages: Sequence[Page], texts: Iterable[PageText], *, source: str, wiki: str,
                 index: str, language: str = "", when: datetime | None = None) -> etree._ElementTree:  # fmt: skip
    """A TEI document: every page of the book in order (a page not transcribed yet is a bare ``<pb/>``)."""
    by_number = {t.number: t for t in texts}
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    if language:
        root.set(f"{{{XML_NS}}}lang", language)
    _header(root, title, source=source, wiki=wiki, index=index, when=when or datetime.now(UTC))
    div = _el(_el(_el(root, "text"), "body"), "div")
    for page in pages:
        _el(div, "pb", n=page.label or str(page.number), facs=page.canvas if "://" in page.canvas else "")
        found = by_number.get(page.number)
        for para in found.text.split("\n\n") if found and found.text else []:
            p = _el(div, "p")
            lines = [line for line in para.split("\n") if line.strip()]
            p.text = _xml_text(lines[0]) if lines else ""
            for line in lines[1:]:
                lb = _el(p, "lb")
                lb.tail = _xml_text(line)
    return etree.ElementTree(root)


def _header(root: etree._Element, title: str, *, source: str, wiki: str, index: str, when: datetime) -> None:
    file_desc = _el(_el(root, "teiHeader"), "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", title or index)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "p", f"Transcribed and proofread on Wikisource ({wiki}, {index}); "
                          f"exported {when:%Y-%m-%d}.")  # fmt: skip
    _el(_el(file_desc, "sourceDesc"), "p", f"Page images: {source}" if source else "Page images: not recorded")


def schema() -> etree.RelaxNG:
    path = resources.files("glamwiki.books") / "schema" / SCHEMA
    with resources.as_file(path) as local:
        return etree.RelaxNG(etree.parse(str(local)))


def validate(doc: etree._ElementTree) -> list[str]:
    """Schema errors (line: message), empty when the document is valid."""
    rng = schema()
    if rng.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in rng.error_log]


def write_tei(doc: etree._ElementTree, out: Path) -> None:
    errors = validate(doc)
    if errors:
        raise BookError(f"{out}: the TEI does not validate against {SCHEMA}: {'; '.join(errors[:3])}")
    pi = etree.ProcessingInstruction(
        "xml-model", f'href="{SCHEMA_URL}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'
    )
    doc.getroot().addprevious(pi)
    out.write_bytes(etree.tostring(doc, xml_declaration=True, encoding="utf-8", pretty_print=True))
