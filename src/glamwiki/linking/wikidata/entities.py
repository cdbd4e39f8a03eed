"""Entity JSON as `wbgetentities` returns it, read into glamwiki Person records and gap facts.

Only best-rank statements count (preferred if any, else normal; deprecated never), as the
Denelezh/Humaniki conventions do. Time values keep their precision: a year-precision date is an
interval over that year, a century-precision one over the century.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.errors import IntakeFileError
from glamwiki.model.dates import UNKNOWN, DateInterval, iso_day
from glamwiki.model.records import ORGANISATION, PERSON, Person
from glamwiki.wikimedia.ids import (
    CITIZENSHIP,
    DATE_OF_BIRTH,
    DATE_OF_DEATH,
    GENDER_WORDS,
    HUMAN,
    IDENTIFIER_PROPERTIES,
    IMAGE,
    INSTANCE_OF,
    OCCUPATION,
    SEX_OR_GENDER,
    WIKIDATA,
)  # fmt: skip

LABEL_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "cy", "ga", "gd")
_LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


@dataclass
class EntityFacts:
    """What the gap audit needs from one item."""

    qid: str
    label: str = ""
    human: bool = False
    gender: list[str] = field(default_factory=list)  # best-rank P21 values (QIDs)
    citizenship: list[str] = field(default_factory=list)
    occupations: list[str] = field(default_factory=list)
    birth_year: int | None = None  # only when precise to the year or better
    sitelinks: list[str] = field(default_factory=list)  # "enwiki", "cywiki"...
    has_image: bool = False
    properties: list[str] = field(default_factory=list)  # every property with a best-rank value


def iter_entities(path: str | Path) -> Iterator[dict[str, Any]]:
    """Entities from a JSON Lines file (one entity a line) or a wbgetentities response file."""
    p = Path(path)
    opener = gzip.open if p.name.endswith(".gz") else open
    try:
        with opener(p, "rt", encoding="utf-8") as f:
            head = f.read(1)
            f.seek(0)
            if head == "{" and not p.name.endswith((".jsonl", ".jsonl.gz")):
                yield from json.load(f).get("entities", {}).values()
                return
            for line in f:
                if line.strip() and line.strip() != "null":
                    yield json.loads(line)
    except (OSError, ValueError) as exc:
        raise IntakeFileError(f"Cannot read Wikidata entities from {path}: {exc}.") from exc


def best_values(entity: dict[str, Any], prop: str) -> list[Any]:
    statements = [s for s in entity.get("claims", {}).get(prop, []) if s.get("rank") != "deprecated"]
    preferred = [s for s in statements if s.get("rank") == "preferred"]
    out = []
    for s in preferred or statements:
        dv = s.get("mainsnak", {}).get("datavalue")
        if dv is not None:
            out.append(dv["value"])
    return out


def item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    return [v["id"] for v in best_values(entity, prop) if isinstance(v, dict) and "id" in v]


def time_interval(value: dict[str, Any]) -> DateInterval:
    """A Wikidata time value as the interval its precision allows (11 day ... 7 century)."""
    t, precision = value.get("time", ""), int(value.get("precision", 11))
    sign = -1 if t.startswith("-") else 1
    try:
        y, m, d = (int(x) for x in t[1:11].split("-"))
    except ValueError:
        return UNKNOWN
    y *= sign
    if precision >= 11 and m and d:
        return DateInterval(t, iso_day(y, m, d), iso_day(y, m, d))
    if precision == 10 and m:
        return DateInterval(t, iso_day(y, m, 1), iso_day(y, m, _LAST_DAY[m]))
    if precision >= 9:
        return DateInterval(t, iso_day(y, 1, 1), iso_day(y, 12, 31))
    span = {8: 10, 7: 100, 6: 1000}.get(precision, 1000)
    start = (y - 1) // span * span + 1 if precision == 7 else y // span * span
    return DateInterval(
        t, iso_day(start, 1, 1), iso_day(start + span - 1, 12, 31), ("decade" if span == 10 else "century",)
    )


def entity_person(entity: dict[str, Any]) -> Person:
    qid = entity["id"]
    labels = entity.get("labels", {})
    name = next((labels[lang]["value"] for lang in LABEL_LANGUAGES if lang in labels), "")
    name = name or next((v["value"] for v in labels.values()), qid)
    alts = [labels[lang]["value"] for lang in LABEL_LANGUAGES if lang in labels]
    alts += [a["value"] for a in entity.get("aliases", {}).get("en", [])]
    ids = {WIKIDATA: qid}
    for scheme, prop in IDENTIFIER_PROPERTIES.items():
        vals = [v for v in best_values(entity, prop) if isinstance(v, str)]
        if vals:
            ids[scheme] = vals[0]
    genders = item_ids(entity, SEX_OR_GENDER)
    births, deaths = best_values(entity, DATE_OF_BIRTH), best_values(entity, DATE_OF_DEATH)
    return Person(
        id=qid, name=name, alt_names=sorted({a for a in alts if a != name}),
        kind=PERSON if HUMAN in item_ids(entity, INSTANCE_OF) else ORGANISATION,
        birth=time_interval(births[0]) if births else UNKNOWN, death=time_interval(deaths[0]) if deaths else UNKNOWN,
        gender=GENDER_WORDS.get(genders[0], genders[0]) if len(genders) == 1 else None,
        identifiers=ids, url=f"https://www.wikidata.org/wiki/{qid}",
        extra={"description": entity.get("descriptions", {}).get("en", {}).get("value", "")},
    )  # fmt: skip


def entity_facts(entity: dict[str, Any]) -> EntityFacts:
    births = [v for v in best_values(entity, DATE_OF_BIRTH) if int(v.get("precision", 0)) >= 9]
    birth_year = time_interval(births[0]).earliest_year if births else None
    labels = entity.get("labels", {})
    return EntityFacts(
        qid=entity["id"],
        label=labels.get("en", {}).get("value") or next((v["value"] for v in labels.values()), ""),
        human=HUMAN in item_ids(entity, INSTANCE_OF),
        gender=item_ids(entity, SEX_OR_GENDER),
        citizenship=item_ids(entity, CITIZENSHIP),
        occupations=item_ids(entity, OCCUPATION),
        birth_year=birth_year,
        sitelinks=sorted(entity.get("sitelinks", {})),
        has_image=bool(best_values(entity, IMAGE)),
        properties=sorted(p for p in entity.get("claims", {}) if best_values(entity, p)),
    )


def read_entity_people(path: str | Path) -> list[Person]:
    return [entity_person(e) for e in iter_entities(path) if e.get("type", "item") == "item"]
