"""Which catalogue names are organisations or groups, not people: one word list for every stage.

Intake (``intake.names.agent_kind``, the kind a creator is stored with, which the rights engine
reads: an organisation's work runs from publication, not from a death) and linking
(``linking.human.creator_kind``, which decides whether a new Wikidata item would be a human, Q5)
used two lists that disagreed ("University", "Office", "Trust" were organisations for rights and
people for linking; "Editions", "Printers", "Agency" the other way round). They read this one.
"""

from __future__ import annotations

import re

from glamwiki.model.records import GROUP, ORGANISATION

ORGANISATION_WORDS = (
    "ltd", "limited", "plc", "inc", "company", "co.", "corporation", "gmbh", "industries",
    "museum", "gallery", "galleries", "society", "associates", "association", "partnership",
    "agency", "foundation", "institute", "university", "department", "ministry", "office",
    "council", "club", "trust", "press", "publishers", "publisher", "editions",
    "magazine", "printers", "printer", "manufactory", "factory", "works", "studio", "studios",
    "workshop", "atelier",
)  # fmt: skip
# Not "bank": a surname too (MoMA's "Moses Bank"); a person taken for an organisation would have
# the term of a corporate work, the riskier error.
GROUP_WORDS = ("collective", "group", "duo", "team")
_ORGANISATION = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ORGANISATION_WORDS) + r")(?!\w)", re.IGNORECASE)
_GROUP = re.compile(r"\s(?:&|and|und|et)\s|\b(?:" + "|".join(GROUP_WORDS) + r")\b", re.IGNORECASE)


def collective_kind(name: str) -> str | None:
    """ORGANISATION when the name carries an organisation's word ("Ltd", "Press", "Gallery"...),
    GROUP for a pair or a collective ("Gilbert & George", "Guerrilla Girls collective"), else None."""
    if _ORGANISATION.search(name):
        return ORGANISATION
    if _GROUP.search(name):
        return GROUP
    return None
