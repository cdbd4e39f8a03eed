"""A Wikidata item for each work that has none, as WikiProject Sum of All Paintings models works
(https://www.wikidata.org/wiki/Wikidata:WikiProject_sum_of_all_paintings/Data_structure):

- P31 from the object type through the profile's `[wikidata.object_types]` (no mapping: no item, reported);
- P1476 title; P170 creator: the person's item, or for "attributed to", "workshop of", "circle of",
  "manner of", "follower of", "school of", "after" an unknown value qualified with that property
  (P1773, P1774, P1776, P1777, P1775, P1780, P1877) pointing at the named artist; a creator with no
  item yet is an unknown value qualified P1932 "object named as" with the catalogue's name;
- P195 collection; P217 inventory number qualified by P195;
- P571 inception at the precision written (circa P1480, earliest P1319, latest P1326);
- P186 materials through the profile's `[wikidata.materials]`; P2048/P2049/P2610 with their unit;
- P973 described at URL; P6216 copyright status as the rights stage decided it (with P459);
- P18 image once the file is on Commons;
- every statement referenced like the people's items (P248, P854, P813 only when known).
"""

from __future__ import annotations

import re

from glamwiki.linking.new_items import Refusal, reference
from glamwiki.linking.wikidata.settings import WikidataSettings
from glamwiki.linking.wikidata.statements import (
    COMMONS_MEDIA,
    ITEM,
    MONOLINGUAL,
    QUANTITY,
    SOMEVALUE,
    STRING,
    URL,
    Claim,
    Item,
    Snak,
)  # fmt: skip
from glamwiki.linking.wikidata.times import time_claims
from glamwiki.model.records import CreatorRef, ObjectRecord
from glamwiki.model.rights import RightsDecision
from glamwiki.wikimedia.ids import (
    ATTRIBUTION_QUALIFIERS,
    COLLECTION,
    COPYRIGHT_STATUS,
    CREATOR,
    DEPTH,
    DESCRIBED_AT_URL,
    DETERMINATION_METHOD,
    HEIGHT,
    IMAGE,
    INCEPTION,
    INSTANCE_OF,
    INVENTORY_NUMBER,
    MADE_FROM_MATERIAL,
    OBJECT_NAMED_AS,
    TITLE,
    UNITS,
    WIDTH,
)  # fmt: skip

_QID = re.compile(r"^Q[1-9]\d*$")
LABEL_LIMIT = 250  # Wikibase's default maximum length of a label or description
_SPLIT = re.compile(r",|;|\s+and\s+|\s+on\s+|\s+with\s+", re.IGNORECASE)
# Roles that make the named person the work's creator; any other ("formerly attributed to", "and
# other artists") names someone who is not (or not alone) the creator: unknown value, named as.
CREATOR_ROLES = frozenset({"", "artist", "painter", "sculptor", "photographer", "printmaker", "draughtsman",
                           "designer", "maker", "engraver", "etcher", "lithographer", "architect"})  # fmt: skip
_GENERIC = re.compile(r"^(untitled|title unknown|no title|\[?title not known\]?)", re.IGNORECASE)


def work_item(
    dataset: str, record: ObjectRecord, settings: WikidataSettings, creator_qids: dict[str, str],
    rights: RightsDecision | None = None, image: str | None = None, language: str = "en",
) -> Item | Refusal:  # fmt: skip
    """The item to create for a work, or why there can be none."""
    title = record.title.strip()
    kind = instance_of(record, settings)
    if not title:
        return Refusal(dataset, record.id, "", "no title to label the item with")
    if not kind:
        why = f"no P31 for object type {record.object_type!r}: add it to the profile's [wikidata.object_types]"
        return Refusal(dataset, record.id, title, why)
    item = Item(f"{dataset}/{record.id}", short(title), describe(record, settings), [Claim(INSTANCE_OF, ITEM, kind)],
                reference(settings, record.url), language=language)  # fmt: skip
    item.claims.append(Claim(TITLE, MONOLINGUAL, (language, title)))
    item.claims += [creator_claim(c, creator_qids) for c in record.creators if c.name or c.person_id]
    if settings.collection:
        item.claims.append(Claim(COLLECTION, ITEM, settings.collection))
    if record.accession_number:
        quals = [Snak(COLLECTION, ITEM, settings.collection)] if settings.collection else []
        item.claims.append(Claim(INVENTORY_NUMBER, STRING, record.accession_number.strip(), quals))
    item.claims += time_claims(INCEPTION, record.date)
    item.claims += [Claim(MADE_FROM_MATERIAL, ITEM, q) for q in materials(record.medium or "", settings)]
    item.claims += dimensions(record, item)
    if record.url and record.url.startswith(("http://", "https://")):
        item.claims.append(Claim(DESCRIBED_AT_URL, URL, record.url))
    if rights and rights.copyright_status and _QID.match(rights.copyright_status):
        method = rights.determination_method
        quals = [Snak(DETERMINATION_METHOD, ITEM, method)] if method and _QID.match(method) else []
        item.claims.append(Claim(COPYRIGHT_STATUS, ITEM, rights.copyright_status, quals))
    if image:
        item.claims.append(Claim(IMAGE, COMMONS_MEDIA, image))
    return item


