"""Birth, death and active dates of a person or creator, from whichever columns a mapping has:
a lifespan text ("1852–1911"), date texts, or year numbers where 0 means unknown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from glamwiki.dates import parse_date, parse_lifespan, parse_year_value
from glamwiki.dates.parse import UNKNOWN_WORDS
from glamwiki.intake.base import WARNING, Issue, ReadContext
from glamwiki.intake.values import text
from glamwiki.model.dates import UNKNOWN, DateInterval


def life_dates_for(
    g: Callable[[str], Any],
    provenance: dict[str, str],
    ctx: ReadContext,
    locator: str,
    issues: list[Issue],
    circa: int,
    prefix: str = "",
) -> tuple[DateInterval, DateInterval, DateInterval, bool]:
    raw = text(g("lifespan"))
    span = parse_lifespan(raw, circa) if raw else None
    found = {"birth": UNKNOWN, "death": UNKNOWN, "active": UNKNOWN}
    if span:
        found = {"birth": span.birth, "death": span.death, "active": span.active}
        if not any(d.is_known for d in found.values()) and raw and raw.lower() not in UNKNOWN_WORDS:
            issues.append(
                ctx.issue(
                    locator,
                    prefix + provenance.get("lifespan", "lifespan"),
                    f"life dates {raw!r} could not be read; kept as text",
                    WARNING,
                    raw,
                )
            )
    for name in ("birth", "death", "active"):
        raw_d = text(g(name))
        if raw_d and not found[name].is_known:
            found[name] = parse_date(raw_d, circa)
    for name in ("birth", "death"):
        raw_y = g(f"{name}_year")
        if raw_y not in (None, "") and not found[name].is_known:
            found[name] = parse_year_value(raw_y)
    if not found["birth"].is_known and raw and not span:
        found["birth"] = DateInterval(text=raw)
    return found["birth"], found["death"], found["active"], bool(span and span.founded)
