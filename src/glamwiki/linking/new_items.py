"""New Wikidata items for people no match was found for: labels, a description, P31 = Q5, P21
only when the catalogue states it, birth and death dates at the precision the catalogue gives,
P106, identifiers, and a reference to the institution's record on every statement. Written as
QuickStatements (v1) and as `wbeditentity` JSON, and journaled in the store before anything is
sent, so a rerun prepares nobody twice and a created item is recorded against its person."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from glamwiki.linking.constants import (
    ARTIST,
    CIRCA,
    DATE_OF_BIRTH,
    DATE_OF_DEATH,
    GENDER_ITEMS,
    HUMAN,
    IDENTIFIER_PROPERTIES,
    INSTANCE_OF,
    INSTITUTION_ID_PROPERTY,
    INSTITUTIONS,
    OCCUPATION,
    REFERENCE_URL,
    RETRIEVED,
    SEX_OR_GENDER,
    SOURCING_CIRCUMSTANCES,
    STATED_IN,
)  # fmt: skip
from glamwiki.model.dates import CIRCA as CIRCA_QUALIFIER
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person


@dataclass
class Claim:
    prop: str
    kind: str  # item | time | string | external-id
    value: Any  # QID, (time string, precision), or a string
    qualifiers: list[tuple[str, str]] | None = None  # (property, QID)


@dataclass
class NewItem:
    dataset: str
    person_id: str
    label: str
    description: str
    claims: list[Claim]
    reference: list[tuple[str, str, str]]  # (property, kind, value)


def wikidata_time(d: DateInterval) -> tuple[str, int] | None:
    """A catalogue interval as a Wikidata time and precision: day 11, year 9, decade 8, century 7."""
    lo, hi = d.earliest, d.latest
    if lo is None or hi is None:
        return None
    y0, y1 = d.earliest_year, d.latest_year
    assert y0 is not None and y1 is not None
    sign = "-" if y0 < 0 else "+"
    if lo == hi:
        return f"{sign}{lo.lstrip('-')}T00:00:00Z", 11
    if y0 == y1:
        return f"{sign}{abs(y0):04d}-00-00T00:00:00Z", 9
    if CIRCA_QUALIFIER in d.qualifiers and y1 - y0 <= 20:  # "c. 1850": the year, qualified circa
        mid = (y0 + y1) // 2
        return f"{sign}{abs(mid):04d}-00-00T00:00:00Z", 9
    if y0 // 10 == y1 // 10:
        return f"{sign}{abs(y0) // 10 * 10:04d}-00-00T00:00:00Z", 8
    if (y0 - 1) // 100 == (y1 - 1) // 100:
        return f"{sign}{abs(y1):04d}-00-00T00:00:00Z", 7
    return None  # too wide to state honestly


def new_item(dataset: str, person: Person, occupation: str = ARTIST, retrieved: str | None = None) -> NewItem:
    claims = [Claim(INSTANCE_OF, "item", HUMAN)]
    gender = GENDER_ITEMS.get((person.gender or "").strip().lower())
    if gender:
        claims.append(Claim(SEX_OR_GENDER, "item", gender))
    for prop, d in ((DATE_OF_BIRTH, person.birth), (DATE_OF_DEATH, person.death)):
        t = wikidata_time(d)
        if t:
            quals = [(SOURCING_CIRCUMSTANCES, CIRCA)] if CIRCA_QUALIFIER in d.qualifiers else None
            claims.append(Claim(prop, "time", t, quals))
    if occupation:
        claims.append(Claim(OCCUPATION, "item", occupation))
    for scheme, value in sorted(person.identifiers.items()):
        if scheme in IDENTIFIER_PROPERTIES:
            claims.append(Claim(IDENTIFIER_PROPERTIES[scheme], "external-id", value))
    own = institution_id(dataset, person)
    if own:
        claims.append(Claim(*own))
    day = retrieved or datetime.now(UTC).strftime("%Y-%m-%d")
    reference: list[tuple[str, str, str]] = []
    if person.url:
        reference.append((REFERENCE_URL, "string", person.url))
    if dataset in INSTITUTIONS:
        reference.append((STATED_IN, "item", INSTITUTIONS[dataset]))
    reference.append((RETRIEVED, "time", f"+{day}T00:00:00Z"))
    return NewItem(dataset, person.id, person.name, describe(person), claims, reference)


def institution_id(dataset: str, person: Person) -> tuple[str, str, str] | None:
    prop = INSTITUTION_ID_PROPERTY.get(dataset)
    if not prop:
        return None
    value = person.id
    if dataset == "tate":  # Tate's artist id is the last part of the artist page URL
        if not person.url:
            return None
        value = person.url.rstrip("/").rsplit("/", 1)[-1]
    return prop, "external-id", value


def describe(person: Person) -> str:
    who = f"{person.nationality} artist" if person.nationality else "artist"
    b, d = person.birth.earliest_year, person.death.earliest_year
    if b and d and person.birth.is_exact_year and person.death.is_exact_year:
        return f"{who} ({b}–{d})"
    if b and person.birth.is_exact_year:
        return f"{who}, born {b}"
    return who


# -- QuickStatements v1 -------------------------------------------------------------------------
def quickstatements(item: NewItem) -> str:
    ref = "\t".join(f"{'S' + p[1:]}\t{_qs_value(kind, v)}" for p, kind, v in item.reference)
    lines = ["CREATE", f'LAST\tLen\t"{_qs_text(item.label)}"', f'LAST\tDen\t"{_qs_text(item.description)}"']
    for c in item.claims:
        quals = "".join(f"\t{p}\t{q}" for p, q in c.qualifiers or [])
        lines.append(f"LAST\t{c.prop}\t{_qs_value(c.kind, c.value)}{quals}\t{ref}")
    return "\n".join(lines) + "\n"


def _qs_value(kind: str, value: Any) -> str:
    if kind == "item":
        return str(value)
    if kind == "time":
        t, precision = value if isinstance(value, tuple) else (value, 11)
        return f"{t}/{precision}"
    return f'"{_qs_text(str(value))}"'


def _qs_text(text: str) -> str:
    return text.replace('"', "'").replace("\t", " ").replace("\n", " ")


# -- wbeditentity JSON ------------------------------------------------------------------------------
def wbeditentity(item: NewItem) -> dict[str, Any]:
    reference = {"snaks": {p: [_snak(p, kind, v)] for p, kind, v in item.reference},
                 "snaks-order": [p for p, _, _ in item.reference]}  # fmt: skip
    claims = []
    for c in item.claims:
        claim: dict[str, Any] = {"mainsnak": _snak(c.prop, c.kind, c.value), "type": "statement", "rank": "normal",
                                 "references": [reference]}  # fmt: skip
        if c.qualifiers:
            claim["qualifiers"] = {p: [_snak(p, "item", q)] for p, q in c.qualifiers}
        claims.append(claim)
    return {"labels": {"en": {"language": "en", "value": item.label}},
            "descriptions": {"en": {"language": "en", "value": item.description}}, "claims": claims}  # fmt: skip


def _snak(prop: str, kind: str, value: Any) -> dict[str, Any]:
    if kind == "item":
        dv = {"value": {"entity-type": "item", "numeric-id": int(value[1:]), "id": value}, "type": "wikibase-entityid"}
    elif kind == "time":
        t, precision = value if isinstance(value, tuple) else (value, 11)
        dv = {"value": {"time": t, "timezone": 0, "before": 0, "after": 0, "precision": precision,
                        "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}  # fmt: skip
    else:
        dv = {"value": str(value), "type": "string"}
    return {"snaktype": "value", "property": prop, "datavalue": dv}


def as_json(item: NewItem) -> str:
    return json.dumps(wbeditentity(item), ensure_ascii=False)
