"""Place and nationality text to a country and, for the United Kingdom, a nation (England,
Scotland, Wales, Northern Ireland), offline, with pycountry's ISO 3166 data: country names in
every language pycountry ships translations for ("Deutschland", "Polska", "Éire"), and the UK's
ISO 3166-2 subdivisions with their parent nation ("Edinburgh, City of" -> Scotland,
"Cardiff [Caerdydd GB-CRF]" -> Wales).

ISO 3166: https://www.iso.org/iso-3166-country-codes.html ; pycountry: https://pypi.org/project/pycountry/
Text that resolves to nothing is kept as given, counted and listed by the caller.
"""

from __future__ import annotations

import gettext
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from glamwiki.gaps.place_names import DEMONYMS, NATION_NAMES, ROMANISED, UK
from glamwiki.linking.names import fold
from glamwiki.store import Store
from glamwiki.store.linking import entity_facts
from glamwiki.wikimedia.ids import WIKIDATA_COUNTRIES

NATIONS = {"GB-ENG": "England", "GB-SCT": "Scotland", "GB-WLS": "Wales", "GB-NIR": "Northern Ireland"}
_BRACKET = re.compile(r"\s*\[(?P<alt>[^\]]*?)\s+GB-[A-Z]{3}\]")
_CITY = re.compile(r",\s*city of$|\s+city$", re.IGNORECASE)


_NATION_KEYS = {re.sub(r"[\s-]+", " ", k): v for k, v in NATION_NAMES.items()}


@dataclass(frozen=True)
class Place:
    country_code: str  # ISO 3166-1 alpha-2
    country: str  # its English short name
    nation: str = ""  # England, Scotland, Wales or Northern Ireland, for the UK when the text says

    @property
    def where(self) -> str:
        return self.nation or self.country


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", fold(text).replace("’", "'").replace("‘", "'")).strip(" .")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name in any shipped language -> alpha-2."""
    names = [
        (c.alpha_2, [getattr(c, a, "") for a in ("name", "common_name", "official_name")]) for c in pycountry.countries
    ]
    translated: dict[str, str] = {}  # each distinct translation once (most repeat across languages)
    for lang in sorted(os.listdir(pycountry.LOCALES_DIR)):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for code, forms in names:
            for form in forms:
                if form:
                    translated.setdefault(tr.gettext(form), code)
    out: dict[str, str] = {}
    for text, code in translated.items():
        out.setdefault(_key(text), code)
    for code, forms in names:  # English names and codes last-but-first: they win
        for form in forms:
            if form:
                out[_key(form)] = code
        out[code.lower()] = code
    out.update({_key(k): v for k, v in ROMANISED.items()})
    return out


@lru_cache(maxsize=1)
def _uk_places() -> dict[str, str]:
    """Folded name of a UK ISO 3166-2 subdivision (English and Welsh forms, "City of" dropped) -> nation code."""
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=UK):
        nation = sub.code if sub.code in NATIONS else (sub.parent_code or "")
        if nation not in NATIONS:
            continue
        name = sub.name
        alt = _BRACKET.search(name)
        plain = _BRACKET.sub("", name)
        for form in (plain, _CITY.sub("", plain), alt["alt"] if alt else ""):
            if form:
                out.setdefault(_key(form), nation)
    out.update({_key(k): v for k, v in NATION_NAMES.items() if v in NATIONS})
    return out


@lru_cache(maxsize=1)
def _uk_words() -> dict[str, set[str]]:
    """Each run of whole words in a UK subdivision's name -> the nations of the subdivisions having it
    ("chelsea" -> {GB-ENG} from "Kensington and Chelsea"; "cheshire" from "Cheshire East")."""
    out: dict[str, set[str]] = {}
    for name, nation in _uk_places().items():
        words = name.split()
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                if words[a:b] != ["and"] and words[a:b] != ["of"]:
                    out.setdefault(" ".join(words[a:b]), set()).add(nation)
    return out


def _within_uk(part: str) -> str:
    """For text already known to be in the UK only: the nation of a place named inside one
    subdivision's name ("Chelsea"), or of its county ("Oxford" -> "Oxfordshire"); "" if unsure."""
    uk = _uk_places()
    if part + "shire" in uk:
        return uk[part + "shire"]
    nations = _uk_words().get(part, set())
    return next(iter(nations)) if len(nations) == 1 else ""


def _country(code: str) -> Place:
    if code in NATIONS:
        return Place(UK, _uk_name(), NATIONS[code])
    c = pycountry.countries.get(alpha_2=code)
    return Place(code, getattr(c, "common_name", None) or c.name if c else code)


@lru_cache(maxsize=1)
def _uk_name() -> str:
    country = pycountry.countries.get(alpha_2=UK)
    assert country is not None  # GB is in ISO 3166-1
    return str(country.name)


@lru_cache(maxsize=65536)
def resolve(text: str | None) -> Place | None:
    """The country (and UK nation) a place text names, or None. "Edinburgh, United Kingdom" ->
    United Kingdom / Scotland; "Polska" -> Poland; "London" -> United Kingdom / England."""
    if not text or not text.strip():
        return None
    parts = [_key(p) for p in text.split(",") if p.strip()]
    countries, uk = _countries(), _uk_places()
    for i in range(len(parts) - 1, -1, -1):
        code = countries.get(parts[i]) or _NATION_KEYS.get(parts[i])
        if code is None and parts[i] in uk and i == len(parts) - 1:  # "Clifton, Bristol"; not "Birmingham, Alabama"
            code = uk[parts[i]]
        if code is None:
            continue
        place = _country(code)
        if place.country_code == UK and not place.nation:
            nation = next((n for p in parts[:i] if (n := uk.get(p) or _within_uk(p))), "")
            place = Place(UK, place.country, NATIONS.get(nation, ""))
        return place
    return _by_subdivision(parts[-1])


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Folded ISO 3166-2 subdivision name -> its country, for names only one country has."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        for form in (_BRACKET.sub("", sub.name), _CITY.sub("", _BRACKET.sub("", sub.name))):
            seen.setdefault(_key(form), set()).add(sub.country_code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


def _by_subdivision(last: str) -> Place | None:
    """ "Kensington, Maryland" -> United States: the text ends with a subdivision of one country."""
    code = _subdivisions().get(last)
    return _country(code) if code and code != UK else None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {_key(k): v for k, v in DEMONYMS.items()}


def resolve_nationality(text: str | None) -> Place | None:
    """A nationality field: a demonym ("British", "Welsh") or a country name."""
    if not text or not text.strip():
        return None
    code = _demonyms().get(_key(text))
    return _country(code) if code else resolve(text)


def wikidata_country(qid: str) -> Place | None:
    code = WIKIDATA_COUNTRIES.get(qid)
    return _country(code) if code else None


def country_label(qid: str, labels: dict[str, str]) -> str:
    """A P27 value by name: the recorded item's label, else the ISO name, else say it was not fetched."""
    if labels.get(qid):
        return labels[qid]
    place = wikidata_country(qid)
    if place:
        return place.where
    return f"{qid} (country item not fetched)"


def country_labels(store: Store, people: list[Any]) -> dict[str, str]:
    """QID -> label for the countries people's items name as citizenship, when those items are recorded."""
    wanted = {q for c in people if c.wd for q in c.wd.get("citizenship", [])}
    return {q: f.get("label", "") for q, f in entity_facts(store, wanted).items() if f.get("label")}
