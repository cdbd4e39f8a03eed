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
from dataclasses import dataclass, field

from glamwiki.errors import GlamwikiError
from glamwiki.linking.wikidata.client import WikidataClient, WikidataError

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

    @property
    def found(self) -> list[str]:
        return list(dict.fromkeys([*self.by_id, *self.by_name]))

    def as_json(self) -> str:
        return json.dumps({"queries": self.queries, "by_name": self.by_name, "by_id": self.by_id}, ensure_ascii=False)


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

    def _ask(self, call, what: str) -> list:  # type: ignore[no-untyped-def]
        if self.client is None:
            raise SearchFailed(NOT_SEARCHED)
        try:
            return list(call(self.client))
        except WikidataError as exc:
            raise SearchFailed(
                f"Searching Wikidata for {what!r} failed, so no item is proposed: {exc} "
                "Try again later (answers so far are cached), or give recorded answers with --searches FILE."
            ) from exc
