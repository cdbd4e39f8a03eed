"""Every uncertain fact as its candidate values; the terms in each combination (scenario).

Decide only where every scenario gives the same answer. Candidates are the ends of each
interval plus the points where a rule jumps (1 Jan 1996, 1 Jun 1957, 1 Aug 1989...); between
those points every term grows with the fact, so the ends of each piece bound the answer.
Candidates never depend on the evaluation year, so nothing becomes un-free as it grows."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from glamwiki.rights.facts import ARTISTIC, CROWN, ENGRAVING, LITERARY, NAMED, PHOTOGRAPH, WorkFacts
from glamwiki.rights.terms import PUB_YEAR_UNKNOWN, Scenario, Term
from glamwiki.rights.uk import in_uk_eea, uk_term
from glamwiki.rights.us import us_term

T = TypeVar("T", int, str)
PD = "pd"
COPYRIGHT = "copyright"
UNKNOWN = "unknown"

VAR_FACTS = {
    "death": "creator_death_year",
    "made": "creation_year",
    "pub": "publication_year",
    "revival": "legal:photo-revival",
    "exhibition_counts": "legal:exhibition-made-available",
}
_DEATH_BREAKS = (1925, 1926)
_MADE_BREAKS = (
    "1925-12-31", "1926-01-01", "1944-12-31", "1945-01-01", "1957-05-31", "1957-06-01",
    "1971-12-31", "1972-01-01", "1989-07-31", "1989-08-01",
)  # fmt: skip
_PUB_BREAKS = (1900, 1901, 1922, 1923, 1925, 1926, 1945, 1946, 1947, 1956, 1957, 1962, 1963, 1972, 1973)
_PUB_BREAKS += (1977, 1978, 1988, 1989)


@dataclass
class Layer:
    status: str
    expiry: int | None  # the latest expiry over all scenarios (None if any is unknown or never)
    earliest: int | None
    next_change: int | None  # the first expiry at or after the evaluation year
    terms: list[Term] = field(default_factory=list)  # distinct terms, latest first

    @property
    def routes(self) -> set[str]:
        return {t.route for t in self.terms}


@dataclass
class Evaluation:
    uk: Layer
    us: Layer
    missing: list[str]  # facts (or legal questions) whose value would change the answer
    reasons: tuple = ()  # the layers' reasons, filled once by the engine (evaluations are shared)


@lru_cache(maxsize=8192)
def evaluate(wf: WorkFacts, year: int, horizon: int = 150) -> Evaluation:
    """The layers' status in ``year``. Cached: many records share their facts (treat as read-only)."""
    names, rows = scenario_terms(wf, horizon)
    uk = _layer([r[-2] for r in rows], year)
    us = _layer([r[-1] for r in rows], year)
    missing: list[str] = []
    if uk.status == UNKNOWN or us.status == UNKNOWN:
        missing = _missing(names, rows, year)
    return Evaluation(uk, us, missing)


@lru_cache(maxsize=8192)
def scenario_terms(wf: WorkFacts, horizon: int) -> tuple[tuple[str, ...], list[tuple]]:
    """The candidate values of each uncertain fact, and (values..., uk Term, us Term) per scenario."""
    candidates = _candidates(wf, horizon)
    names = tuple(candidates)
    rows = []
    shared: dict[Term, Term] = {}
    for values in itertools.product(*candidates.values()):
        v = dict(zip(names, values, strict=True))
        s = Scenario(wf.category, wf.authorship, v["death"], v["made"], v["pub"], wf.exhibited,
                     v["exhibition_counts"], v["revival"], wf.origin)  # fmt: skip
        uk, us = uk_term(s), us_term(s)
        shorter = not in_uk_eea(wf.origin) and wf.origin == "US" and None not in (uk.expiry, us.expiry)
        if shorter and us.expiry < uk.expiry:  # type: ignore[operator]
            uk = Term(us.expiry, f"rule of the shorter term: the US term ({us.rule})", "uk_shorter", route="shorter")
        rows.append((*values, shared.setdefault(uk, uk), shared.setdefault(us, us)))
    return names, rows


