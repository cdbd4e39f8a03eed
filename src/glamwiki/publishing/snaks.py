"""Wikibase snak values for Commons structured data (the shapes of the Wikibase JSON data model:
https://www.mediawiki.org/wiki/Wikibase/DataModel/JSON), shared by the creator and page builders."""

from __future__ import annotations

from typing import Any


def item(qid: str) -> dict[str, Any]:
    return {"type": "wikibase-entityid", "value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}}


def snak(prop: str, value: dict[str, Any] | None) -> dict[str, Any]:
    """A value snak, or ``somevalue`` (unknown value) when ``value`` is None."""
    if value is None:
        return {"snaktype": "somevalue", "property": prop}
    return {"snaktype": "value", "property": prop, "datavalue": value}


def statement_of(main: dict[str, Any], qualifiers: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A statement with its main snak and qualifiers grouped by property, as wbeditentity takes them."""
    out: dict[str, Any] = {"mainsnak": main, "type": "statement", "rank": "normal"}
    if qualifiers:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for q in qualifiers:
            grouped.setdefault(q["property"], []).append(q)
        out["qualifiers"] = grouped
    return out
