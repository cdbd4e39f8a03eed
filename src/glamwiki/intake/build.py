"""Builders: from compiled getters to ObjectRecord / Person, with data-quality warnings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from glamwiki.dates import parse_date, parse_date_events
from glamwiki.dates.parse import UNKNOWN_WORDS
from glamwiki.intake.base import WARNING, Issue, Read, ReadContext
from glamwiki.intake.creators import CreatorReader
from glamwiki.intake.forms import infer_form
from glamwiki.intake.images import image_refs
from glamwiki.intake.lifedates import life_dates_for
from glamwiki.intake.mapping import SourceSpec
from glamwiki.intake.names import agent_kind, invert_name
from glamwiki.intake.values import number, text, texts
from glamwiki.model.dates import UNKNOWN, DateInterval
from glamwiki.model.records import Dimensions, ObjectRecord, Person, SourceRef, Subject, Title

Getter = Callable[[Any], Any]
_PUBLISHED_EVENTS = ("published", "first published")


def prefixed(get: dict[str, Getter], prefix: str, row: Any) -> dict[str, str]:
    out = {}
    for name, getter in get.items():
        if name.startswith(prefix):
            value = text(getter(row))
            if value is not None:
                out[name[len(prefix) :]] = value
    return out


def date_warning(ctx: ReadContext, locator: str, fld: str, raw: str | None, d: DateInterval) -> Issue | None:
    if raw and not d.is_known and raw.strip().lower().rstrip(".") not in UNKNOWN_WORDS:
        return ctx.issue(locator, fld, f"date {raw!r} could not be read; kept as text, interval unknown", WARNING, raw)
    return None


class ObjectBuilder:
    def __init__(
        self,
        spec: SourceSpec,
        ctx: ReadContext,
        get: dict[str, Getter],
        provenance: dict[str, str],
        tabular: bool,
        joins: dict[str, dict[str, list[str]]],
    ) -> None:
        self.spec, self.ctx, self.get, self.provenance = spec, ctx, get, provenance
        self.creators = CreatorReader(spec.creators, ctx, tabular, joins, spec.circa_years) if spec.creators else None
        self.none: Getter = lambda row: None
        self.has_identifiers = any(n.startswith("identifiers.") for n in get)
        self.has_extra = any(n.startswith("extra.") for n in get)

    def g(self, name: str, row: Any) -> Any:
        return self.get.get(name, self.none)(row)

    def build(self, row: Any, locator: str) -> list[Read | Issue]:
        warnings: list[Issue] = []
        record_id = text(self.g("id", row)) or ""
        date, pub_date = self._dates(row, locator, warnings)
        published = self.g("published", row)
        if pub_date.is_known and published is None:
            published = True
        object_type = text(self.g("object_type", row))
        medium = text(self.g("medium", row))
        images, image_issues = image_refs(self, row, locator)
        warnings.extend(image_issues)
        creators, people = ([], [])
        if self.creators:
            creators, people, creator_issues = self.creators.read(row, locator)
            warnings.extend(creator_issues)
        record = ObjectRecord(
            id=record_id,
            accession_number=text(self.g("accession_number", row)),
            identifiers=prefixed(self.get, "identifiers.", row) if self.has_identifiers else {},
            titles=self._titles(row),
            creators=creators,
            date=date,
            published=published if isinstance(published, bool) else None,
            publication_date=pub_date,
            object_type=object_type,
            form=text(self.g("form", row)) or infer_form(object_type, medium),
            medium=medium,
            dimensions=self._dimensions(row),
            credit_line=text(self.g("credit_line", row)),
            rights_statement=text(self.g("rights_statement", row)),
            images=images,
            subjects=self._subjects(row),
            description=text(self.g("description", row)),
            department=text(self.g("department", row)),
            institution=text(self.g("institution", row)),
            url=text(self.g("url", row)),
            languages=texts(self.g("languages", row)),
            extra=prefixed(self.get, "extra.", row) if self.has_extra else {},
            provenance=self.provenance,
            source=SourceRef(self.ctx.display, locator),
        )
        return [Read(record, locator, warnings), *(Read(p, locator) for p in people)]

    def _titles(self, row: Any) -> list[Title]:
        titles = [Title(t) for t in texts(self.g("title", row))[:1]]
        titles += [Title(t, kind="alternative") for t in texts(self.g("alt_title", row))]
        return titles

    def _dates(self, row: Any, locator: str, warnings: list[Issue]) -> tuple[DateInterval, DateInterval]:
        raw = text(self.g("date", row))
        circa = self.spec.circa_years
        date = parse_date(raw, circa) if raw else UNKNOWN
        if w := date_warning(self.ctx, locator, self.provenance.get("date", "date"), raw, date):
            warnings.append(w)
        lo, hi = text(self.g("date_earliest", row)), text(self.g("date_latest", row))
        if not date.is_known and (lo or hi):
            # Explicit bounds only fill in where the text says nothing readable; a bound given
            # as YYYY-01-01 may be year precision, so the latest end covers its whole year.
            date = DateInterval(
                text=raw or "",
                earliest=parse_date(lo).earliest if lo else None,
                latest=f"{parse_date(hi).latest_year:04d}-12-31" if hi and parse_date(hi).is_known else None,
            )
        raw_pub = text(self.g("publication_date", row))
        pub = parse_date(raw_pub, circa) if raw_pub else UNKNOWN
        if not pub.is_known and raw:
            for event in parse_date_events(raw, circa):
                if event.event in _PUBLISHED_EVENTS:
                    pub = event.date
                    break
        return date, pub

    def _dimensions(self, row: Any) -> Dimensions | None:
        raw = text(self.g("dimensions", row))
        h, w, d = (number(self.g(n, row)) for n in ("height", "width", "depth"))
        if raw is None and h is None and w is None and d is None:
            return None
        return Dimensions(text=raw or "", height=h, width=w, depth=d, unit=text(self.g("unit", row)))

    def _subjects(self, row: Any) -> list[Subject]:
        out = [Subject(t) for t in texts(self.g("subjects", row))]
        out += [Subject(t, kind="person") for t in texts(self.g("subjects_person", row))]
        out += [Subject(t, kind="place") for t in texts(self.g("subjects_place", row))]
        return out


class PersonBuilder:
    def __init__(self, spec: SourceSpec, ctx: ReadContext, get: dict[str, Getter], provenance: dict[str, str]) -> None:
        self.spec, self.ctx, self.get, self.provenance = spec, ctx, get, provenance
        self.none: Getter = lambda row: None

    def g(self, name: str, row: Any) -> Any:
        return self.get.get(name, self.none)(row)

    def build(self, row: Any, locator: str) -> list[Read | Issue]:
        warnings: list[Issue] = []
        sort_name = text(self.g("sort_name", row))
        name = text(self.g("name", row)) or (invert_name(sort_name) if sort_name else "")
        birth, death, active, founded = life_dates_for(
            lambda name: self.g(name, row), self.provenance, self.ctx, locator, warnings, self.spec.circa_years
        )
        person = Person(
            id=text(self.g("id", row)) or "",
            name=name,
            sort_name=sort_name,
            alt_names=[n for n in texts(self.g("alt_names", row)) if n not in (name, sort_name)],
            kind=agent_kind(name, text(self.g("kind", row)), founded),
            birth=birth,
            death=death,
            active=active,
            gender=text(self.g("gender", row)),
            nationality=text(self.g("nationality", row)),
            birth_place=text(self.g("birth_place", row)),
            death_place=text(self.g("death_place", row)),
            identifiers=prefixed(self.get, "identifiers.", row),
            biography=text(self.g("biography", row)),
            url=text(self.g("url", row)),
            extra=prefixed(self.get, "extra.", row),
            provenance=self.provenance,
            source=SourceRef(self.ctx.display, locator),
        )
        return [Read(person, locator, warnings)]
