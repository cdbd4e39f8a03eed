"""A planned Commons page as a curator reads it: the information template's fields as Commons lays
them out (a field, its value), the licence and categories, and the structured data statements with
their property names — instead of raw wikitext (which stays on the page, folded, for those who
read it). Reads the wikitext with mwparserfromhell; draws nothing as HTML (the template escapes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import Template, Wikilink

from glamwiki.store.publishing import PlanItem
from glamwiki.wikimedia.readable import NAMES, snak_text

# The information templates a planned page starts with (Commons: Template:Information,
# Template:Artwork, Template:Photograph, Template:Book).
INFOBOXES = ("information", "artwork", "photograph", "book", "art photo")
LANGUAGE_CODES = 3  # {{en|1=...}}: a language template's name is a code of 2-3 letters


@dataclass
class PlannedPage:
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # field, value as text
    licences: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    statements: list[tuple[str, str, str]] = field(default_factory=list)  # property id, its name, value
    captions: list[tuple[str, str]] = field(default_factory=list)  # language, caption
    wikitext: str = ""


def planned_page(item: PlanItem) -> PlannedPage:
    page = PlannedPage(item.title, wikitext=item.wikitext)
    code = mwparserfromhell.parse(item.wikitext)
    for template in code.filter_templates(recursive=False):
        name = _name(template)
        if name.lower() in INFOBOXES and not page.fields:
            page.fields = [(str(p.name).strip(), _text(p.value)) for p in template.params if _text(p.value)]
        elif name.lower() not in INFOBOXES:
            page.licences.append(_text(mwparserfromhell.parse(str(template))))
    page.categories = [str(link.title).split(":", 1)[1].strip() for link in code.filter_wikilinks()
                       if str(link.title).strip().lower().startswith("category:")]  # fmt: skip
    _structured(page, item.sdc_data)
    return page


def _structured(page: PlannedPage, data: dict[str, Any]) -> None:
    page.captions = sorted((lang, str(v.get("value", ""))) for lang, v in (data.get("labels") or {}).items())
    for claim in data.get("claims") or []:
        snak = claim.get("mainsnak") or {}
        prop = str(snak.get("property", ""))
        page.statements.append((prop, NAMES.get(prop, prop), snak_text(snak)))


def _name(template: Template) -> str:
    return str(template.name).strip()


def _text(value: Any) -> str:
    """A parameter's value as a reader sees it: a language template's text, a creator's name,
    a link's label; other templates shown by name and arguments (``circa 1840``)."""
    parts: list[str] = []
    for node in mwparserfromhell.parse(str(value)).nodes:
        if isinstance(node, Template):
            parts.append(_template_text(node))
        elif isinstance(node, Wikilink):
            parts.append(str(node.text or node.title).strip())
        else:
            parts.append(str(node))
    return " ".join(" ".join(parts).split())


def _template_text(node: Template) -> str:
    name = _name(node)
    args = [_text(p.value) for p in node.params]
    if name.lower().startswith("creator:"):
        return name.split(":", 1)[1]
    if len(name) <= LANGUAGE_CODES and name.isalpha() and name.islower() and args:
        return args[-1]
    return " ".join([name, *args]).strip()
