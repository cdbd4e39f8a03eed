"""Creators on an object record: from a JSON list, one row's columns, or cells split by a
separator; optionally also as Person records (one per creator id per file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from glamwiki.intake.base import Issue, ReadContext
from glamwiki.intake.lifedates import life_dates_for
from glamwiki.intake.mapping import CreatorsSpec
from glamwiki.intake.names import agent_kind, invert_name, split_attribution
from glamwiki.intake.paths import compile_path
from glamwiki.intake.transforms import get_transform
from glamwiki.intake.values import text
from glamwiki.model.records import CreatorRef, Person, SourceRef

Getter = Callable[[Any], Any]


class CreatorReader:
    def __init__(
        self,
        spec: CreatorsSpec,
        ctx: ReadContext,
        tabular: bool,
        joins: dict[str, dict[str, list[str]]],
        circa_years: int,
    ) -> None:
        from glamwiki.intake.mapper import compile_field

        self.spec, self.ctx, self.circa_years = spec, ctx, circa_years
        # Inside a JSON list the sub-paths are relative to each creator object.
        inner_tabular = tabular and spec.path is None
        self.get = {n: compile_field(f, inner_tabular, joins) for n, f in spec.fields.items()}
        self.list_of: Getter | None = compile_path(spec.path) if spec.path else None
        self.provenance = {n: f.path or "(constant)" for n, f in spec.fields.items()}
        self.seen_people: set[str] = set()
        self.none: Getter = lambda item: None
        self.first = get_transform("first", "creators")

    def g(self, name: str, item: Any) -> Any:
        return self.get.get(name, self.none)(item)

    def read(self, row: Any, locator: str) -> tuple[list[CreatorRef], list[Person], list[Issue]]:
        creators, people, issues = [], [], []
        for n, item in enumerate(self._items(row)):
            ref, person = self._one(item, f"{locator}", n, issues)
            if ref is None:
                continue
            creators.append(ref)
            if person is not None:
                people.append(person)
        return creators, people, issues

    def _items(self, row: Any) -> list[Any]:
        if self.list_of is not None:
            items = self.list_of(row)
            return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        if self.spec.split is None:
            return [row]
        # Several creators in one cell: split every creator column alike and pair them up.
        sep = self.spec.split
        columns = {n: (str(v).split(sep) if (v := g(row)) not in (None, "") else []) for n, g in self.get.items()}
        width = max((len(v) for v in columns.values()), default=0)
        return [{n: (v[i].strip() if i < len(v) else None) for n, v in columns.items()} for i in range(width)]

    def _one(self, item: Any, locator: str, n: int, issues: list[Issue]) -> tuple[CreatorRef | None, Person | None]:
        split_mode = self.spec.split is not None and self.list_of is None
        g = (lambda name: item.get(name)) if split_mode else (lambda name: self.g(name, item))
        raw_name = text(g("name"))
        sort_name = text(g("sort_name"))
        if not raw_name and sort_name:
            raw_name = invert_name(sort_name)
        if not raw_name:
            return None, None
        attribution, name = split_attribution(raw_name)
        attribution = text(g("attribution")) or attribution
        birth, death, active, founded = life_dates_for(
            g, self.provenance, self.ctx, locator, issues, self.circa_years, "creators."
        )
        kind = agent_kind(name, text(g("kind")), founded)
        ref = CreatorRef(
            name=name,
            person_id=text(g("id")),
            role=text(g("role")),
            attribution=attribution,
            kind=kind,
            birth=birth,
            death=death,
            gender=text(g("gender")),
            nationality=text(g("nationality")),
            identifiers={
                k[len("identifiers.") :]: v for k in self.get if k.startswith("identifiers.") if (v := text(g(k)))
            },
        )
        person = None
        if self.spec.people and ref.person_id and ref.person_id not in self.seen_people:
            self.seen_people.add(ref.person_id)
            person = Person(
                id=ref.person_id,
                name=name,
                sort_name=sort_name,
                kind=kind,
                birth=birth,
                death=death,
                active=active,
                gender=ref.gender,
                nationality=ref.nationality,
                birth_place=text(g("birth_place")),
                death_place=text(g("death_place")),
                identifiers=ref.identifiers,
                provenance={f"creators.{k}": v for k, v in self.provenance.items()},
                source=SourceRef(self.ctx.display, locator),
            )
        return ref, person
