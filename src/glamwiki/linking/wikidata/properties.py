"""The institution's id property checked on Wikidata itself before any item is proposed: it exists,
it is an external identifier, and its format constraint (P2302 property constraint = Q21502404
format constraint, the regular expression in P1793 "format as a regular expression";
https://www.wikidata.org/wiki/Help:Property_constraints_portal/Format) is what values are checked
against — the property's own, live (cached), not only the profile's copy."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.linking.wikidata.client import WikidataClient, WikidataError
from glamwiki.linking.wikidata.search_first import SearchFailed
from glamwiki.linking.wikidata.settings import IdProperty
from glamwiki.wikimedia.ids import FORMAT_AS_REGEX, FORMAT_CONSTRAINT, PROPERTY_CONSTRAINT

EXTERNAL_ID = "external-id"


def format_patterns(entity: dict[str, Any]) -> list[str]:
    """The regular expressions of a property's format constraints (deprecated ones left out)."""
    out = []
    for statement in entity.get("claims", {}).get(PROPERTY_CONSTRAINT, []):
        value = statement.get("mainsnak", {}).get("datavalue", {}).get("value", {})
        if statement.get("rank") == "deprecated" or value.get("id") != FORMAT_CONSTRAINT:
            continue
        for q in statement.get("qualifiers", {}).get(FORMAT_AS_REGEX, []):
            pattern = q.get("datavalue", {}).get("value")
            if isinstance(pattern, str) and pattern:
                out.append(pattern)
    return out


def verified(client: WikidataClient, spec: IdProperty, origin: str) -> tuple[IdProperty, str]:
    """The profile's id property as Wikidata defines it: (spec with the property's format, its label)."""
    try:
        entity = client.get_entities([spec.prop]).get(spec.prop)
    except WikidataError as exc:
        raise SearchFailed(f"Cannot check {spec.prop} on Wikidata, so no item is proposed: {exc}") from exc
    if entity is None:
        raise ConfigError(f"{origin}: [wikidata.person_id] {spec.prop} does not exist on Wikidata.")
    if entity.get("datatype") != EXTERNAL_ID:
        raise ConfigError(f"{origin}: {spec.prop} is a {entity.get('datatype')} property, not an external identifier.")
    label = entity.get("labels", {}).get("en", {}).get("value", "")
    patterns = format_patterns(entity)
    if not patterns:
        return spec, label
    return replace(spec, format="|".join(f"(?:{p})" for p in patterns)), label
