"""A Wikidata item to create, and its two written forms: QuickStatements v1 and `wbeditentity` JSON.

QuickStatements v1 (https://www.wikidata.org/wiki/Help:QuickStatements): one command a line,
tab-separated; `CREATE` then `LAST` lines; `Len`/`Den`/`Aen` for label, description, alias;
values are items (Q…), strings in double quotes, times `+YYYY-MM-DDT00:00:00Z/precision`,
quantities `amount` or `amountU<unit item number>`, `somevalue`/`novalue`; qualifiers follow the
value as property/value pairs, references as `S…` property/value pairs.

`wbeditentity` data (https://www.mediawiki.org/wiki/Wikibase/DataModel/JSON,
https://www.wikidata.org/w/api.php?action=help&modules=wbeditentity): labels, descriptions and
aliases by language, claims as a list of statements with mainsnak, qualifiers and references.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
ENTITY = "http://www.wikidata.org/entity/"
ITEM, TIME, STRING, EXTERNAL_ID, URL, QUANTITY, SOMEVALUE, MONOLINGUAL, COMMONS_MEDIA = (
    "item", "time", "string", "external-id", "url", "quantity", "somevalue", "monolingualtext", "commonsMedia",
)  # fmt: skip


@dataclass(frozen=True)
class Snak:
    prop: str
    kind: str  # ITEM | TIME | STRING | EXTERNAL_ID | URL | QUANTITY | SOMEVALUE | MONOLINGUAL
    value: Any = None  # QID; (time, precision); str; (amount, unit QID or ""); (language, text)


@dataclass
class Claim:
    prop: str
    kind: str
    value: Any = None
    qualifiers: list[Snak] = field(default_factory=list)

    @property
    def snak(self) -> Snak:
        return Snak(self.prop, self.kind, self.value)


@dataclass
class Item:
    """An item to create: what the journal keeps and both outputs are written from."""

    key: str  # "dataset/local id": what the journal and the edit summary name it by
    label: str
    description: str
    claims: list[Claim]
    reference: list[Snak]
    aliases: list[str] = field(default_factory=list)
    language: str = "en"
    problems: list[str] = field(default_factory=list)  # values left out, and why


# -- QuickStatements v1 -------------------------------------------------------------------------
def quickstatements(item: Item) -> str:
    ref = "".join(f"\tS{s.prop[1:]}\t{qs_value(s)}" for s in item.reference)
    lang = item.language
    lines = ["CREATE", f'LAST\tL{lang}\t"{qs_text(item.label)}"']
    if item.description:
        lines.append(f'LAST\tD{lang}\t"{qs_text(item.description)}"')
    lines += [f'LAST\tA{lang}\t"{qs_text(a)}"' for a in item.aliases]
    for c in item.claims:
        quals = "".join(f"\t{q.prop}\t{qs_value(q)}" for q in c.qualifiers)
        lines.append(f"LAST\t{c.prop}\t{qs_value(c.snak)}{quals}{ref}")
    return "\n".join(lines) + "\n"


def qs_value(s: Snak) -> str:
    if s.kind == ITEM:
        return str(s.value)
    if s.kind == SOMEVALUE:
        return "somevalue"
    if s.kind == TIME:
        t, precision = s.value
        return f"{t}/{precision}"
    if s.kind == QUANTITY:
        amount, unit = s.value
        return f"{_amount(amount)}U{unit[1:]}" if unit else _amount(amount)
    if s.kind == MONOLINGUAL:
        lang, text = s.value
        return f'{lang}:"{qs_text(text)}"'
    return f'"{qs_text(str(s.value))}"'


def qs_text(text: str) -> str:
    """QuickStatements v1 has no escape for a double quote, a tab or a line break inside a string."""
    return " ".join(text.replace('"', "'").split())


def _amount(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else str(value)


# -- wbeditentity JSON ------------------------------------------------------------------------------
def wbeditentity(item: Item) -> dict[str, Any]:
    lang = item.language
    reference = {"snaks": {}, "snaks-order": []}  # type: dict[str, Any]
    for s in item.reference:
        reference["snaks"].setdefault(s.prop, []).append(snak_json(s))
        if s.prop not in reference["snaks-order"]:
            reference["snaks-order"].append(s.prop)
    claims = []
    for c in item.claims:
        claim: dict[str, Any] = {"mainsnak": snak_json(c.snak), "type": "statement", "rank": "normal"}
        if c.qualifiers:
            quals: dict[str, list[dict[str, Any]]] = {}
            for q in c.qualifiers:
                quals.setdefault(q.prop, []).append(snak_json(q))
            claim["qualifiers"] = quals
            claim["qualifiers-order"] = list(quals)
        if item.reference:
            claim["references"] = [reference]
        claims.append(claim)
    data: dict[str, Any] = {"labels": {lang: {"language": lang, "value": item.label}}}
    if item.description:
        data["descriptions"] = {lang: {"language": lang, "value": item.description}}
    if item.aliases:
        data["aliases"] = {lang: [{"language": lang, "value": a} for a in item.aliases]}
    data["claims"] = claims
    return data


# The property's datatype each kind of value is written for (Wikibase JSON: `datatype` on every snak).
DATATYPES = {ITEM: "wikibase-item", TIME: "time", STRING: "string", EXTERNAL_ID: "external-id", URL: "url",
             QUANTITY: "quantity", MONOLINGUAL: "monolingualtext", COMMONS_MEDIA: "commonsMedia"}  # fmt: skip


def snak_json(s: Snak) -> dict[str, Any]:
    if s.kind == SOMEVALUE:
        return {"snaktype": "somevalue", "property": s.prop}
    if s.kind == ITEM:
        dv: dict[str, Any] = {"value": {"entity-type": "item", "numeric-id": int(s.value[1:]), "id": s.value},
                              "type": "wikibase-entityid"}  # fmt: skip
    elif s.kind == TIME:
        t, precision = s.value
        dv = {"value": {"time": t, "timezone": 0, "before": 0, "after": 0, "precision": precision,
                        "calendarmodel": GREGORIAN}, "type": "time"}  # fmt: skip
    elif s.kind == QUANTITY:
        amount, unit = s.value
        dv = {"value": {"amount": f"{'+' if amount >= 0 else '-'}{_amount(abs(amount))}",
                        "unit": f"{ENTITY}{unit}" if unit else "1"}, "type": "quantity"}  # fmt: skip
    elif s.kind == MONOLINGUAL:
        lang, text = s.value
        dv = {"value": {"text": text, "language": lang}, "type": "monolingualtext"}
    else:
        dv = {"value": str(s.value), "type": "string"}
    return {"snaktype": "value", "property": s.prop, "datavalue": dv, "datatype": DATATYPES[s.kind]}


def as_json(item: Item) -> str:
    return json.dumps(wbeditentity(item), ensure_ascii=False)
