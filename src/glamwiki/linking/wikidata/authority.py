"""Live Wikidata as the authority for people: candidates by identifier (one SPARQL query per
scheme and batch: the items holding a ULAN, VIAF... id the collection gives), by wbsearchentities
on every name form, and their entities by wbgetentities (all cached), read into Person records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from glamwiki.linking.entity import Entity
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.entities import EntityFacts, entity_facts, entity_person
from glamwiki.model.records import Person
from glamwiki.wikimedia.ids import IDENTIFIER_PROPERTIES

SEARCH_LIMIT = 10


def search_candidates(
    client: WikidataClient, sources: Sequence[Entity], language: str = "en",
    progress: Callable[[int], None] | None = None,
) -> tuple[list[Person], list[EntityFacts]]:  # fmt: skip
    """The entities any source person's names find, as people, and their facts for the gaps."""
    qids: set[str] = set(identifier_candidates(client, sources))
    for s in sources:
        if s.matchable:
            for text in {s.name, *(" ".join(f.tokens) for f in s.forms[:2])}:
                qids.update(hit["id"] for hit in client.search(text, language, SEARCH_LIMIT))
        if s.qid:
            qids.add(s.qid)
        if progress:
            progress(1)
    entities = client.get_entities(qids)
    people = [entity_person(e) for e in entities.values()]
    return people, [entity_facts(e) for e in entities.values()]


def identifier_candidates(client: WikidataClient, sources: Sequence[Entity], batch: int = 200) -> list[str]:
    """Items that carry any identifier the sources give (ULAN, VIAF, ISNI, RKD...), by SPARQL."""
    found: list[str] = []
    for scheme, prop in IDENTIFIER_PROPERTIES.items():
        values = sorted({s.identifiers[scheme] for s in sources if scheme in s.identifiers})
        for i in range(0, len(values), batch):
            chunk = " ".join(f'"{v}"' for v in values[i : i + batch] if '"' not in v and "\\" not in v)
            query = f"SELECT ?item ?value WHERE {{ VALUES ?value {{ {chunk} }} ?item wdt:{prop} ?value . }}"
            found += [row["item"].rsplit("/", 1)[-1] for row in client.sparql(query) if "item" in row]
    return found
