"""Search before create: an item is proposed only after Wikidata was asked and found nothing.

For a person: `wbsearchentities` on every name form (the label, the catalogue's forms, other
names; https://www.wikidata.org/w/api.php?action=help&modules=wbsearchentities) and CirrusSearch
`haswbstatement:<the institution's id property>=<value>`
(https://www.mediawiki.org/wiki/Help:Extension:WikibaseCirrusSearch). For a work:
`haswbstatement:P217=<inventory number>` together with `haswbstatement:P195=<collection>`, and
the title. Every request goes through the polite, cached client; a request that fails stops the
whole preparation (:class:`SearchFailed`), because an unsearched item must never be proposed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from glamwiki.errors import GlamwikiError
from glamwiki.linking.wikidata.client import WikidataClient, WikidataError
from glamwiki.linking.wikidata.entities import best_values, entity_person, item_ids
from glamwiki.model.dates import ACTIVE, DateInterval
from glamwiki.model.records import Person
from glamwiki.wikimedia.ids import HUMAN, INSTANCE_OF, INVENTORY_NUMBER

SEARCH_LIMIT = 7
NOT_SEARCHED = (
    "Wikidata was not searched, so no item is proposed (an unsearched item may be a duplicate). "
    "Run online (the client is polite and caches every answer), or give recorded answers: --searches FILE."
)


class SearchFailed(GlamwikiError):
    """Wikidata could not be searched, so nothing may be proposed."""


@dataclass
class Searched:
    queries: list[str] = field(default_factory=list)
    by_name: list[str] = field(default_factory=list)  # items whose label or alias matched a name form
    by_id: list[str] = field(default_factory=list)  # items already carrying the institution's id (or P217)
    ruled_out: dict[str, str] = field(default_factory=dict)  # name hits that cannot be the person, and why

    @property
    def found(self) -> list[str]:
        return list(dict.fromkeys([*self.by_id, *self.by_name]))

    def as_json(self) -> str:
        data = {"queries": self.queries, "by_name": self.by_name, "by_id": self.by_id, "ruled_out": self.ruled_out}
        return json.dumps(data, ensure_ascii=False)


def statement_query(*pairs: tuple[str, str]) -> str:
    """CirrusSearch keywords: `haswbstatement:P217=T01234 haswbstatement:P195=Q430682`."""
    return " ".join(f'haswbstatement:"{p}={v.replace(chr(34), "")}"' for p, v in pairs)


class Searcher:
    def __init__(self, client: WikidataClient | None, language: str = "en") -> None:
        self.client = client
        self.language = language

    def person(self, names: list[str], id_pair: tuple[str, str] | None) -> Searched:
        out = Searched()
        if id_pair:
            out.by_id = self._cirrus(out, statement_query(id_pair))
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            out.by_name += [q for q in self._names(out, name) if q not in out.by_name]
        return out

    def rule_out(self, out: Searched, person: Person) -> None:
        """Drop name hits that cannot be this person: items that are not humans, and humans whose birth or
        death year conflicts with the catalogue's (conflicting dates are evidence against a match)."""
        if not out.by_name:
            return
        entities = self._ask(lambda c: list(c.get_entities(out.by_name).items()), "the items found")
        why = {qid: reason for qid, e in entities if (reason := cannot_be(person, e))}
        out.ruled_out.update(why)
        out.by_name = [q for q in out.by_name if q not in why]

    def rule_out_works(self, out: Searched, inventory: str) -> None:
        """Drop title hits that are other works: items with a different inventory number (P217)."""
        if not out.by_name or not inventory:
            return
        entities = self._ask(lambda c: list(c.get_entities(out.by_name).items()), "the items found")
        why = {}
        for qid, entity in entities:
            numbers = [v for v in best_values(entity, INVENTORY_NUMBER) if isinstance(v, str)]
            if numbers and inventory.strip() not in numbers:
                why[qid] = f"another work: inventory number {numbers[0]}"
        out.ruled_out.update(why)
        out.by_name = [q for q in out.by_name if q not in why]

    def work(self, statements: list[tuple[str, str]], title: str, collection: tuple[str, str] | None) -> Searched:
        """By its inventory number in the collection; else by the title among the collection's items."""
        out = Searched()
        if statements:
            out.by_id = self._cirrus(out, statement_query(*statements))
        if not out.by_id and title and collection:
            words = " ".join(title.replace('"', " ").split())
            out.by_name = self._cirrus(out, f'"{words}" {statement_query(collection)}')
        return out

    def cirrus(self, query: str, fresh: bool = False) -> list[str]:
        """One CirrusSearch query; ``fresh`` asks the server again instead of the cache (before a retry)."""
        return self._ask(lambda c: c.cirrus(query, SEARCH_LIMIT, fresh=fresh), query)

    def _cirrus(self, out: Searched, query: str) -> list[str]:
        out.queries.append(f"list=search {query}")
        return self._ask(lambda c: c.cirrus(query, SEARCH_LIMIT), query)

    def _names(self, out: Searched, name: str) -> list[str]:
        out.queries.append(f"wbsearchentities {name}")
        hits = self._ask(lambda c: c.search(name, self.language, SEARCH_LIMIT), name)
        return [h["id"] if isinstance(h, dict) else h for h in hits]

    def _ask(self, call: Callable[[WikidataClient], Iterable[Any]], what: str) -> list[Any]:
        if self.client is None:
            raise SearchFailed(NOT_SEARCHED)
        try:
            return list(call(self.client))
        except WikidataError as exc:
            raise SearchFailed(
                f"Searching Wikidata for {what!r} failed, so no item is proposed: {exc} "
                "Try again later (answers so far are cached), or give recorded answers with --searches FILE."
            ) from exc


def cannot_be(person: Person, entity: dict[str, Any]) -> str | None:
    """Why an item found by name cannot be this person (None: it may be)."""
    kinds = item_ids(entity, INSTANCE_OF)
    if kinds and HUMAN not in kinds:
        return "not a human"
    found = entity_person(entity)
    for what, mine, theirs in (("birth", person.birth, found.birth), ("death", person.death, found.death)):
        if _conflict(mine, theirs):
            return f"{what} {theirs.earliest_year} is not {mine.text or mine.earliest_year}"
    return None


def _conflict(mine: DateInterval, theirs: DateInterval, slack: int = 1) -> bool:
    if ACTIVE in mine.qualifiers:
        return False
    a0, a1, b0, b1 = mine.earliest_year, mine.latest_year, theirs.earliest_year, theirs.latest_year
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return False
    return a1 + slack < b0 or b1 + slack < a0