def short(text: str, limit: int = LABEL_LIMIT) -> str:
    """A label within Wikibase's limit (the full title stays in P1476)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def instance_of(record: ObjectRecord, settings: WikidataSettings) -> str | None:
    types = settings.object_types
    kind = (record.object_type or "").strip().lower()
    medium = (record.medium or "").lower()
    if kind.startswith("on paper") and "watercolour" in medium and "watercolour" in types:
        return types["watercolour"]
    if "photograph" in medium and kind.startswith("on paper") and "photograph" in types:
        return types["photograph"]
    return types.get(kind)


def creator_claim(c: CreatorRef, qids: dict[str, str]) -> Claim:
    qid = c.identifiers.get("wikidata") or (qids.get(c.person_id) if c.person_id else None)
    attribution = (c.attribution or "").strip().lower()
    if not attribution and (c.role or "").strip().lower() in ATTRIBUTION_QUALIFIERS:
        attribution = (c.role or "").strip().lower()  # Tate writes "after", "attributed to" as the role
    named = [Snak(OBJECT_NAMED_AS, STRING, c.name)] if c.name else []
    if attribution in ATTRIBUTION_QUALIFIERS:
        prop = ATTRIBUTION_QUALIFIERS[attribution]
        who = Snak(prop, ITEM, qid) if qid else Snak(prop, SOMEVALUE)
        return Claim(CREATOR, SOMEVALUE, None, [who, *named])
    if qid and _QID.match(qid) and (c.role or "").strip().lower() in CREATOR_ROLES:
        return Claim(CREATOR, ITEM, qid)
    return Claim(CREATOR, SOMEVALUE, None, named)


def materials(medium: str, settings: WikidataSettings) -> list[str]:
    out: list[str] = []
    for phrase in _SPLIT.split(medium.lower()):
        phrase = phrase.strip(" .")
        qid = settings.materials.get(phrase) or next(
            (q for word, q in settings.materials.items() if re.search(rf"\b{re.escape(word)}\b", phrase)), None
        )
        if qid and qid not in out:
            out.append(qid)
    return out


def dimensions(record: ObjectRecord, item: Item) -> list[Claim]:
    dims = record.dimensions
    if dims is None:
        return []
    unit = UNITS.get((dims.unit or "").strip().lower())
    if unit is None:
        if any(v is not None for v in (dims.height, dims.width, dims.depth)):
            item.problems.append(f"dimensions without a known unit ({dims.unit!r}) left out")
        return []
    pairs = ((HEIGHT, dims.height), (WIDTH, dims.width), (DEPTH, dims.depth))
    return [Claim(prop, QUANTITY, (value, unit)) for prop, value in pairs if value is not None and value > 0]


def describe(record: ObjectRecord, settings: WikidataSettings) -> str:
    kind = {v: k for k, v in settings.object_types.items()}.get(instance_of(record, settings) or "", "work")
    kind = {"on paper, print": "print", "on paper, unique": "drawing", "watercolour": "watercolour"}.get(kind, kind)
    names = [c.name for c in record.creators if c.name][:2]
    text = f"{kind} by {' and '.join(names)}" if names else kind
    if _GENERIC.match(record.title) and record.accession_number:  # label and description must differ per item
        text += f" ({record.institution or 'collection'} {record.accession_number})"
    return text


def object_id_query(record: ObjectRecord, settings: WikidataSettings) -> list[tuple[str, str]]:
    """The statements an existing item of this work would carry: P217 with P195."""
    if not record.accession_number:
        return []
    pairs = [(INVENTORY_NUMBER, record.accession_number.strip())]
    return pairs + ([(COLLECTION, settings.collection)] if settings.collection else [])
