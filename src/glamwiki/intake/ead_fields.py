"""Parts of an EAD description unit (<did> and its siblings), for EAD 2002 (with or without its
namespace) and EAD3, following the Library of Congress EAD tag libraries."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from glamwiki.dates import parse_lifespan
from glamwiki.intake.names import agent_kind, invert_name
from glamwiki.intake.xmldates import bounded
from glamwiki.intake.xmlsafe import local, text_of
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import GROUP, ORGANISATION, CreatorRef, Subject

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_COMPONENT = re.compile(r"^c(0[1-9]|1[0-2])?$")
_TRAILING_LIFE = re.compile(r"^(?P<name>.+?),?\s+(?P<life>(?:b\.|d\.|fl\.|active|c\.)?\s*\d{3,4}\s*[-–]?\s*\d{0,4})$")
AGENT_TAGS = {"persname": None, "corpname": ORGANISATION, "famname": GROUP, "name": None}


def is_unit(tag: str) -> bool:
    name = local(tag)
    return name == "archdesc" or bool(_COMPONENT.match(name))


def child(elem: Element | None, name: str) -> Element | None:
    if elem is None:
        return None
    return next((c for c in elem if local(c.tag) == name), None)


def children(elem: Element | None, name: str) -> list[Element]:
    return [c for c in elem if local(c.tag) == name] if elem is not None else []


def descendants(elem: Element | None, names: set[str]) -> list[Element]:
    return [e for e in elem.iter() if local(e.tag) in names] if elem is not None else []


def did_text(unit: Element, name: str) -> str | None:
    return text_of(child(child(unit, "did"), name))


def unit_date(unit: Element, circa: int) -> DateInterval:
    did = child(unit, "did")
    found = child(did, "unitdate")
    if found is not None:
        normal = (found.get("normal") or "").split("/")
        return bounded(text_of(found), normal[0] or None, normal[-1] or None, circa)
    structured = child(did, "unitdatestructured")  # EAD3
    if structured is not None:
        dates = [d.get("standarddate") for d in structured.iter() if d.get("standarddate")]
        shown = structured.get("altrender") or " – ".join(text_of(d) or "" for d in structured.iter() if text_of(d))
        return bounded(shown or None, dates[0] if dates else None, dates[-1] if dates else None, circa)
    return UNKNOWN


def originators(unit: Element) -> list[CreatorRef]:
    out = []
    for orig in children(child(unit, "did"), "origination"):
        for agent in orig.iter():
            name = local(agent.tag)
            if name in AGENT_TAGS and text_of(agent):
                out.append(_agent(agent, AGENT_TAGS[name]))
    return out


def _agent(agent: Element, kind: str | None) -> CreatorRef:
    raw = text_of(agent) or ""
    m = _TRAILING_LIFE.match(raw)
    birth = death = UNKNOWN
    if m:
        life = parse_lifespan(m["life"])
        raw, birth, death = m["name"], life.birth, life.death
    name = invert_name(raw) if kind is None and raw.count(",") == 1 else raw
    ids: dict[str, str] = {}
    number = agent.get("authfilenumber") or agent.get("identifier")
    if number:
        ids[(agent.get("source") or "authority").lower()] = number
    return CreatorRef(name=name, role="creator", kind=kind or agent_kind(name), birth=birth, death=death,
                      identifiers=ids)  # fmt: skip


def subjects(unit: Element) -> list[Subject]:
    kinds = {"subject": "topic", "persname": "person", "corpname": "topic", "famname": "person",
             "geogname": "place", "genreform": "topic", "occupation": "topic", "function": "topic"}  # fmt: skip
    out = []
    for access in children(unit, "controlaccess"):
        for e in access.iter():
            if local(e.tag) in kinds and text_of(e):
                out.append(Subject(text_of(e) or "", kinds[local(e.tag)], e.get("authfilenumber")))
    return out


def digital_objects(unit: Element) -> list[str]:
    links = []
    for e in descendants(child(unit, "did"), {"dao", "daoloc"}) + children(unit, "dao"):
        href = e.get(XLINK_HREF) or e.get("href")
        if href and href.startswith(("http://", "https://")):
            links.append(href)
    return links


def note(unit: Element, name: str, limit: int = 4000) -> str | None:
    found = text_of(child(unit, name))
    return found[:limit] if found else None
