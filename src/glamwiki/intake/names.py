"""Names as catalogues write them: attribution qualifiers and anonymous/collective agents."""

from __future__ import annotations

import re

from glamwiki.model.agents import collective_kind
from glamwiki.model.records import GROUP, ORGANISATION, PERSON, UNKNOWN_AGENT

# Longest first, so "studio of" wins over "studio".
ATTRIBUTIONS = (
    "attributed to",
    "workshop of",
    "studio of",
    "school of",
    "circle of",
    "follower of",
    "followers of",
    "manner of",
    "style of",
    "after",
    "copy after",
    "imitator of",
    "pupil of",
    "assistant of",
    "formerly attributed to",
    "possibly by",
    "probably by",
    "and workshop",
    "and studio",
    "and assistants",
    "or workshop",
    "workshop",
)
_PREFIX = re.compile(
    r"^\s*(?P<q>" + "|".join(re.escape(a) for a in ATTRIBUTIONS if not a.startswith(("and", "or"))) + r")\b[\s:]*",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"[\s,(]+(?P<q>and workshop|and studio|and assistants|or workshop|workshop)\)?\s*$", re.IGNORECASE)
_UNKNOWN = re.compile(
    r"^(?:unknown|anonymous|anon\.?|unidentified|not known|artist unknown|maker unknown|"
    r"unbekannt|anonym)\b|\b(?:school|unknown)$|^(?:[a-z]+\s)?school\b|"
    r"\bschool\s+\d{1,2}(?:st|nd|rd|th)(?:\s+or\s+\d{1,2}(?:st|nd|rd|th))?\s+century$|"  # "British School 18th century"
    r"\bunknown (?:artist|maker|photographer|author)\b",
    re.IGNORECASE,
)
# Roles a catalogue gives in its own role column that are attributions, not roles: the named
# person is the reference point of the attribution, not (or not simply) the author. Tate's
# contributor "role" holds these (github.com/tategallery/collection, artworks JSON "role").
ATTRIBUTION_ROLES = frozenset(
    {
        "after", "prints after", "copy after", "attributed to", "doubtfully attributed to",
        "formerly attributed to", "manner of", "style of", "circle of", "follower of", "followers of",
        "pupil of", "school of", "studio of", "workshop of", "imitator of", "pseudo", "and studio",
        "and workshop", "and assistants", "and a pupil", "or workshop", "possibly by", "probably by",
    }
)  # fmt: skip
# Roles whose named person is the author (or an author) of the work itself.
JOINT_ROLES = frozenset({"and studio", "and workshop", "and assistants", "and a pupil", "or workshop"})
UNCERTAIN_ATTRIBUTION = "possibly"  # the name itself carries "(?)"
_UNCERTAIN_NAME = re.compile(r"\(\?\)|^\?|\?$")


def attribution_from_role(role: str | None) -> str | None:
    """The attribution a role column holds ("after", "formerly attributed to"...), or None."""
    value = (role or "").strip().lower()
    return value if value in ATTRIBUTION_ROLES else None


def uncertain_name(name: str) -> bool:
    """ "British (?) School", "?British School": the catalogue doubts the attribution itself."""
    return bool(_UNCERTAIN_NAME.search(name.strip()))


def split_attribution(name: str) -> tuple[str | None, str]:
    """("attributed to", "Rembrandt") from "Attributed to Rembrandt"; (None, name) otherwise."""
    m = _PREFIX.match(name)
    if m and m.end() < len(name):
        return m["q"].lower(), name[m.end() :].strip()
    m = _SUFFIX.search(name)
    if m and m.start() > 0:
        return m["q"].lower(), name[: m.start()].strip()
    return None, name.strip()


def agent_kind(name: str, hint: str | None = None, founded: bool = False) -> str:
    """Person, organisation, group or unknown (anonymous, "British School", "unknown artist").

    An anonymous name wins over a hint: catalogues file "unknown Austrian" as a Person, but for
    copyright and linking it is unknown authorship, not a named author.
    """
    if _UNKNOWN.search(name):
        return UNKNOWN_AGENT
    if hint:
        mapped = KIND_HINTS.get(hint.strip().lower())
        if mapped:
            return mapped
    if founded:
        return ORGANISATION
    return collective_kind(name) or PERSON


KIND_HINTS = {
    "person": PERSON,
    "individual": PERSON,
    "people": PERSON,
    "anonymous": UNKNOWN_AGENT,
    "unknown": UNKNOWN_AGENT,
    "corporate": ORGANISATION,
    "organization": ORGANISATION,
    "organisation": ORGANISATION,
    "institution": ORGANISATION,
    "company": ORGANISATION,
    "purchase_fund": ORGANISATION,
    "couple": GROUP,
    "group": GROUP,
    "collective": GROUP,
    "family": GROUP,
}


def natural_name(name: str, kind: str) -> tuple[str, str | None]:
    """A person's name given inverted in the name column ("Daniell, William") in natural order,
    with the inverted form kept as the sort name; other names are returned unchanged."""
    if kind != PERSON or name.count(",") != 1:
        return name, None
    natural = invert_name(name)
    return (natural, name) if natural != name else (name, None)


def invert_name(sort_name: str) -> str:
    """ "Abbey, Edwin Austin" -> "Edwin Austin Abbey"; names with no single comma are kept."""
    parts = [p.strip() for p in sort_name.split(",")]
    if len(parts) == 2 and parts[0] and parts[1]:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and parts[2].rstrip(".").lower() in ("mrs", "mr", "dr", "sir", "lady", "jr", "sr"):
        return f"{parts[1]} {parts[0]}"
    return sort_name.strip()
