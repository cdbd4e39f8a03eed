"""New Wikidata items for people no match was found for, as an experienced volunteer would make them.

- Humans only: schools, "(?)" attributions, groups, companies and publishers are never Q5 and get
  no birth or death (see :mod:`glamwiki.linking.human`); they are reported, not proposed.
- The label in natural order without honorifics; the catalogue's forms as aliases.
- P21 only when the catalogue states it; birth and death at the precision written, floruit
  (P1317) for "active" dates (:mod:`glamwiki.linking.wikidata.times`).
- Identifiers: ULAN, VIAF… as the record gives them, and the institution's own artist-id property
  from its profile's `[wikidata.person_id]`, checked against the property's format constraint (a
  value that fails is left out and reported).
- Every statement referenced: P248 stated in (the profile's `stated_in`), P854 the record's URL,
  P813 retrieved only with the date the data was actually retrieved (the profile's `retrieved`,
  the export's date), never today's.

Searching Wikidata before anything is proposed is :mod:`glamwiki.linking.wikidata.search_first`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from glamwiki.linking.human import HUMAN as HUMAN_KIND
from glamwiki.linking.human import creator_kind, natural_label
from glamwiki.linking.wikidata.settings import WikidataSettings
from glamwiki.linking.wikidata.statements import EXTERNAL_ID, ITEM, TIME, URL, Claim, Item, Snak
from glamwiki.linking.wikidata.statements import as_json as as_json  # re-exported for callers
from glamwiki.linking.wikidata.statements import quickstatements as quickstatements
from glamwiki.linking.wikidata.statements import wbeditentity as wbeditentity
from glamwiki.linking.wikidata.times import time_claims
from glamwiki.model.dates import ACTIVE, UNKNOWN
from glamwiki.model.records import Person
from glamwiki.wikimedia.ids import (
    ARTIST,
    DATE_OF_BIRTH,
    DATE_OF_DEATH,
    FLORUIT,
    GENDER_ITEMS,
    HUMAN,
    IDENTIFIER_PROPERTIES,
    INSTANCE_OF,
    OCCUPATION,
    REFERENCE_URL,
    RETRIEVED,
    SEX_OR_GENDER,
    STATED_IN,
)  # fmt: skip

# The institution's own id property comes from the profile; these schemes are other authorities'.
_OWN_SCHEMES = ("tate", "moma", "nga")


@dataclass
class Refusal:
    """A person glamwiki will not propose as a new human item, and why."""

    dataset: str
    person_id: str
    name: str
    why: str


def new_item(
    dataset: str, person: Person, settings: WikidataSettings | None = None, occupation: str = ARTIST
) -> Item | Refusal:
    """The item to create for an unmatched person, or why there must be none."""
    settings = settings or WikidataSettings()
    kind = creator_kind(person.name, person.kind)
    if kind != HUMAN_KIND:
        return Refusal(dataset, person.id, person.name, f"not a human ({kind}): no Q5 item")
    label, aliases = natural_label(person.name, person.sort_name)
    aliases += [a for a in person.alt_names if a not in aliases and a != label]
    item = Item(f"{dataset}/{person.id}", label, describe(person), [Claim(INSTANCE_OF, ITEM, HUMAN)],
                reference(settings, person.url), aliases)  # fmt: skip
    gender = GENDER_ITEMS.get((person.gender or "").strip().lower())
    if gender:
        item.claims.append(Claim(SEX_OR_GENDER, ITEM, gender))
    birth, death, active = person.birth, person.death, person.active
    if ACTIVE in birth.qualifiers or ACTIVE in death.qualifiers:  # "active 1820-40" is not a lifespan
        active = active if active.earliest else birth if birth.earliest else death
        birth, death = UNKNOWN, UNKNOWN
    for prop, d in ((DATE_OF_BIRTH, birth), (DATE_OF_DEATH, death), (FLORUIT, active)):
        item.claims += time_claims(prop, d)
    if occupation:
        item.claims.append(Claim(OCCUPATION, ITEM, occupation))
    for scheme, value in sorted(person.identifiers.items()):
        if scheme in IDENTIFIER_PROPERTIES and scheme not in _OWN_SCHEMES:
            item.claims.append(Claim(IDENTIFIER_PROPERTIES[scheme], EXTERNAL_ID, value))
    own_id(item, person, settings)
    return item


def own_id(item: Item, person: Person, settings: WikidataSettings) -> None:
    """The institution's artist-id statement, when the profile names the property and the value fits."""
    spec = settings.person_id
    if spec is None:
        return
    value = spec.value(person.id, person.url)
    problem = spec.problem(value) if value else f"no value for {spec.prop} ({spec.source})"
    if problem:
        item.problems.append(problem)
    elif value:
        item.claims.append(Claim(spec.prop, EXTERNAL_ID, value))


def reference(settings: WikidataSettings, url: str | None) -> list[Snak]:
    """P248 stated in, P854 reference URL, and P813 only with the real retrieval date."""
    out = []
    if settings.stated_in:
        out.append(Snak(STATED_IN, ITEM, settings.stated_in))
    if url and url.startswith(("http://", "https://")):
        out.append(Snak(REFERENCE_URL, URL, url))
    when = settings.retrieved_time()
    if when and out:
        out.append(Snak(RETRIEVED, TIME, when))
    return out


def describe(person: Person) -> str:
    who = f"{person.nationality} artist" if person.nationality else "artist"
    b, d = person.birth.earliest_year, person.death.earliest_year
    if b and d and person.birth.is_exact_year and person.death.is_exact_year:
        return f"{who} ({b}–{d})"
    if b and person.birth.is_exact_year:
        return f"{who}, born {b}"
    return who
