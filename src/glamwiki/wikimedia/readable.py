"""Wikidata/Wikibase JSON as a person reads it: a property's or item's name where glamwiki knows it
(from the named ids of :mod:`glamwiki.wikimedia.ids`) and a snak's value
(https://www.mediawiki.org/wiki/Wikibase/DataModel/JSON). Read by the record page's structured data
(web/pageview.py) and the Wikidata writes queue (linking/item_review.py)."""

from __future__ import annotations

from typing import Any

from glamwiki.wikimedia import ids


def _names() -> dict[str, str]:
    """id -> name; an alias spelt with its kind ("P_CREATOR") never hides the plain name ("CREATOR")."""
    found: dict[str, str] = {}
    for name, value in sorted(vars(ids).items(), key=lambda kv: kv[0].startswith(("P_", "Q_"))):
        if name.isupper() and isinstance(value, str) and value[:1] in "PQ" and value[1:].isdigit():
            found.setdefault(value, name.removeprefix("P_").removeprefix("Q_").lower().replace("_", " "))
    return found


NAMES = _names()


def named(entity_id: str) -> str:
    """ "P170 (creator)" where the name is known, else the id."""
    return f"{entity_id} ({NAMES[entity_id]})" if entity_id in NAMES else entity_id


def snak_text(snak: dict[str, Any]) -> str:
    """A snak's value: an item named, a time to its precision, a quantity, a text with its language."""
    if snak.get("snaktype") != "value":
        return "unknown value" if snak.get("snaktype") == "somevalue" else "no value"
    value = (snak.get("datavalue") or {}).get("value")
    if isinstance(value, dict) and "id" in value:
        return named(str(value["id"]))
    if isinstance(value, dict) and "time" in value:  # precision 9 year, 10 month, 11 day
        digits = {9: 5, 10: 8, 11: 11}.get(int(value.get("precision", 11)), 11)
        return str(value["time"]).lstrip("+")[: digits - 1] + (" (circa)" if value.get("precision", 11) < 9 else "")
    if isinstance(value, dict) and "amount" in value:
        return str(value["amount"]).lstrip("+")
    if isinstance(value, dict) and "text" in value:
        return f"{value['text']} ({value.get('language', '')})"
    return str(value)
