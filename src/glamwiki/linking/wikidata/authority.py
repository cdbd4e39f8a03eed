"""Live Wikidata as the authority for people: candidates by wbsearchentities on every name form,
their entities by wbgetentities (cached), read into Person records for the matcher."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from glamwiki.linking.entity import Entity
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.linking.wikidata.entities import entity_facts, entity_person
from glamwiki.model.records import Person

SEARCH_LIMIT = 10


def search_candidates(
    client: WikidataClient, sources: Sequence[Entity], language: str = "en",
    progress: Callable[[int], None] | None = None,
) -> tuple[list[Person], list]:  # fmt: skip
    """The entities any source person's names find, as people, and their facts for the gaps."""
    qids: set[str] = set()
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
