"""File page wikitext: {{Artwork}}, {{Photograph}}, {{Book}} or {{Information}}, licence tags from
the rights stage, and categories. Every catalogue value is escaped (see wikitext.py).

Parameters follow each template's documentation: https://commons.wikimedia.org/wiki/Template:Artwork,
https://commons.wikimedia.org/wiki/Template:Photograph, https://commons.wikimedia.org/wiki/Template:Book;
the institution as ``{{Institution:Name}}`` (https://commons.wikimedia.org/wiki/Commons:Institution_templates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from glamwiki.model.records import FORM_2D, FORM_3D, FORM_PHOTOGRAPH, FORM_TEXT, ObjectRecord
from glamwiki.model.rights import RightsDecision
from glamwiki.publishing.creators import artists_and_authors, category_creators, qid_of
from glamwiki.publishing.datefields import date_wikitext
from glamwiki.publishing.vocab import TYPES, SubjectEntry, object_type, subject_entries
from glamwiki.publishing.wikitext import category, escape, external_link, in_language, is_licence_tag, template
from glamwiki.publishing.wikitext import language as lang_code

__all__ = ["PageSettings", "categories", "file_page", "is_untitled", "qid_of", "readable_title", "template_for"]

_UNTITLED = re.compile(r"^\s*[\[(]?\s*(?:title not known|untitled|no title|sans titre|ohne titel)\s*[\])]?\s*$", re.I)
_NOT_KNOWN = re.compile(r"\[\s*title not known\s*\]", re.I)  # Tate: "[title not known] Verso: Sketches"
_TEMPLATE_NAME = re.compile(r"^[^#<>\[\]|{}]{1,120}$")


@dataclass
class PageSettings:
    institution: str = ""
    language: str = "en"
    categories: Sequence[str] = ("Files from {institution}",)
    extra_categories: Sequence[str] = field(default_factory=tuple)
    institution_template: str = ""  # "Tate" -> {{Institution:Tate}}; "" = the record's extra, else plain text
    creator_category: str = "{type_plural} by {creator}"  # "" to leave creator categories out
    group_category: str = "{catalogue_group} ({catalogue_group_type})"
    tracking_category: str = "Uploaded with glamwiki batch {batch}"
    subjects: dict[str, SubjectEntry] = field(default_factory=dict)


def is_untitled(title: str) -> bool:
    return bool(_UNTITLED.match(title or ""))


def readable_title(title: str) -> str:
    """A catalogue's "[title not known]" placeholder inside a longer title becomes "Untitled"."""
    return _NOT_KNOWN.sub("Untitled", title or "")


def template_for(record: ObjectRecord) -> str:
    if record.form == FORM_PHOTOGRAPH or object_type(record) == "photograph":
        return "Photograph"
    if record.form in (FORM_2D, FORM_3D):
        return "Artwork"
    if record.form == FORM_TEXT:
        return "Book"
    return "Information"


def dimensions_text(record: ObjectRecord) -> str:
    """``{{Size}}`` (https://commons.wikimedia.org/wiki/Template:Size) of the work, never of its frame."""
    dims = record.dimensions
    if dims is None:
        return ""
    if dims.unit in ("cm", "mm", "m", "in") and dims.height and dims.width:
        params = [("unit", dims.unit), ("height", f"{dims.height:g}"), ("width", f"{dims.width:g}")]
        if dims.depth:
            params.append(("depth", f"{dims.depth:g}"))
        return template("Size", params, multiline=False)
    return escape(dims.text)


def _titles(record: ObjectRecord, default_lang: str) -> str:
    kept = [t for t in record.titles if t.kind in ("main", "foreign") and not is_untitled(t.text)]
    if not kept:
        return "{{en|1=Untitled}}" if record.titles else ""
    return " ".join(p for p in (in_language(readable_title(t.text), t.lang or default_lang) for t in kept) if p)


def institution_text(record: ObjectRecord, settings: PageSettings) -> str:
    name = settings.institution_template or record.extra.get("institution_template", "")
    if name and _TEMPLATE_NAME.match(name):
        return f"{{{{Institution:{name.strip()}}}}}"
    return escape(record.institution or settings.institution)


