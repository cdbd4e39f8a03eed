"""Builders: a mapping compiled once per file into plans that turn a row into an ObjectRecord
or a Person, with data-quality warnings. Only mapped fields cost anything per row."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from glamwiki.dates import parse_date, parse_date_events
from glamwiki.dates.parse import CATALOGUE, EDTF
from glamwiki.dates.words import says_no_date
from glamwiki.intake.base import WARNING, Issue, Read, ReadContext
from glamwiki.intake.creators import CreatorReader
from glamwiki.intake.dimensions import reconcile
from glamwiki.intake.fields import Joins, compile_field, text_getter, texts_getter
from glamwiki.intake.forms import infer_form
from glamwiki.intake.images import image_refs
from glamwiki.intake.lifedates import as_period, life_dates
from glamwiki.intake.mapping import SourceSpec
from glamwiki.intake.names import agent_kind, invert_name, natural_name
from glamwiki.intake.transforms import to_bool
from glamwiki.intake.values import number, texts
from glamwiki.model.dates import AMBIGUOUS, UNKNOWN, DateInterval
from glamwiki.model.records import UNKNOWN_AGENT, Dimensions, ObjectRecord, Person, SourceRef, Subject, Title

OBJECT_TEXT = ("accession_number", "object_type", "medium", "credit_line", "rights_statement", "description",
               "department", "institution", "url", "form")  # fmt: skip
PERSON_TEXT = ("gender", "nationality", "birth_place", "death_place", "biography", "url")
_PUBLISHED_EVENTS = ("published", "first published")
_SUBJECT_KINDS = (("subjects", "topic"), ("subjects_person", "person"), ("subjects_place", "place"))


class Plan:
    """Compiled getters for the fields a mapping names, and nothing for those it doesn't."""

    def __init__(self, spec: SourceSpec, tabular: bool, joins: Joins) -> None:
        fields = spec.fields
        id_getter = compile_field(fields["id"], tabular, {})
        self.text = {n: text_getter(f, tabular, joins, id_getter) for n, f in fields.items()}
        self.raw = {n: compile_field(f, tabular, joins, id_getter) for n, f in fields.items()}
        self.texts = {n: texts_getter(f, tabular, joins, id_getter) for n, f in fields.items()}
        self.identifiers = [(n[len("identifiers.") :], self.text[n]) for n in fields if n.startswith("identifiers.")]
        self.extra = [(n[len("extra.") :], self.text[n]) for n in fields if n.startswith("extra.")]
        self.provenance = {n: f.path or "(constant)" for n, f in fields.items()}

    def keyed(self, pairs: list[tuple[str, Callable[[Any], str | None]]], row: Any) -> dict[str, str]:
        return {k: v for k, g in pairs if (v := g(row)) is not None}

    def values(self, names: tuple[str, ...], row: Any) -> dict[str, Any]:
        return {n: self.raw[n](row) for n in names if n in self.raw}


