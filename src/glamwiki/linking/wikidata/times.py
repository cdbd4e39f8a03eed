"""Catalogue dates as Wikidata time statements, at the precision the catalogue wrote
(https://www.wikidata.org/wiki/Help:Dates): day 11, year 9, decade 8, century 7.

- "c. 1850": the year, qualified P1480 sourcing circumstances = circa;
- "?1750": the year, qualified P1480 = presumably;
- "1850s" / "19th century": decade / century precision;
- "1728 or 32": two statements, one a year (it is neither a century nor a range);
- any other range ("1725-30", "1700-1900"): unknown value qualified with earliest (P1319) and
  latest (P1326) date at year precision, never a made-up middle.
"""

from __future__ import annotations

from glamwiki.linking.wikidata.statements import SOMEVALUE, TIME, Claim, Snak
from glamwiki.model.dates import CENTURY, DECADE, ONE_OF, UNCERTAIN, DateInterval
from glamwiki.model.dates import CIRCA as CIRCA_QUALIFIER
from glamwiki.wikimedia.ids import CIRCA, EARLIEST_DATE, LATEST_DATE, PRESUMABLY, SOURCING_CIRCUMSTANCES

CIRCA_SPAN = 20  # a "c." interval wider than this is not one year


def year_time(year: int, precision: int = 9) -> tuple[str, int]:
    sign = "-" if year < 0 else "+"
    return f"{sign}{abs(year):04d}-00-00T00:00:00Z", precision


def time_claims(prop: str, d: DateInterval) -> list[Claim]:
    """The statements for one catalogue date (none when it is unknown)."""
    lo, hi, y0, y1 = d.earliest, d.latest, d.earliest_year, d.latest_year
    if lo is None or hi is None or y0 is None or y1 is None:
        return []
    quals: list[Snak] = []
    if UNCERTAIN in d.qualifiers:
        quals.append(Snak(SOURCING_CIRCUMSTANCES, "item", PRESUMABLY))
    if lo == hi:
        sign = "-" if y0 < 0 else "+"
        return [Claim(prop, TIME, (f"{sign}{lo.lstrip('-')}T00:00:00Z", 11), quals)]
    if y0 == y1:
        return [Claim(prop, TIME, year_time(y0), quals)]
    if CIRCA_QUALIFIER in d.qualifiers and y1 - y0 <= CIRCA_SPAN:
        circa = [*quals, Snak(SOURCING_CIRCUMSTANCES, "item", CIRCA)]
        return [Claim(prop, TIME, year_time((y0 + y1) // 2), circa)]
    if ONE_OF in d.qualifiers:
        return [Claim(prop, TIME, year_time(y), list(quals)) for y in (y0, y1)]
    if DECADE in d.qualifiers and y0 // 10 == y1 // 10:
        return [Claim(prop, TIME, year_time(y0 // 10 * 10, 8), quals)]
    if CENTURY in d.qualifiers and y1 - y0 <= 100:
        return [Claim(prop, TIME, year_time(y1 if y1 % 100 == 0 else y0 + 1, 7), quals)]
    bounds = [Snak(EARLIEST_DATE, TIME, year_time(y0)), Snak(LATEST_DATE, TIME, year_time(y1))]
    return [Claim(prop, SOMEVALUE, None, [*quals, *bounds])]