def _common(record: ObjectRecord, settings: PageSettings) -> dict[str, str]:
    institution = record.institution or settings.institution
    source = external_link(record.url, f"{institution} {record.accession_number or record.id}".strip())
    artist, author = artists_and_authors(list(record.creators))
    return {
        "creator": artist,
        "author": author,
        "title": _titles(record, settings.language),
        "description": in_language(record.description, settings.language),
        "date": date_wikitext(record.date),
        "medium": escape(record.medium),
        "dimensions": dimensions_text(record),
        "institution": institution_text(record, settings),
        "department": escape(record.department),
        "accession": escape(record.accession_number),
        "credit": escape(record.credit_line),
        "source": source or escape(institution),
        "wikidata": qid_of(record.identifiers) or "",
        "object_type": escape(object_type(record) or record.object_type),
        "inscriptions": escape(record.extra.get("inscription")),
    }


# Parameters of each file-description template, filled from the escaped catalogue values.
_MUSEUM = ("description", "date", "medium", "dimensions", "institution", "department", "accession", "credit",
           "inscriptions", "source", "wikidata")  # fmt: skip
_LABELS = {"accession": "accession number", "credit": "credit line"}
TEMPLATE_PARAMS: dict[str, tuple[tuple[str, str], ...]] = {
    "Artwork": (("artist", "creator"), ("author", "author"), ("title", "title"), ("object type", "object_type"),
                *((_LABELS.get(k, k), k) for k in _MUSEUM)),
    "Photograph": (("photographer", "creator"), ("title", "title"), *((_LABELS.get(k, k), k) for k in _MUSEUM)),
    "Book": (("Author", "creator"), ("Title", "title"), ("Description", "description"), ("Date", "date"),
             ("Language", "language"), ("Source", "source"), ("Wikidata", "wikidata")),
}  # fmt: skip


def information_block(record: ObjectRecord, settings: PageSettings) -> str:
    v = _common(record, settings)
    v["language"] = lang_code(record.languages[0] if record.languages else None, settings.language)
    name = template_for(record)
    if name == "Book" and v["author"]:
        v["creator"] = "; ".join(p for p in (v["author"], v["creator"]) if p)
    if name in TEMPLATE_PARAMS:
        return template(name, [(param, v[key]) for param, key in TEMPLATE_PARAMS[name]])
    description = " ".join(p for p in (v["title"], v["description"]) if p)
    params = [("description", description), ("date", v["date"]), ("source", v["source"])]
    params.append(("author", v["creator"] or "{{unknown|author}}"))
    return template(name, params)


def licence_block(decision: RightsDecision) -> str:
    tags = [t.strip() for t in decision.templates if is_licence_tag(t)]
    if not tags:
        from glamwiki.publishing.errors import PublishError

        raise PublishError(
            f"The rights decision for {decision.record_id} has no usable licence tag "
            f"(got {decision.templates!r}); fix the rights stage output before publishing."
        )
    return "\n".join(tags)


def _format(pattern: str, fields: dict[str, str]) -> str:
    try:
        return pattern.format(**fields) if pattern else ""
    except (KeyError, ValueError, IndexError):
        return ""


def categories(record: ObjectRecord, settings: PageSettings, fields: dict[str, str]) -> list[str]:
    names = [_format(p, fields) for p in (*settings.categories, *settings.extra_categories)]
    kind = object_type(record)
    for creator in category_creators(list(record.creators)):
        if creator.identifiers.get("commons_category"):
            names.append(creator.identifiers["commons_category"])
        elif kind and settings.creator_category:
            names.append(_format(settings.creator_category, {**fields, "type_plural": TYPES[kind],
                                                              "creator": creator.name}))  # fmt: skip
    if record.extra.get("catalogue_group"):
        group = {"catalogue_group": record.extra["catalogue_group"],
                 "catalogue_group_type": record.extra.get("catalogue_group_type", "")}  # fmt: skip
        names.append(_format(settings.group_category, {**fields, **group}).replace(" ()", ""))
    names += [e.category for e in subject_entries(record, settings.subjects) if e.category]
    for key in ("commons_category", "category"):
        if record.extra.get(key):
            names.append(record.extra[key])
    if fields.get("batch") and settings.tracking_category:
        names.append(_format(settings.tracking_category, fields))
    seen: dict[str, str] = {}
    for name in names:
        link = category(name) if name and name.strip() else ""
        if link and link.lower() not in seen:
            seen[link.lower()] = link
    return list(seen.values())


def file_page(
    record: ObjectRecord, decision: RightsDecision, settings: PageSettings, fields: dict[str, str], batch: str = ""
) -> str:
    fields = {**fields, "batch": batch or fields.get("batch", "")}
    lines = [
        "=={{int:filedesc}}==",
        information_block(record, settings),
        "",
        "=={{int:license-header}}==",
        licence_block(decision),
        "",
        *categories(record, settings, fields),
    ]
    return "\n".join(lines).rstrip() + "\n"
