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
