"""Blocking: which authority entries are worth comparing with a source person.

Every name token of every authority name form is indexed. A source person's candidates share
its surname, or a rarer token of its name (common forenames such as "john" alone do not make a
candidate); they are then ranked by the rarity of what they share, and the best few kept.
Identifiers are indexed too, so an identifier agreement is found whatever the names say.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from glamwiki.linking.entity import Entity

MAX_POSTING = 300  # a token shared by more entries than this blocks only as a surname
MAX_CANDIDATES = 30


class AuthorityIndex:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.tokens: dict[str, list[int]] = defaultdict(list)
        self.identifiers: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.surname_count: Counter[str] = Counter()
        for i, e in enumerate(entities):
            for token in {t for f in e.forms for t in f.tokens if len(t) > 1}:
                self.tokens[token].append(i)
            self.surname_count.update({f.surname for f in e.forms})
            for scheme, value in e.identifiers.items():
                self.identifiers[(scheme, value)].append(i)
        self._n = max(len(entities), 1)

    def candidates(self, source: Entity, limit: int = MAX_CANDIDATES) -> list[int]:
        scores: dict[int, float] = defaultdict(float)
        surnames = {f.surname for f in source.forms}
        for token in {t for f in source.forms for t in f.tokens if len(t) > 1}:
            posting = self.tokens.get(token)
            if not posting or (len(posting) > MAX_POSTING and token not in surnames):
                continue
            weight = math.log(self._n / len(posting)) + (1.0 if token in surnames else 0.0)
            for i in posting:
                scores[i] += weight
        ranked = sorted(scores, key=scores.__getitem__, reverse=True)
        return ranked[:limit]

    def by_identifier(self, source: Entity) -> list[int]:
        found: list[int] = []
        for key in source.identifiers.items():
            found += [i for i in self.identifiers.get(key, []) if i not in found]
        return found
