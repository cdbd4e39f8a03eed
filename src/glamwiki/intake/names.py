"""Names as catalogues write them: attribution qualifiers and anonymous/collective agents."""

from __future__ import annotations

import re

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
    r"\bunknown (?:artist|maker|photographer|author)\b",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\s(?:&|and|und|et)\s|\bcollective\b|\bgroup\b|\bduo\b|\bteam\b", re.IGNORECASE)
_ORG = re.compile(
    r"\b(?:ltd|limited|inc|company|co\.|corporation|gmbh|museum|gallery|society|studio|studios|"
    r"press|publishers?|manufactory|factory|works|foundation|institute|university|department|"
    r"ministry|office|council|association|club|bank|trust)\b",
    re.IGNORECASE,
)


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
    if founded or _ORG.search(name):
        return ORGANISATION
    if _GROUP.search(name):
        return GROUP
    return PERSON


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


def invert_name(sort_name: str) -> str:
    """ "Abbey, Edwin Austin" -> "Edwin Austin Abbey"; names with no single comma are kept."""
    parts = [p.strip() for p in sort_name.split(",")]
    if len(parts) == 2 and parts[0] and parts[1]:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and parts[2].rstrip(".").lower() in ("mrs", "mr", "dr", "sir", "lady", "jr", "sr"):
        return f"{parts[1]} {parts[0]}"
    return sort_name.strip()
