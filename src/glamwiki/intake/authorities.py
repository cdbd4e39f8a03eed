"""Authority identifiers recognised in URIs and prefixed strings (GND, VIAF, ULAN, Wikidata...),
so every reader files them under the same keys the linking stage reads."""

from __future__ import annotations

import re

# key -> pattern with one group: the identifier itself.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("wikidata", r"wikidata\.org/(?:wiki|entity)/(Q\d+)"),
        ("viaf", r"viaf\.org/viaf/(\d+)"),
        ("ulan", r"vocab\.getty\.edu/(?:page/)?ulan/(\d+)"),
        ("gnd", r"d-nb\.info/gnd/([0-9X-]+)"),
        ("lcnaf", r"id\.loc\.gov/authorities/names/(\w+)"),
        ("isni", r"isni\.org/(?:isni/)?([0-9X ]{16,19})"),
        ("rkd", r"rkd\.nl/(?:explore/)?artists/(\d+)"),
        ("orcid", r"orcid\.org/([0-9X-]{19})"),
    )
)
_QID = re.compile(r"^Q\d+$")


def authority_id(value: str | None) -> tuple[str, str] | None:
    """("gnd", "118514008") for "https://d-nb.info/gnd/118514008"; None when not recognised."""
    if not value:
        return None
    value = value.strip()
    for key, pattern in _PATTERNS:
        m = pattern.search(value)
        if m:
            return key, m.group(1).upper() if key == "wikidata" else m.group(1)
    if _QID.match(value):
        return "wikidata", value
    return None


def authority_ids(values: list[str]) -> dict[str, str]:
    """The first recognised identifier of each kind among ``values``."""
    out: dict[str, str] = {}
    for v in values:
        found = authority_id(v)
        if found and found[0] not in out:
            out[found[0]] = found[1]
    return out
