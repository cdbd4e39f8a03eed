"""One possible world (a scenario: one value for each uncertain fact) and the term it gives."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

NEVER = -10_000  # never protected, or free since before any date that matters
PUB_YEAR_UNKNOWN = -1  # published, but the year is not known (pub is None: unpublished)


class Scenario(NamedTuple):
    category: str
    authorship: str
    death: int | None  # last-dying named author
    made: str | None  # ISO day of making
    pub: int | None  # year of first publication; None = unpublished; PUB_YEAR_UNKNOWN
    exhibited: int | None
    exhibition_counts: bool  # legal question: does exhibition before 1989 count as "made available"?
    revival: bool  # legal question: were pre-1945 photographs revived in 1995?
    origin: str
    old_term_ran: bool = False  # legal question: had the pre-1989 term of this anonymous artistic work run?
    us_formalities: str = ""  # US works: notice and renewal complied with ("yes"/"no"), "" unknown
    pub_recorded: bool = True  # False: publication is only one possibility (the record does not say)

    @property
    def made_year(self) -> int | None:
        return _year_of(self.made)

    def made_before(self, iso: str) -> bool:
        """Made before the day ``iso`` (years >= 1000 only; earlier years are always before)."""
        y = self.made_year
        return y is not None and self.made is not None and (y < 1000 or self.made < iso)

    @property
    def pub_year(self) -> int | None:
        return self.pub if self.pub is not None and self.pub != PUB_YEAR_UNKNOWN else None

    @property
    def published_before_1989(self) -> bool:
        return self.pub_year is not None and self.pub_year < 1989


@lru_cache(maxsize=65536)
def _year_of(iso: str | None) -> int | None:
    if iso is None:
        return None
    sign = -1 if iso.startswith("-") else 1
    return sign * int(iso.lstrip("-").split("-", 1)[0])


class Term(NamedTuple):
    expiry: int | None  # last year of protection; None = cannot be computed
    rule: str  # short name of the rule used
    cite: str  # key into rules.toml [citations]
    missing: str = ""  # when expiry is None: the fact (or legal question) that would decide it
    route: str = ""  # which Commons template route it supports


def unknown(missing: str, rule: str, cite: str) -> Term:
    return Term(None, rule, cite, missing)


def later(*terms: Term) -> Term:
    """The term that ends last; unknown if any is unknown."""
    for t in terms:
        if t.expiry is None:
            return t
    return max(terms, key=lambda t: t.expiry or 0)  # every expiry is known here