class ObjectBuilder:
    def __init__(self, spec: SourceSpec, ctx: ReadContext, tabular: bool, joins: Joins) -> None:
        self.spec, self.ctx = spec, ctx
        self.plan = Plan(spec, tabular, joins)
        self.simple = [(n, self.plan.text[n]) for n in OBJECT_TEXT if n in self.plan.text]
        self.creators = CreatorReader(spec.creators, ctx, tabular, joins, spec.circa_years) if spec.creators else None
        self.subject_fields = [(self.plan.texts[n], kind) for n, kind in _SUBJECT_KINDS if n in self.plan.texts]
        self.has_dimensions = any(n in self.plan.raw for n in ("dimensions", "height", "width", "depth"))
        self.has_images = any(n in self.plan.raw for n in ("image", "image_url", "image_file", "iiif", "thumbnail"))

    def build(self, row: Any, locator: str) -> list[Read | Issue]:
        plan = self.plan
        warnings: list[Issue] = []
        kw: dict[str, Any] = {n: v for n, g in self.simple if (v := g(row)) is not None}
        kw["id"] = plan.text["id"](row) or ""
        kw["titles"] = self._titles(row)
        kw["date"], kw["publication_date"] = self._dates(row, locator, warnings)
        published = to_bool(plan.raw["published"](row)) if "published" in plan.raw else None
        if published is None and kw["publication_date"].is_known:
            published = True
        kw["published"] = published
        if "form" not in kw:
            kw["form"] = infer_form(kw.get("object_type"), kw.get("medium"))
        if self.has_dimensions:
            kw["dimensions"], problem = self._dimensions(row)
            if problem:
                where = self.plan.provenance.get("dimensions", "dimensions")
                text_value = kw["dimensions"].text if kw["dimensions"] else ""
                warnings.append(self.ctx.issue(locator, where, problem, WARNING, text_value))
        if self.has_images:
            kw["images"], image_issues = image_refs(plan, self.ctx, row, locator)
            warnings.extend(image_issues)
        kw["subjects"] = [s for g, kind in self.subject_fields for s in _subjects(tuple(g(row)), kind)]
        if "languages" in plan.texts:
            kw["languages"] = plan.texts["languages"](row)
        kw["identifiers"] = plan.keyed(plan.identifiers, row)
        kw["extra"] = plan.keyed(plan.extra, row)
        people: list[Person] = []
        if self.creators:
            kw["creators"], people, creator_issues = self.creators.read(row, locator)
            warnings.extend(creator_issues)
        kw["source"] = SourceRef(self.ctx.display, locator)
        return [Read(ObjectRecord(**kw), locator, warnings), *(Read(p, locator) for p in people)]

    def _titles(self, row: Any) -> list[Title]:
        t = self.plan.texts
        titles = [Title(x) for x in (t["title"](row)[:1] if "title" in t else [])]
        if "alt_title" in t:
            titles += [Title(x, kind="alternative") for x in t["alt_title"](row)]
        return titles

    def _form(self, name: str, default: str = CATALOGUE) -> str:
        spec = self.spec.fields.get(name)
        return spec.format if spec is not None and spec.format else default

    def _dates(self, row: Any, locator: str, warnings: list[Issue]) -> tuple[DateInterval, DateInterval]:
        text_of, circa = self.plan.text, self.spec.circa_years
        raw = text_of["date"](row) if "date" in text_of else None
        date = parse_date(raw, circa, self._form("date")) if raw else UNKNOWN
        if raw:
            self._date_warning(raw, date, "date", locator, warnings)
        if not date.is_known and ("date_earliest" in text_of or "date_latest" in text_of):
            date = _explicit_bounds(
                raw, text_of, row, (self._form("date_earliest", EDTF), self._form("date_latest", EDTF))
            )
        raw_pub = text_of["publication_date"](row) if "publication_date" in text_of else None
        pub = parse_date(raw_pub, circa, self._form("publication_date")) if raw_pub else UNKNOWN
        if raw_pub:
            self._date_warning(raw_pub, pub, "publication_date", locator, warnings)
        if not pub.is_known and raw:
            pub = _published_in_text(raw, circa)
        return date, pub

    def _date_warning(self, raw: str, date: DateInterval, field: str, locator: str, warnings: list[Issue]) -> None:
        where = self.plan.provenance[field]
        if not date.is_known and not says_no_date(raw):
            warnings.append(
                self.ctx.issue(locator, where, f"date {raw!r} could not be read; kept as text", WARNING, raw)
            )
        elif AMBIGUOUS in date.qualifiers:
            message = (
                f"date {raw!r} is ambiguous (a month, or a range of years?); read as the year"
                f' {date.earliest_year}. If this column holds ISO/EDTF dates, map it with format = "edtf"'
            )
            warnings.append(self.ctx.issue(locator, where, message, WARNING, raw))

    def _dimensions(self, row: Any) -> tuple[Dimensions | None, str | None]:
        raw = self.plan.raw
        values = tuple(raw[n](row) if n in raw else None for n in ("dimensions", "height", "width", "depth", "unit"))
        try:
            return _dimensions(values)
        except TypeError:
            return _dimensions.__wrapped__(values)


