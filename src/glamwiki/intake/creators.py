"""Creators on an object record: from a JSON list, one row's columns, or cells split by a
separator; optionally also as Person records (one per creator id per file).

Catalogues name the same creator on many rows, so the conversion of a creator's raw values is
memoised in a bounded cache: memory stays flat, repeated creators cost a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import msgspec

from glamwiki.intake.base import WARNING, Issue, ReadContext
from glamwiki.intake.fields import Joins, compile_field
from glamwiki.intake.lifedates import Note, as_period, life_dates
from glamwiki.intake.mapping import CreatorsSpec
from glamwiki.intake.names import (
    UNCERTAIN_ATTRIBUTION,
    agent_kind,
    attribution_from_role,
    invert_name,
    natural_name,
    split_attribution,
    uncertain_name,
)
from glamwiki.intake.paths import compile_path
from glamwiki.intake.values import text
from glamwiki.model.dates import UNKNOWN
from glamwiki.model.records import UNKNOWN_AGENT, CreatorRef, Person, SourceRef

Getter = Callable[[Any], Any]
Converted = tuple[CreatorRef | None, Person | None, tuple[Note, ...]]
CACHE_SIZE = 16384


class CreatorReader:
    def __init__(self, spec: CreatorsSpec, ctx: ReadContext, tabular: bool, joins: Joins, circa_years: int) -> None:
        self.spec, self.ctx, self.circa_years = spec, ctx, circa_years
        inner_tabular = tabular and spec.path is None  # inside a JSON list, paths are relative
        self.names = list(spec.fields)
        self.getters = [compile_field(spec.fields[n], inner_tabular, joins) for n in self.names]
        self.list_of: Getter | None = compile_path(spec.path) if spec.path else None
        self.provenance = {n: f.path or "(constant)" for n, f in spec.fields.items()}
        self.identifier_names = [n for n in self.names if n.startswith("identifiers.")]
        self.seen_people: set[str] = set()
        self.convert = lru_cache(maxsize=CACHE_SIZE)(self._convert)

    def read(self, row: Any, locator: str) -> tuple[list[CreatorRef], list[Person], list[Issue]]:
        creators: list[CreatorRef] = []
        people: list[Person] = []
        issues: list[Issue] = []
        for values in self._value_tuples(row):
            try:
                ref, person, notes = self.convert(values)
            except TypeError:  # an unhashable value (a list in a JSON field): convert uncached
                ref, person, notes = self._convert(values)
            if ref is None:
                continue
            creators.append(ref)
            if notes:
                issues.extend(self.ctx.issue(locator, f, m, WARNING, v) for f, m, v in notes)
            if person is not None and person.id not in self.seen_people:
                self.seen_people.add(person.id)
                people.append(msgspec.structs.replace(person, source=SourceRef(self.ctx.display, locator)))
        return creators, people, issues

    def _value_tuples(self, row: Any) -> list[tuple[Any, ...]]:
        if self.list_of is not None:
            items = self.list_of(row)
            if not isinstance(items, list):
                return []
            getters = self.getters
            return [tuple([g(i) for g in getters]) for i in items if isinstance(i, dict)]
        values = tuple([g(row) for g in self.getters])
        if self.spec.split is None:
            return [values]
        # Several creators in one cell: split every creator column alike and pair them up.
        sep = self.spec.split
        cells = [str(v).split(sep) if v not in (None, "") else [] for v in values]
        width = max((len(c) for c in cells), default=0)
        return [tuple(c[i].strip() if i < len(c) else None for c in cells) for i in range(width)]

    def _convert(self, values: tuple[Any, ...]) -> Converted:
        v = dict(zip(self.names, values, strict=True))
        raw_name, sort_name = text(v.get("name")), text(v.get("sort_name"))
        if not raw_name and sort_name:
            raw_name = invert_name(sort_name)
        if not raw_name:
            return None, None, ()
        attribution, name = split_attribution(raw_name)
        role = text(v.get("role"))
        from_role = attribution_from_role(role)
        if from_role:  # Tate: the role column says "after", "formerly attributed to"...
            attribution, role = from_role, None
        elif attribution is None and uncertain_name(name):
            attribution = UNCERTAIN_ATTRIBUTION
        birth, death, active, founded, notes = life_dates(v, self.provenance, self.circa_years, "creators.")
        kind = agent_kind(name, text(v.get("kind")), founded)
        if kind == UNKNOWN_AGENT:
            active, birth, death = as_period(birth, death, active), UNKNOWN, UNKNOWN
        if not sort_name:
            name, sort_name = natural_name(name, kind)
        identifiers = {n[len("identifiers.") :]: t for n in self.identifier_names if (t := text(v.get(n)))}
        ref = CreatorRef(
            name=name, person_id=text(v.get("id")), role=role, active=active,
            attribution=text(v.get("attribution")) or attribution, kind=kind,
            birth=birth, death=death, gender=text(v.get("gender")), nationality=text(v.get("nationality")),
            identifiers=identifiers,
        )  # fmt: skip
        person = None
        if self.spec.people and ref.person_id:
            person = Person(
                id=ref.person_id, name=name, sort_name=sort_name, kind=ref.kind, birth=birth, death=death,
                active=active, gender=ref.gender, nationality=ref.nationality, birth_place=text(v.get("birth_place")),
                death_place=text(v.get("death_place")), identifiers=identifiers,
            )  # fmt: skip
        return ref, person, tuple(notes)
