"""The facts the terms depend on, read from an object record, its creators' Person records and
the facts a curator supplied. Every uncertain year stays an interval (lo, hi); None = not known."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from glamwiki.model.records import (
    FORM_3D,
    FORM_MOVING_IMAGE,
    FORM_PHOTOGRAPH,
    FORM_SOUND,
    FORM_TEXT,
    CreatorRef,
    ObjectRecord,
    Person,
)
from glamwiki.rights import evidence as ev
from glamwiki.rights import lifetimes as lt
from glamwiki.rights.rules import Settings


class WorkCategory(StrEnum):
    """Categories of work the UK terms branch on (the ``work_type`` fact)."""

    ARTISTIC = "artistic"  # painting, drawing, sculpture, map... (not photograph, not engraving)
    ENGRAVING = "engraving"  # "includes any etching, lithograph, woodcut, print or similar work" (s.4(2))
    PHOTOGRAPH = "photograph"
    LITERARY = "literary"  # literary, dramatic, musical
    SOUND = "sound"
    FILM = "film"


class Authorship(StrEnum):
    """Who the authors are (the ``authorship`` fact)."""

    NAMED = "named"
    UNKNOWN = "unknown"
    CROWN = "crown"
    PARLIAMENTARY = "parliamentary"
    US_FEDERAL = "us-federal"


class Reproduction(StrEnum):
    """How the file to upload relates to the work."""

    FAITHFUL_2D = "faithful-2d"
    SCAN = "scan"
    PHOTO_3D = "3d-photo"
    ORIGINAL = "original"  # the file is the work itself (a photograph, a recording)


ARTISTIC, ENGRAVING, PHOTOGRAPH, LITERARY, SOUND, FILM = tuple(WorkCategory)
CATEGORIES = tuple(WorkCategory)
NAMED, UNKNOWN, CROWN, PARLIAMENTARY, US_FEDERAL = tuple(Authorship)
FAITHFUL_2D, SCAN, PHOTO_3D, ORIGINAL = tuple(Reproduction)

# Curator facts the engine reads (the review queue's columns) and what each answers.
FACTS = {
    "published": "was the work published (yes/no)",
    "publication_year": "year (or YYYY-YYYY) of first publication",
    "made_available_year": "year first exhibited or otherwise made available",
    "creation_year": "year (or YYYY-YYYY) the work was made",
    "creator_death_year": "year (or YYYY-YYYY) the last-dying creator died",
    "authorship": "named | unknown | crown | parliamentary | us-federal",
    "enquiry_recorded": "a reasonable enquiry for the author was made and recorded (yes/no)",
    "work_type": "artistic | engraving | photograph | literary | sound | film",
    "country_of_origin": "country of first publication, or the author's nationality if unpublished (GB, US, ...)",
    "us_notice_and_renewal": "US works published 1931-1977: published with a copyright notice and renewed (yes/no)",
    "reproduction": "faithful-2d | scan | 3d-photo | original",
    "reproduction_licence": "licence of the photograph of a 3D object (e.g. CC BY-SA 4.0)",
    "rights_statement": "rights statement or licence to use instead of the catalogue's",
    "edition_year": "year the scanned edition was published (typographical arrangement, s.15)",
    "contract_allows_upload": "the digitisation contract allows upload to Commons (yes/no)",
    "licensor_holds_rights": "whoever applied the licence holds the copyright (yes/no)",
    "other_restrictions_checked": "personality, trademark and cultural-sensitivity checks done (yes/no)",
}

_CROWN = re.compile(
    r"\b(HMSO|Her Majesty's Stationery Office|His Majesty's Stationery Office|Ministry of|Crown copyright|"
    r"Ordnance Survey|War Office|Admiralty|Royal Air Force|Foreign Office|Home Office|"
    r"Central Office of Information)\b",
    re.I,
)
_US_FEDERAL = re.compile(
    r"\b(NASA|National Aeronautics|United States (Army|Navy|Air Force)|US Army|Library of Congress)", re.I
)
_PHOTO = re.compile(
    r"photograph|gelatin|gelatine|albumen|c-print|chromogenic|daguerreotype|cyanotype|salt print|platinum print|"
    r"carbon print|inkjet print|digital print|polaroid|ambrotype|tintype|calotype",
    re.I,
)
_PRINT = re.compile(
    r"etching|engraving|lithograph|screenprint|screen print|woodcut|wood engraving|linocut|aquatint|mezzotint|"
    r"drypoint|intaglio|relief print|serigraph|stipple|photogravure|monotype",
    re.I,
)
_FILM = re.compile(r"\b(film|video|16mm|35mm|moving image)\b", re.I)
_3D_TYPES = re.compile(r"sculpture|relief|installation|object|3d|bust|coin|medal|binding", re.I)


@dataclass(frozen=True)
class WorkFacts:
    category: str
    authorship: str
    death: tuple[int | None, int | None]  # last-dying named creator
    death_basis: str  # "recorded" | "lifespan" | "alive" | "floruit" | "work date" | ""
    made: tuple[str | None, str | None]  # ISO days
    made_basis: str  # "recorded" | "lifetime" | "period" | "acquired" | ""
    published: str  # "yes" | "no" | "unknown"
    publication: tuple[int | None, int | None]
    exhibited: int | None
    origin: str  # "" = UK/EEA by default
    reproduction: str
    nasa: bool = False
    attribution_doubt: bool = False
    no_creator: bool = False
    basis: tuple[str, ...] = ()  # what the record implied, in words (acquisition, origin, Crown body...)
    problems: tuple[str, ...] = ()  # dates that cannot all be true: data-quality flags
    us_formalities: str = ""  # US works: "yes" notice and renewal complied with, "no" not, "" unknown
    settled: tuple[tuple[str, bool], ...] = ()  # legal questions a presumption answers
    presumed: tuple[str, ...] = ()  # presumptions applied, with what each presumed


def work_facts(
    record: ObjectRecord,
    persons: Mapping[str, Person],
    facts: Mapping[str, str],
    settings: Settings,
    year: int | None = None,
) -> WorkFacts:
    category = facts.get("work_type") or category_of(record)
    creators = list(record.creators)
    basis: list[str] = []
    authorship = _authorship(record, creators, facts, basis)
    made, made_basis = lt.made_of(record, creators, facts)
    death: tuple[int | None, int | None] = (None, None)
    dbasis = ""
    if authorship == NAMED:
        death, dbasis = lt.death_of(creators, persons, facts, made, settings, year)
    births = [(c.name, b) for c in creators if ev.is_named(c) and (b := lt.birth_year(c, persons)) is not None]
    if not made_basis and authorship == NAMED and death[1] is not None:
        made, made_basis = lt.lifetime([b for _, b in births], death[1], settings.max_lifespan), "lifetime"
    made, acquired = lt.bound_by_acquisition(record, made, facts, category == PHOTOGRAPH)
    if acquired:
        basis.append(acquired)
        made_basis = made_basis or "acquired"
    published, publication = _publication(record, facts)
    made_years = (lt.iso_year(made[0]), lt.iso_year(made[1]))
    problems = [] if "creation_year" in facts else ev.date_problems(record, made_years, category == PHOTOGRAPH, births)
    return WorkFacts(
        category=category,
        authorship=authorship,
        death=death,
        death_basis=dbasis,
        made=made,
        made_basis=made_basis,
        published=published,
        publication=publication,
        exhibited=_year(facts.get("made_available_year")),
        origin=_origin(creators, persons, facts, basis),
        reproduction=facts.get("reproduction") or reproduction_of(record, category),
        nasa=any(_nasa(c.name) for c in creators),
        attribution_doubt=ev.doubtful(creators),
        no_creator=not creators and "authorship" not in facts,
        basis=tuple(basis),
        problems=tuple(problems),
        us_formalities=(facts.get("us_notice_and_renewal") or "").strip().lower()[:3],
    )


def _authorship(record: ObjectRecord, creators: list[CreatorRef], facts: Mapping[str, str], basis: list[str]) -> str:
    """Who the authors are (a curator's answer first); a commissioning body can make it a Crown work."""
    authorship = facts.get("authorship") or authorship_of(creators)
    crown_body = ev.crown_commission(record)
    if crown_body and "authorship" not in facts and authorship != CROWN:
        authorship = CROWN
        basis.append(f"Crown work: commissioned through the {crown_body} (credit line)")
    if others := ev.not_authors(creators):
        basis.append("Not the author of this object: " + "; ".join(others))
    return authorship


def _origin(creators: list[CreatorRef], persons: Mapping[str, Person], facts: Mapping[str, str],
            basis: list[str]) -> str:  # fmt: skip
    if origin := (facts.get("country_of_origin") or "").upper():
        return origin
    origin, why = ev.origin_of(creators, persons)
    if origin:
        basis.append(f"Country of origin {origin}, from the creators' place of birth or nationality ({why})")
    return origin


def category_of(record: ObjectRecord) -> WorkCategory:
    return _category(record.form, record.medium, record.object_type)


@lru_cache(maxsize=4096)
def _category(form: str | None, medium: str | None, object_type: str | None) -> WorkCategory:
    text = " ".join(filter(None, (medium, object_type)))
    if form == FORM_SOUND:
        return SOUND
    if form == FORM_MOVING_IMAGE or _FILM.search(object_type or ""):
        return FILM
    if form == FORM_PHOTOGRAPH or _PHOTO.search(text):
        return PHOTOGRAPH
    if form == FORM_TEXT:
        return LITERARY
    if _PRINT.search(text) or "print" in (object_type or "").lower():
        return ENGRAVING
    return ARTISTIC


@lru_cache(maxsize=8192)
def _nasa(name: str) -> bool:
    lowered = name.lower()
    return "nasa" in lowered or "aeronautics" in lowered


def reproduction_of(record: ObjectRecord, category: str) -> Reproduction:
    return _reproduction(record.form, record.object_type, category)


@lru_cache(maxsize=4096)
def _reproduction(form: str | None, object_type: str | None, category: str) -> Reproduction:
    if category in (PHOTOGRAPH, SOUND, FILM):
        return ORIGINAL
    if category == LITERARY:
        return SCAN
    if form == FORM_3D or _3D_TYPES.search(object_type or ""):
        return PHOTO_3D
    return FAITHFUL_2D


def authorship_of(creators: list[CreatorRef]) -> Authorship:
    """Named if any creator is a named author (s.12(4): the known joint authors count); "after X" and
    "formerly attributed to X" do not make X an author."""
    bodies = [_public_body(c.name) for c in creators if ev.is_author(c)]
    if CROWN in bodies:
        return CROWN
    if US_FEDERAL in bodies:
        return US_FEDERAL
    return NAMED if any(is_named(c) for c in creators) else UNKNOWN


@lru_cache(maxsize=8192)
def _public_body(name: str) -> str:
    if _CROWN.search(name):
        return CROWN
    return US_FEDERAL if _US_FEDERAL.search(name) else ""


is_named = ev.is_named


def _publication(record: ObjectRecord, facts: Mapping[str, str]) -> tuple[str, tuple[int | None, int | None]]:
    if years := lt.interval_years(facts.get("publication_year")):
        return "yes", years
    flag = (facts.get("published") or "").lower()
    if flag in ("no", "false", "0", "unpublished"):
        return "no", (None, None)
    if record.published is False and not flag:
        return "no", (None, None)
    if record.publication_date.is_known:
        return "yes", (record.publication_date.earliest_year, record.publication_date.latest_year)
    if flag in ("yes", "true", "1", "published") or record.published:
        return "yes", (None, None)
    return "unknown", (None, None)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    m = re.match(r"\s*(-?\d{1,4})", text or "")
    return int(m[1]) if m else None


_YES_NO = (
    "published",
    "enquiry_recorded",
    "contract_allows_upload",
    "licensor_holds_rights",
    "other_restrictions_checked",
    "us_notice_and_renewal",
)
_YEARS = ("publication_year", "made_available_year", "creation_year", "creator_death_year", "edition_year")
_CHOICES = {
    "authorship": (NAMED, UNKNOWN, CROWN, PARLIAMENTARY, US_FEDERAL),
    "work_type": CATEGORIES,
    "reproduction": (FAITHFUL_2D, SCAN, PHOTO_3D, ORIGINAL),
}


def check_fact(fact: str, value: str) -> str | None:
    """What is wrong with a curator's value for ``fact``, or None if it can be used."""
    v = value.strip().lower()
    if fact not in FACTS:
        return f"unknown fact {fact!r}"
    if fact in _YES_NO and v not in ("yes", "no", "true", "false", "y", "n", "1", "0", "unpublished", "published"):
        return f"{value!r} is not yes or no"
    if fact in _YEARS and lt.interval_years(value) is None:
        return f"{value!r} is not a year or a range YYYY-YYYY"
    if fact in _CHOICES and v not in _CHOICES[fact]:
        return f"{value!r} is not one of {', '.join(_CHOICES[fact])}"
    if fact == "country_of_origin" and not re.fullmatch(r"[a-z]{2,3}", v):
        return f"{value!r} is not a country code such as GB or US"
    return None


def fact_choices() -> dict[str, tuple[str, ...]]:
    """The valid answers of each curator fact that has a fixed list; "year" for the year columns."""
    out: dict[str, tuple[str, ...]] = {f: ("yes", "no") for f in _YES_NO}
    out.update({f: ("year",) for f in _YEARS})
    out.update(_CHOICES)
    return out
