"""LIDO 1.0 and 1.1 elements to the record model.

Paths follow the LIDO schema (lido-schema.org, v1.0 and v1.1): descriptiveMetadata holds what the
object is (titles, types, events with their actors, dates and materials, measurements, subjects);
administrativeMetadata holds rights, the record's links and the resources (images). LIDO 1.1
may give a vocabulary term as a SKOS concept instead of lido:term/conceptID; both are read.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from glamwiki.intake.authorities import authority_ids
from glamwiki.intake.names import agent_kind, invert_name, split_attribution
from glamwiki.intake.xmldates import bounded
from glamwiki.intake.xmlsafe import XML_LANG, text_of
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import (
    GROUP,
    IMAGE_URL,
    ORGANISATION,
    PERSON,
    CreatorRef,
    Dimensions,
    ImageRef,
    Subject,
    Title,
)

LIDO = "http://www.lido-schema.org"
NS = {
    "lido": LIDO,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
LIDO_TYPE = f"{{{LIDO}}}type"
LIDO_PREF = f"{{{LIDO}}}pref"
D = "lido:descriptiveMetadata/"
A = "lido:administrativeMetadata/"

# An event is the object's making when its type says so (LIDO terminology, museum-digital, CIDOC-CRM
# or the words catalogues use).
_MAKING = re.compile(
    r"production|creation|lido0000[7]|lido00224|lido01127|E12_Production|event-types\.museum-digital\.org/(?:1|7|10)$|"
    r"herstellung|hergestellt|gezeichnet|entwurf|entworfen|verfasst|designing|fotografische aufnahme|aufgenommen|"
    r"gemalt|geschaffen",
    re.IGNORECASE,
)
_ACTOR_TYPES = {
    "lido00163": PERSON, "person": PERSON, "lido00413": ORGANISATION, "organization": ORGANISATION,
    "corporation": ORGANISATION, "corporate body": ORGANISATION, "family": GROUP, "group": GROUP,
}  # fmt: skip
_DIMENSION_WORDS = {
    "height": ("höhe", "height", "h"), "width": ("breite", "width", "b", "w"), "depth": ("tiefe", "depth", "t", "d"),
}  # fmt: skip
_PREFERRED = ("preferred", "lido00169")


def term(elem: Element | None, lang: str = "en") -> str | None:
    """A vocabulary term: lido:term (preferred language first) or a SKOS prefLabel."""
    if elem is None:
        return None
    terms = elem.findall("lido:term", NS) or elem.findall("skos:Concept/skos:prefLabel", NS)
    terms = [t for t in terms if text_of(t)]
    if not terms:
        return None
    for t in terms:
        if t.get(XML_LANG) == lang:
            return text_of(t)
    return text_of(terms[0])


def concept(elem: Element | None) -> str | None:
    if elem is None:
        return None
    found = elem.find("lido:conceptID", NS)
    if found is not None and text_of(found):
        return text_of(found)
    skos = elem.find("skos:Concept", NS)
    return skos.get(RDF_ABOUT) if skos is not None else None


def first_text(elem: Element, path: str) -> str | None:
    for found in elem.iterfind(path, NS):
        value = text_of(found)
        if value:
            return value
    return None


def all_text(elem: Element, path: str) -> list[str]:
    return [v for v in (text_of(e) for e in elem.iterfind(path, NS)) if v]


def appellation(elem: Element | None) -> str | None:
    """The preferred appellationValue of a set (LIDO's pref="preferred" or the first)."""
    if elem is None:
        return None
    values = elem.findall("lido:appellationValue", NS)
    for v in values:
        if (v.get(LIDO_PREF) or "").endswith(_PREFERRED) and text_of(v):
            return text_of(v)
    return next((text_of(v) for v in values if text_of(v)), None)


def titles(rec: Element, default_lang: str | None) -> list[Title]:
    out: list[Title] = []
    for tset in rec.iterfind(D + "lido:objectIdentificationWrap/lido:titleWrap/lido:titleSet", NS):
        for v in tset.findall("lido:appellationValue", NS):
            text = text_of(v)
            if text:
                pref = v.get(LIDO_PREF) or ""
                kind = "alternative" if out or (pref and not pref.endswith(_PREFERRED)) else "main"
                out.append(Title(text, v.get(XML_LANG) or default_lang, kind))
    if out and all(t.kind != "main" for t in out):
        out[0] = Title(out[0].text, out[0].lang, "main")
    return out


def making_events(rec: Element) -> list[Element]:
    events = list(rec.iterfind(D + "lido:eventWrap/lido:eventSet/lido:event", NS))
    making = [e for e in events if _is_making(e)]
    return making or [e for e in events if e.find("lido:eventType", NS) is None]


def _is_making(event: Element) -> bool:
    etype = event.find("lido:eventType", NS)
    if etype is None:
        return False
    words = " ".join(v for v in (concept(etype), *all_text(etype, "lido:term")) if v)
    return bool(_MAKING.search(words))


def creators(events: list[Element], circa: int) -> list[CreatorRef]:
    out: dict[str, CreatorRef] = {}  # an actor repeated per language of the record counts once
    for event in events:
        for air in event.iterfind("lido:eventActor/lido:actorInRole", NS):
            ref = _creator(air, circa)
            if ref is not None and ref.name not in out:
                out[ref.name] = ref
    return list(out.values())


def _creator(air: Element, circa: int) -> CreatorRef | None:
    actor = air.find("lido:actor", NS)
    raw = appellation(actor.find("lido:nameActorSet", NS)) if actor is not None else None
    if actor is None or not raw:
        return None
    qualifier = first_text(air, "lido:attributionQualifierActor")
    prefix, name = split_attribution(raw)
    name = invert_name(name) if "," in name else name
    hint = (actor.get(LIDO_TYPE) or "").rstrip("/").rsplit("/", 1)[-1].lower()
    vital = actor.find("lido:vitalDatesActor", NS)
    return CreatorRef(
        name=name, role=term(air.find("lido:roleActor", NS)), attribution=qualifier or prefix,
        kind=agent_kind(name, _ACTOR_TYPES.get(hint, hint) or None), birth=_vital(vital, "earliestDate", circa),
        death=_vital(vital, "latestDate", circa), gender=term(actor.find("lido:genderActor", NS)),
        nationality=term(actor.find("lido:nationalityActor", NS)),
        identifiers=authority_ids(all_text(actor, "lido:actorID")),
    )  # fmt: skip


def _vital(vital: Element | None, which: str, circa: int) -> DateInterval:
    if vital is None:
        return UNKNOWN
    value = first_text(vital, f"lido:{which}")
    return bounded(value, value, value, circa) if value else UNKNOWN


def event_date(events: list[Element], circa: int) -> DateInterval:
    for event in events:
        when = event.find("lido:eventDate", NS)
        if when is None:
            continue
        found = bounded(first_text(when, "lido:displayDate"), first_text(when, "lido:date/lido:earliestDate"),
                        first_text(when, "lido:date/lido:latestDate"), circa)  # fmt: skip
        if found.text or found.is_known:
            return found
    return UNKNOWN


def materials(events: list[Element], rec: Element) -> str | None:
    for event in events:
        shown = first_text(event, "lido:eventMaterialsTech/lido:displayMaterialsTech")
        if shown:
            return shown
        terms = [term(t, "de") or "" for t in event.iterfind("lido:eventMaterialsTech/lido:materialsTech/"
                                                             "lido:termMaterialsTech", NS)]  # fmt: skip
        if any(terms):
            return ", ".join(t for t in terms if t)
    return first_text(rec, D + "lido:objectIdentificationWrap/lido:objectMaterialsTechWrap//lido:displayMaterialsTech")


def dimensions(rec: Element) -> Dimensions | None:
    mset = rec.find(D + "lido:objectIdentificationWrap/lido:objectMeasurementsWrap/lido:objectMeasurementsSet", NS)
    if mset is None:
        return None
    shown = first_text(mset, "lido:displayObjectMeasurements") or ""
    values: dict[str, float] = {}
    unit = None
    for m in mset.iterfind("lido:objectMeasurements/lido:measurementsSet", NS):
        kind = (first_text(m, "lido:measurementType") or "").lower()
        number = _number(first_text(m, "lido:measurementValue"))
        for key, words in _DIMENSION_WORDS.items():
            if number is not None and kind in words and key not in values:
                values[key] = number
                unit = unit or first_text(m, "lido:measurementUnit")
    if not shown and not values:
        return None
    return Dimensions(text=shown or _describe(values, unit), unit=unit, **values)


def _number(text: str | None) -> float | None:
    try:
        return float(text.replace(",", ".")) if text else None
    except ValueError:
        return None


def _describe(values: dict[str, float], unit: str | None) -> str:
    return " × ".join(f"{v:g}" for v in values.values()) + (f" {unit}" if unit else "")


def subjects(rec: Element) -> list[Subject]:
    out = []
    for s in rec.iterfind(D + "lido:objectRelationWrap/lido:subjectWrap/lido:subjectSet/lido:subject", NS):
        for c in s.iterfind("lido:subjectConcept", NS):
            if term(c):
                out.append(Subject(term(c) or "", "topic", concept(c)))
        for a in s.iterfind("lido:subjectActor/lido:actor", NS):
            name = appellation(a.find("lido:nameActorSet", NS))
            if name:
                out.append(Subject(name, "person", first_text(a, "lido:actorID")))
        for p in s.iterfind("lido:subjectPlace/lido:place", NS):
            name = appellation(p.find("lido:namePlaceSet", NS))
            if name:
                out.append(Subject(name, "place", first_text(p, "lido:placeID")))
    return out


def images(rec: Element) -> list[ImageRef]:
    out = []
    for rs in rec.iterfind(A + "lido:resourceWrap/lido:resourceSet", NS):
        link = first_text(rs, "lido:resourceRepresentation/lido:linkResource")
        if link and link.startswith(("http://", "https://")):
            rights = rs.find("lido:rightsResource/lido:rightsType", NS)
            label = first_text(rs, "lido:resourceDescription")
            out.append(ImageRef(IMAGE_URL, link, label, concept(rights) or term(rights)))
    return out


def work_rights(rec: Element) -> tuple[str | None, str | None]:
    """(rights statement as given, credit line) of the work itself, not of the metadata record."""
    statement = credit = None
    for rws in rec.iterfind(A + "lido:rightsWorkWrap/lido:rightsWorkSet", NS):
        rtype = rws.find("lido:rightsType", NS)
        statement = statement or concept(rtype) or term(rtype)
        holder = appellation(rws.find("lido:rightsHolder/lido:legalBodyName", NS))
        if not statement and holder:
            statement = f"© {holder}"
        credit = credit or first_text(rws, "lido:creditLine")
    return statement, credit
