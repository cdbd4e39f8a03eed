"""What the structured-format readers share: a person record for each creator named with an
authority id, and the warning for a date that could not be read."""

from __future__ import annotations

from collections.abc import Iterator

from glamwiki.intake.base import WARNING, Issue, Read, ReadContext
from glamwiki.model.records import ObjectRecord, Person


def creator_people(obj: ObjectRecord, locator: str, qualified: bool = True) -> Iterator[Read]:
    """One Person per distinct creator identifier; its id is "scheme:value" (``qualified``) or the value."""
    seen: set[str] = set()
    for c in obj.creators:
        first = next(iter(c.identifiers.items()), None)
        if first is None:
            continue
        key = f"{first[0]}:{first[1]}" if qualified else first[1]
        if key not in seen:
            seen.add(key)
            person = Person(id=key, name=c.name, kind=c.kind, birth=c.birth, death=c.death, gender=c.gender,
                            nationality=c.nationality, identifiers=c.identifiers, source=obj.source)  # fmt: skip
            yield Read(person, locator)


def date_warnings(ctx: ReadContext, obj: ObjectRecord, locator: str, field: str) -> list[Issue]:
    if obj.date.text and not obj.date.is_known:
        return [ctx.issue(locator, field, f"date {obj.date.text!r} could not be read", WARNING)]
    return []