def _candidates(wf: WorkFacts, horizon: int) -> dict[str, list]:
    made = _with_breaks(wf.made[0], wf.made[1], _MADE_BREAKS)
    made_years = [int(m[:4]) for m in made if m and not m.startswith("-")] or [-9999]
    if wf.authorship == NAMED and wf.category in (ARTISTIC, ENGRAVING, LITERARY) and None not in made:
        made = made[:1]  # these terms never read the making date (it only bounds publication, below)
    death = _with_breaks(*wf.death, _DEATH_BREAKS) if wf.authorship in (NAMED,) else [None]
    pub: list[int | None] = []
    if wf.published in ("no", "unknown"):
        pub.append(None)
    if wf.published in ("yes", "unknown"):
        lo, hi = wf.publication
        if lo is None and None not in wf.made:
            lo, hi = min(made_years), max(made_years) + horizon
        if lo is None:
            pub.append(PUB_YEAR_UNKNOWN)
        else:
            hi = hi if hi is not None else lo + horizon
            extra = [y + k for y in made_years for k in (70, 71, 75, 76)] + [d for d in death if d is not None]
            pub += _with_breaks(lo, hi, tuple(sorted({*_PUB_BREAKS, *extra})))
    revival = (
        [False, True] if wf.category == PHOTOGRAPH and wf.authorship == NAMED and min(made_years) < 1945 else [False]
    )
    exhib = (
        [False, True]
        if wf.exhibited is not None and wf.exhibited < 1989 and wf.authorship not in (NAMED, CROWN)
        else [False]
    )
    return {"death": death, "made": made, "pub": sorted(set(pub), key=lambda p: -2 if p is None else p),
            "revival": revival, "exhibition_counts": exhib}  # fmt: skip


def _with_breaks(lo: T | None, hi: T | None, breaks: tuple[T, ...]) -> list[T | None]:
    """lo, hi and the break points strictly between them; None for an open end."""
    if lo is None and hi is None:
        return [None]
    if lo is None or hi is None:
        return [lo if lo is not None else hi, None]
    inner = [b for b in breaks if lo < b < hi]
    return sorted({lo, hi, *inner})


def _status(term: Term, year: int) -> str:
    if term.expiry is None:
        return UNKNOWN
    return PD if term.expiry < year else COPYRIGHT


def _layer(terms: list[Term], year: int) -> Layer:
    statuses = {_status(t, year) for t in terms}
    status = statuses.pop() if len(statuses) == 1 else UNKNOWN
    known = [t.expiry for t in terms if t.expiry is not None]
    expiry = max(known) if known and len(known) == len(terms) else None
    upcoming = [e for e in known if e >= year]
    # first-seen order among equal expiries (a set here made the reasons depend on the hash seed)
    distinct = sorted(dict.fromkeys(terms), key=lambda t: -(t.expiry if t.expiry is not None else 10**6))
    return Layer(status, expiry if expiry is None or expiry > -10_000 else None,
                 min(known) if known else None, min(upcoming) if upcoming else None, distinct)  # fmt: skip


def _missing(names: tuple[str, ...], rows: list[tuple], year: int) -> list[str]:
    found: list[str] = []
    n = len(names)
    outcome = [(_status(r[n], year), _status(r[n + 1], year)) for r in rows]
    for t in (r[n + k] for r in rows for k in (0, 1)):
        if t.expiry is None and t.missing and t.missing not in found:
            found.append(t.missing)
    for i, name in enumerate(names):
        groups: dict[tuple, set] = {}
        for r, o in zip(rows, outcome, strict=True):
            groups.setdefault(r[:i] + r[i + 1 : n], set()).add(o)
        if any(len(g) > 1 for g in groups.values()) and VAR_FACTS[name] not in found:
            found.append(VAR_FACTS[name])
    return found
