"""Creators on a file page and in its structured data, with the catalogue's attribution kept.

A work "after Turner" is not a Turner, "formerly attributed to Turner" is not by Turner, and
"British (?) School" is a doubted school: the page says so in words (``|artist = after ...``),
and the structured data follows Wikidata's attribution model: creator (P170) is *unknown value*
qualified by the attribution property naming the reference artist —
P1773 attributed to, P1774 workshop of, P1775 follower of, P1776 circle of, P1777 manner of,
P1780 school of, P1877 after a work by (each property page says "use with P170 = unknown value":
https://www.wikidata.org/wiki/Property:P1773 … /Property:P1877; Commons' own guidance:
https://commons.wikimedia.org/wiki/Commons:Structured_data/Modeling/Author; the visual-arts
item model that WikiProject sum of all paintings follows:
https://www.wikidata.org/wiki/Wikidata:WikiProject_Visual_arts/Item_structure), with
nature of statement (P5102, https://www.wikidata.org/wiki/Property:P5102) "possibly" for a
doubted attribution. Only named authors get a creator-by-type category.
"""

from __future__ import annotations

import re
from typing import Any

from glamwiki.model.records import ORGANISATION, PERSON, UNKNOWN_AGENT, CreatorRef
from glamwiki.publishing.snaks import item, snak, statement_of
from glamwiki.publishing.wikitext import clean_text, escape
from glamwiki.wikimedia import ids

_QID = re.compile(r"^Q[1-9]\d*$")

# attribution (lower case, as intake carries it) -> qualifier of P170 = unknown value naming the artist
QUALIFIER = {
    "attributed to": ids.ATTRIBUTED_TO,
    "doubtfully attributed to": ids.ATTRIBUTED_TO,
    "possibly by": ids.ATTRIBUTED_TO,
    "probably by": ids.ATTRIBUTED_TO,
    "workshop of": ids.WORKSHOP_OF,
    "studio of": ids.WORKSHOP_OF,
    "follower of": ids.FOLLOWER_OF,
    "followers of": ids.FOLLOWER_OF,
    "circle of": ids.CIRCLE_OF,
    "manner of": ids.MANNER_OF,
    "style of": ids.MANNER_OF,
    "imitator of": ids.MANNER_OF,
    "pseudo": ids.MANNER_OF,  # Tate's "pseudo-Cotman": works in the manner of, not by, the artist
    "school of": ids.SCHOOL_OF,
    "pupil of": ids.SCHOOL_OF,
    "after": ids.AFTER_A_WORK_BY,
    "prints after": ids.AFTER_A_WORK_BY,
    "copy after": ids.AFTER_A_WORK_BY,
}
DOUBTED = {"doubtfully attributed to": ids.POSSIBLY, "possibly by": ids.POSSIBLY, "probably by": ids.PROBABLY,
           "possibly": ids.POSSIBLY}  # fmt: skip
# The named person is (one of) the work's authors despite the wording.
JOINT = {"and studio", "and workshop", "and assistants", "and a pupil", "or workshop"}
# The named person is not the author at all.
NOT_AUTHOR = {"formerly attributed to"}
# Roles that are not the maker of the image (on {{Artwork}} they go to |author= or are named with the role).
ARTIST_ROLES = {"", "artist", "painter", "maker", "creator", "draughtsman", "printmaker", "engraver", "sculptor",
                "photographer", "designer", "illustrator"}  # fmt: skip
AUTHOR_ROLES = {"author", "writer", "text", "poet"}


def qid_of(identifiers: dict[str, str]) -> str | None:
    if not identifiers:
        return None
    for key in ids.WIKIDATA_KEYS:
        value = identifiers.get(key, "").rsplit("/", 1)[-1].strip()
        if _QID.match(value):
            return value
    return None


def is_author(creator: CreatorRef) -> bool:
    """The named person really made the work (no attribution that makes them only a reference)."""
    attribution = (creator.attribution or "").lower()
    return creator.kind not in (UNKNOWN_AGENT,) and (not attribution or attribution in JOINT)


def role_of(creator: CreatorRef) -> str:
    return (creator.role or "").strip().lower()


def is_artist(creator: CreatorRef) -> bool:
    return role_of(creator) in ARTIST_ROLES