def _explicit_bounds(
    raw: str | None, text_of: dict[str, Callable[[Any], str | None]], row: Any, forms: tuple[str, str]
) -> DateInterval:
    """Bounds given in their own columns fill in where the text says nothing readable; a bound
    given as YYYY-01-01 may be year precision, so the latest end covers its whole year. Bound
    columns are machine dates: read as EDTF unless the mapping says otherwise."""
    lo = text_of["date_earliest"](row) if "date_earliest" in text_of else None
    hi = text_of["date_latest"](row) if "date_latest" in text_of else None
    hi_year = parse_date(hi, form=forms[1]).latest_year if hi else None
    return DateInterval(
        text=raw or "",
        earliest=parse_date(lo, form=forms[0]).earliest if lo else None,
        latest=f"{hi_year:04d}-12-31" if hi_year is not None and hi_year >= 0 else None,
    )


@lru_cache(maxsize=65536)
def _published_in_text(raw: str, circa: int) -> DateInterval:
    """ "published 1881" or "1978, published 1983" in a date text: the publication date."""
    return next((e.date for e in parse_date_events(raw, circa) if e.event in _PUBLISHED_EVENTS), UNKNOWN)


@lru_cache(maxsize=16384)
def _subjects(values: tuple[str, ...], kind: str) -> list[Subject]:
    return [Subject(v, kind=kind) for v in values]


@lru_cache(maxsize=16384)
def _dimensions(values: tuple[Any, ...]) -> tuple[Dimensions | None, str | None]:
    text_value, h, w, d, unit = values
    first, units = texts(text_value), texts(unit)
    return reconcile(first[0] if first else "", number(h), number(w), number(d), units[0] if units else None)


class PersonBuilder:
    def __init__(self, spec: SourceSpec, ctx: ReadContext, tabular: bool, joins: Joins) -> None:
        self.spec, self.ctx = spec, ctx
        self.plan = Plan(spec, tabular, joins)
        self.simple = [(n, self.plan.text[n]) for n in PERSON_TEXT if n in self.plan.text]
        self.life = ("lifespan", "birth", "death", "active", "birth_year", "death_year")

    def build(self, row: Any, locator: str) -> list[Read | Issue]:
        plan, t = self.plan, self.plan.text
        kw: dict[str, Any] = {n: v for n, g in self.simple if (v := g(row)) is not None}
        sort_name = t["sort_name"](row) if "sort_name" in t else None
        name = (t["name"](row) if "name" in t else None) or (invert_name(sort_name) if sort_name else "")
        birth, death, active, founded, notes = life_dates(plan.values(self.life, row), plan.provenance,
                                                          self.spec.circa_years)  # fmt: skip
        kind = agent_kind(name, t["kind"](row) if "kind" in t else None, founded)
        if kind == UNKNOWN_AGENT:
            active, birth, death = as_period(birth, death, active), UNKNOWN, UNKNOWN
        if not sort_name:
            name, sort_name = natural_name(name, kind)
        alt = plan.texts["alt_names"](row) if "alt_names" in plan.texts else []
        kw.update(
            id=t["id"](row) or "", name=name, sort_name=sort_name, birth=birth, death=death, active=active,
            alt_names=[n for n in alt if n not in (name, sort_name)],
            kind=kind,
            identifiers=plan.keyed(plan.identifiers, row), extra=plan.keyed(plan.extra, row),
            source=SourceRef(self.ctx.display, locator),
        )  # fmt: skip
        warnings = [self.ctx.issue(locator, f, m, WARNING, v) for f, m, v in notes]
        return [Read(Person(**kw), locator, warnings)]
