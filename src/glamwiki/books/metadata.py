"""What a book's pages on Commons and Wikisource say about it, read once from its manifest.

The descriptive record comes from the intake stage's IIIF reader (``manifest_object``: label,
creators, date, rights, credit line), so a book published from a manifest says what an ingested
record of it says; publisher, place and language come from the manifest's metadata pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glamwiki.books.pages import Book
from glamwiki.dates.parse import parse_date
from glamwiki.intake.iiif_fields import manifest_object, metadata_pairs
from glamwiki.intake.iiif_values import texts
from glamwiki.model.records import ObjectRecord

# Language names seen in library catalogues → ISO 639 codes (Wikisource subdomains use these).
LANGUAGE_CODES = {
    "english": "en", "welsh": "cy", "cymraeg": "cy", "scottish gaelic": "gd", "gaelic": "gd",
    "gàidhlig": "gd", "scots": "sco", "irish": "ga", "french": "fr", "français": "fr", "german": "de",
    "deutsch": "de", "latin": "la", "arabic": "ar", "italian": "it", "spanish": "es", "dutch": "nl",
}  # fmt: skip
_PUBLISHER = ("publisher", "published by", "publication/creation", "imprint", "journal details")
_PLACE = ("place", "place of publication", "city")
_LANGUAGE = ("language", "languages")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


@dataclass
class BookMeta:
    record: ObjectRecord
    title: str
    authors: list[str] = field(default_factory=list)
    date: str = ""
    year: str = ""
    publisher: str = ""
    place: str = ""
    language: str = ""  # ISO code, "" when unknown
    manifest_url: str = ""


def book_meta(book: Book, language: str | None = None) -> BookMeta:
    doc = book.doc or {}
    record_id = book.manifest_id or book.source
    record = manifest_object(doc, record_id, "books", book.source, 5) if doc else ObjectRecord(id=record_id)
    pairs = metadata_pairs(doc)
    date = record.date.text or _first(pairs, ("date",)) or ""
    if re.fullmatch(r"\d{4}-01-01(T00:00:00Z?)?", date):  # a IIIF navDate at 1 January stands for the year
        date = date[:4]
        record.date = parse_date(date)
    year = _YEAR.search(date or _first(pairs, _PUBLISHER) or "")
    url = book.manifest_id if (book.manifest_id or "").startswith(("http://", "https://")) else ""
    return BookMeta(
        record=record,
        title=record.title or book.label,
        authors=[c.name for c in record.creators],
        date=date,
        year=year.group(1) if year else "",
        publisher=_first(pairs, _PUBLISHER),
        place=_first(pairs, _PLACE),
        language=language or language_code(_first(pairs, _LANGUAGE) or next(iter(record.languages), "")),
        manifest_url=url or "",
    )


def language_code(name: str) -> str:
    name = name.strip().lower()
    if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", name):
        return name
    return LANGUAGE_CODES.get(name, "")


def _first(pairs: dict[str, list[str]], labels: tuple[str, ...]) -> str:
    for label in labels:
        if pairs.get(label):
            return texts(pairs[label])[0]
    return ""