def life_text(creator: CreatorRef) -> str:
    """ "(1775–1851)", "(active 1531–1570)", "(born 1961)"; nothing for schools and unknown makers."""
    if creator.kind == UNKNOWN_AGENT:
        return ""
    born, died = creator.birth.earliest_year, creator.death.latest_year
    if born is None and died is None:
        lo, hi = creator.active.earliest_year, creator.active.latest_year
        if lo is None:
            return ""
        return f"(active {lo})" if hi in (None, lo) else f"(active {lo}–{hi})"
    if died is None:
        return f"(born {born})"
    return f"({born if born is not None else '?'}–{died})"


def creator_text(creator: CreatorRef) -> str:
    """One creator as page text: the Creator template when linked, else the name and life dates,
    with the attribution in words before it ("after …") or after it ("… and studio")."""
    qid = qid_of(creator.identifiers)
    named = f"{{{{Creator|Wikidata={qid}}}}}" if qid else f"{escape(creator.name)} {life_text(creator)}".strip()
    attribution = (creator.attribution or "").lower()
    role = role_of(creator)
    if attribution in JOINT:
        named = f"{named} {escape(attribution)}"
    elif attribution and attribution != "possibly":
        named = f"{escape(attribution)} {named}"
    if role and role not in ARTIST_ROLES and role not in AUTHOR_ROLES:
        named = f"{named} ({escape(role)})"
    return named


def artists_and_authors(creators: list[CreatorRef]) -> tuple[str, str]:
    """``|artist=`` and ``|author=`` texts: a co-creator whose role is author is not the artist."""
    artists = [creator_text(c) for c in creators if c.name and role_of(c) not in AUTHOR_ROLES]
    authors = [creator_text(c) for c in creators if c.name and role_of(c) in AUTHOR_ROLES]
    return "; ".join(artists), "; ".join(authors)


def caption_credit(creators: list[CreatorRef]) -> str:
    """Who to name in a caption: real authors plainly, attributions in words; never a school."""
    parts = []
    for c in creators:
        if not c.name or c.kind == UNKNOWN_AGENT or role_of(c) not in ARTIST_ROLES:
            continue
        attribution = (c.attribution or "").lower()
        if attribution in NOT_AUTHOR:
            continue
        if not attribution or attribution in JOINT:
            parts.append(f"by {clean_text(c.name)}")
        else:
            parts.append(f"{attribution} {clean_text(c.name)}")
    return ", ".join(parts[:2])


def _name_string(creator: CreatorRef, words: str = "") -> dict[str, Any]:
    """P2093 with the name as credited; an unlinked reference artist keeps the attribution in words
    ("after Joseph Mallord William Turner"), since the item-valued qualifiers need a Wikidata item."""
    text = f"{words} {clean_text(creator.name)}".strip()
    return snak(ids.AUTHOR_NAME_STRING, {"type": "string", "value": text[:400]})


def creator_statement(creator: CreatorRef) -> dict[str, Any] | None:
    """The P170 statement for one creator, or None when the catalogue says the person is not the author."""
    attribution = (creator.attribution or "").lower()
    if attribution in NOT_AUTHOR or not creator.name:
        return None
    qid = qid_of(creator.identifiers)
    qualifiers: list[dict[str, Any]] = []
    prop = QUALIFIER.get(attribution)
    if prop:  # unknown creator, qualified by the reference artist
        main = snak(ids.CREATOR, None)
        qualifiers.append(snak(prop, item(qid)) if qid else _name_string(creator, attribution))
    elif qid and creator.kind != UNKNOWN_AGENT:
        main = snak(ids.CREATOR, item(qid))
    else:
        main = snak(ids.CREATOR, None)
        qualifiers.append(_name_string(creator))
    if attribution in DOUBTED:
        qualifiers.append(snak(ids.NATURE_OF_STATEMENT, item(DOUBTED[attribution])))
    return statement_of(main, qualifiers)


def category_creators(creators: list[CreatorRef]) -> list[CreatorRef]:
    """Creators who get a "Drawings by …" category: named people or bodies who made the work."""
    return [c for c in creators if c.name and is_author(c) and is_artist(c) and c.kind in (PERSON, ORGANISATION)]
