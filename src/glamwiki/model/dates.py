"""Dates as intervals: the earliest and latest day a catalogue date can mean, plus its text."""

from __future__ import annotations

import msgspec

# Qualifiers a parser attaches to a date; kept so that later stages (rights, linking) can
# tell "c. 1850" from "1850" and "active 1389" from "born 1389".
CIRCA = "circa"
ACTIVE = "active"
BORN = "born"
DIED = "died"
BEFORE = "before"
AFTER = "after"
UNCERTAIN = "uncertain"
ONE_OF = "one-of"
DECADE = "decade"
CENTURY = "century"
MILLENNIUM = "millennium"
AMBIGUOUS = "ambiguous"  # two readings (e.g. catalogue "1985-04"): intake reports it


class DateInterval(msgspec.Struct, frozen=True, omit_defaults=True):
    """An interval of days, ISO 8601 strings ``[-]YYYY-MM-DD``; ``None`` means open/unknown.

    ``text`` is always the original catalogue text, so nothing is lost by parsing.
    """

    text: str = ""
    earliest: str | None = None
    latest: str | None = None
    qualifiers: tuple[str, ...] = ()

    @property
    def earliest_year(self) -> int | None:
        return _year(self.earliest)

    @property
    def latest_year(self) -> int | None:
        return _year(self.latest)

    @property
    def is_known(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def is_exact_year(self) -> bool:
        """True when the interval lies within one calendar year."""
        return self.earliest_year is not None and self.earliest_year == self.latest_year

    def contains_year(self, year: int) -> bool:
        lo, hi = self.earliest_year, self.latest_year
        return (lo is None or lo <= year) and (hi is None or year <= hi)


def _year(iso: str | None) -> int | None:
    if iso is None:
        return None
    sign = -1 if iso.startswith("-") else 1
    body = iso[1:] if sign < 0 else iso
    return sign * int(body.split("-", 1)[0])


def iso_day(year: int, month: int = 1, day: int = 1) -> str:
    """Format a day as ISO 8601, with a sign for years before year 1 (astronomical numbering)."""
    if year < 0:
        return f"-{-year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


UNKNOWN = DateInterval()
