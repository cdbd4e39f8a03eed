"""File page wikitext: {{Artwork}}, {{Photograph}}, {{Book}} or {{Information}}, licence tags from
the rights stage, and categories. Every catalogue value is escaped (see wikitext.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from glamwiki.model.records import FORM_2D, FORM_3D, FORM_PHOTOGRAPH, FORM_TEXT, CreatorRef, ObjectRecord
from glamwiki.model.rights import RightsDecision
from glamwiki.publishing import ids
from glamwiki.publishing.wikitext import category, escape, external_link, in_language, is_licence_tag, template
from glamwiki.publishing.wikitext import language as lang_code

_QID = re.compile(r"^Q[1-9]\d*$")


@dataclass
class PageSettings:
    institution: str = ""
    language: str = "en"
    categories: Sequence[str] = ("Files from {institution}",)
    extra_categories: Sequence[str] = field(default_factory=tuple)


def qid_of(identifiers: dict[str, str]) -> str | None:
    for key in ids.WIKIDATA_KEYS:
        value = identifiers.get(key, "").rsplit("/", 1)[-1].strip()
        if _QID.match(value):
            return value
    return None


def template_for(record: ObjectRecord) -> str:
    if record.form in (FORM_2D, FORM_3D):
        return "Artwork"
    if record.form == FORM_PHOTOGRAPH:
        return "Photograph"
    if record.form == FORM_TEXT:
        return "Book"
    return "Information"


def creator_text(creator: CreatorRef) -> str:
    qid = qid_of(creator.identifiers)
    if qid:
        return f"{{{{Creator|Wikidata={qid}}}}}"
    name = escape(creator.name)
    if creator.attribution:
        name = f"{escape(creator.attribution)} {name}"
    years = _life_years(creator)
    return f"{name} {years}".strip()


def _life_years(creator: CreatorRef) -> str:
    born, died = creator.birth.earliest_year, creator.death.latest_year
    if born is None and died is None:
        return ""
    return f"({born if born is not None else '?'}–{died if died is not None else '?'})"


def date_text(record: ObjectRecord) -> str:
    interval = record.date
    if interval.is_exact_year and interval.earliest and interval.earliest == interval.latest:
        return interval.earliest.lstrip("+")
    if interval.is_exact_year and not interval.qualifiers:
        return str(interval.earliest_year)
    return escape(interval.text)


def dimensions_text(record: ObjectRecord) -> str:
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
    parts = [in_language(t.text, t.lang or default_lang) for t in record.titles if t.kind in ("main", "foreign")]
    return " ".join(p for p in parts if p)


def _common(record: ObjectRecord, settings: PageSettings) -> dict[str, str]:
    institution = record.institution or settings.institution
    source = external_link(record.url, f"{institution} {record.accession_number or record.id}".strip())
    return {
        "creator": "; ".join(creator_text(c) for c in record.creators if c.name),
        "title": _titles(record, settings.language),
        "description": in_language(record.description, settings.language),
        "date": date_text(record),
        "medium": escape(record.medium),
        "dimensions": dimensions_text(record),
        "institution": escape(institution),
        "department": escape(record.department),
        "accession": escape(record.accession_number),
        "credit": escape(record.credit_line),
        "source": source or escape(institution),
        "wikidata": qid_of(record.identifiers) or "",
        "object_type": escape(record.object_type),
    }


# Parameters of each file-description template, filled from the escaped catalogue values.
_MUSEUM = ("description", "date", "medium", "dimensions", "institution", "department", "accession", "credit", "source",
           "wikidata")  # fmt: skip
_LABELS = {"accession": "accession number", "credit": "credit line"}
TEMPLATE_PARAMS: dict[str, tuple[tuple[str, str], ...]] = {
    "Artwork": (("artist", "creator"), ("title", "title"), ("object type", "object_type"),
                *((_LABELS.get(k, k), k) for k in _MUSEUM)),
    "Photograph": (("photographer", "creator"), ("title", "title"), *((_LABELS.get(k, k), k) for k in _MUSEUM)),
    "Book": (("Author", "creator"), ("Title", "title"), ("Description", "description"), ("Date", "date"),
             ("Language", "language"), ("Source", "source"), ("Wikidata", "wikidata")),
}  # fmt: skip


def information_block(record: ObjectRecord, settings: PageSettings) -> str:
    v = _common(record, settings)
    v["language"] = lang_code(record.languages[0] if record.languages else None, settings.language)
    name = template_for(record)
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


def categories(record: ObjectRecord, settings: PageSettings, fields: dict[str, str]) -> list[str]:
    names = []
    for pattern in (*settings.categories, *settings.extra_categories):
        try:
            names.append(pattern.format(**fields))
        except (KeyError, ValueError, IndexError):
            continue
    for key in ("commons_category", "category"):
        if record.extra.get(key):
            names.append(record.extra[key])
    for creator in record.creators:
        if creator.identifiers.get("commons_category"):
            names.append(creator.identifiers["commons_category"])
    seen: dict[str, str] = {}
    for name in names:
        link = category(name) if name.strip() else ""
        if link and link.lower() not in seen:
            seen[link.lower()] = link
    return list(seen.values())


def file_page(
    record: ObjectRecord, decision: RightsDecision, settings: PageSettings, fields: dict[str, str], batch: str = ""
) -> str:
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
