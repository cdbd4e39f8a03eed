"""Every uncertain fact as its candidate values; the terms in each combination (scenario).

Decide only where every scenario gives the same answer. Candidates are the ends of each
interval plus the points where a rule jumps (1 Jan 1996, 1 Jun 1957, 1 Aug 1989...); between
those points every term grows with the fact, so the ends of each piece bound the answer.
Candidates never depend on the evaluation year, so nothing becomes un-free as it grows."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from glamwiki.model.rights import LayerStatus, Reason
from glamwiki.rights.facts import ARTISTIC, CROWN, ENGRAVING, LITERARY, NAMED, PHOTOGRAPH, WorkFacts
from glamwiki.rights.terms import PUB_YEAR_UNKNOWN, Scenario, Term
from glamwiki.rights.uk import in_uk_eea, uk_term
from glamwiki.rights.us import us_term

T = TypeVar("T", int, str)
# One scenario: a value per uncertain fact (int, str, bool or None: VAR_FACTS order), then the UK and US Term.
ScenarioRow = tuple[Any, ...]
LEGAL_2039_ARTISTIC = "legal:2039-anonymous-artistic"
LEGAL_REVIVAL = "legal:photo-revival"
LEGAL_EXHIBITION = "legal:exhibition-made-available"
PD = LayerStatus.PD
COPYRIGHT = LayerStatus.COPYRIGHT
UNKNOWN = LayerStatus.UNKNOWN

VAR_FACTS = {
    "death": "creator_death_year",
    "made": "creation_year",
    "pub": "publication_year",
    "revival": LEGAL_REVIVAL,
    "exhibition_counts": LEGAL_EXHIBITION,
    "old_term_ran": LEGAL_2039_ARTISTIC,
    "us_formalities": "us_notice_and_renewal",
}
_DEATH_BREAKS = (1925, 1926)
_MADE_BREAKS = (
    "1925-12-31", "1926-01-01", "1944-12-31", "1945-01-01", "1957-05-31", "1957-06-01",
    "1971-12-31", "1972-01-01", "1989-07-31", "1989-08-01",
)  # fmt: skip
_PUB_BREAKS: tuple[int, ...]
_PUB_BREAKS = (1900, 1901, 1922, 1923, 1925, 1926, 1945, 1946, 1947, 1956, 1957, 1962, 1963, 1972, 1973)
_PUB_BREAKS += (1977, 1978, 1988, 1989, 2002, 2003)
_MADE_1978 = ("1977-12-31", "1978-01-01")


@dataclass
class Layer:
    status: LayerStatus
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
    reasons: tuple[Reason, ...] = ()  # the layers' reasons, filled once by the engine (evaluations are shared)


_EVALUATIONS: dict[tuple[object, ...], Evaluation] = {}
_MAX_EVALUATIONS = 65536


def evaluate(wf: WorkFacts, year: int, horizon: int = 150, lifespan: int = 122) -> Evaluation:
    """The layers' status in ``year``. Cached: many records share their facts (treat as read-only).
    Publication is never looked for after ``year`` (a work cannot have been published in the future).
    The cache key is only what the terms read (not the words for the reasons, not the reproduction)."""
    made = _canonical_made(wf)
    key = (wf.category, wf.authorship, wf.death, made, wf.published, wf.publication, wf.exhibited, wf.origin,
           wf.us_formalities, wf.settled, year, horizon, lifespan)  # fmt: skip
    found = _EVALUATIONS.get(key)
    if found is None:
        if len(_EVALUATIONS) >= _MAX_EVALUATIONS:
            _EVALUATIONS.clear()
        core = WorkFacts(wf.category, wf.authorship, wf.death, "", made, "", wf.published, wf.publication,
                         wf.exhibited, wf.origin, "", us_formalities=wf.us_formalities, settled=wf.settled)  # fmt: skip
        found = _EVALUATIONS[key] = _evaluate(core, year, horizon, lifespan)
    return found


def _canonical_made(wf: WorkFacts) -> tuple[str | None, str | None]:
    """A named creator's painting, print or text: when publication does not hang on the making date, the
    terms read it only as before or after 1978 (17 USC 303(a)), so records share one cached evaluation."""
    lo, hi = wf.made
    if wf.authorship != NAMED or wf.category not in (ARTISTIC, ENGRAVING, LITERARY) or not lo or not hi:
        return wf.made
    if lo.startswith("-") or hi.startswith("-") or (wf.published != "no" and wf.publication[0] is None):
        return wf.made
    side = ("1977-12-31", "1978-01-01")
    return side[lo >= "1978"], side[hi >= "1978"]


def _evaluate(wf: WorkFacts, year: int, horizon: int, lifespan: int) -> Evaluation:
    names, rows = scenario_terms(wf, horizon, year, lifespan)
    uk = _layer([r[-2] for r in rows], year)
    us = _layer([r[-1] for r in rows], year)
    missing: list[str] = []
    if uk.status == UNKNOWN or us.status == UNKNOWN:
        missing = _missing(names, rows, year)
    return Evaluation(uk, us, missing)


@lru_cache(maxsize=65536)
def scenario_terms(
    wf: WorkFacts, horizon: int, year: int = 9999, lifespan: int = 122
) -> tuple[tuple[str, ...], list[ScenarioRow]]:
    """The candidate values of each uncertain fact, and (values..., uk Term, us Term) per scenario."""
    candidates = _candidates(wf, horizon, year, lifespan)
    names = tuple(candidates)
    rows: list[ScenarioRow] = []
    shared: dict[Term, Term] = {}
    recorded = wf.published == "yes"
    for values in itertools.product(*candidates.values()):
        death, made, pub, revival, exhibition, old_term, formalities = values  # the order of VAR_FACTS
        s = Scenario(wf.category, wf.authorship, death, made, pub, wf.exhibited, exhibition, revival, wf.origin,
                     old_term, formalities, recorded)  # fmt: skip
        uk, us = _terms(s)
        rows.append((*values, shared.setdefault(uk, uk), shared.setdefault(us, us)))
    return names, rows


@lru_cache(maxsize=1 << 17)
def _terms(s: Scenario) -> tuple[Term, Term]:
    """The UK term (after the rule of the shorter term) and the US term of one scenario."""
    uk = uk_term(s)
    us = us_term(s, uk)
    shorter = not in_uk_eea(s.origin) and s.origin == "US"
    if shorter and us.expiry is not None and uk.expiry is not None and us.expiry < uk.expiry:
        uk = Term(us.expiry, f"rule of the shorter term: the US term ({us.rule})", "uk_shorter", route="shorter")
    return uk, us


def _candidates(wf: WorkFacts, horizon: int, year: int = 9999, lifespan: int = 122) -> dict[str, list[Any]]:
    made = _with_breaks(wf.made[0], wf.made[1], _MADE_BREAKS + _MADE_1978)
    made_years = [int(m[:4]) for m in made if m and not m.startswith("-")] or [-9999]
    if wf.authorship == NAMED and wf.category in (ARTISTIC, ENGRAVING, LITERARY) and None not in made:
        # these terms read the making date only for 17 USC 303(a) (made before 1978); it also bounds publication
        # (one value on each side of 1978 stands for all: scenarios are then shared, and their terms cached)
        before: list[str | None] = ["1977-12-31"] if min(made_years) < 1978 else []
        made = before + (["1978-01-01"] if max(made_years) >= 1978 else [])
    death: list[int | None] = _with_breaks(*wf.death, _DEATH_BREAKS) if wf.authorship in (NAMED,) else [None]
    settled = dict(wf.settled)
    revival = wf.category == PHOTOGRAPH and wf.authorship == NAMED and min(made_years) < 1945
    exhibition = wf.exhibited is not None and wf.exhibited < 1989 and wf.authorship not in (NAMED, CROWN)
    return {
        "death": death,
        "made": made,
        "pub": _pub_candidates(wf, made_years, death, horizon, year),
        "revival": _question(settled, LEGAL_REVIVAL, revival),
        "exhibition_counts": _question(settled, LEGAL_EXHIBITION, exhibition),
        "old_term_ran": _question(settled, LEGAL_2039_ARTISTIC, _old_term_question(wf, made_years, lifespan)),
        "us_formalities": ["yes", "no"] if wf.origin == "US" and not wf.us_formalities else [wf.us_formalities],
    }


def _question(settled: dict[str, bool], name: str, open_: bool) -> list[bool]:
    """An open legal question is evaluated both ways, unless a presumption answers it."""
    if not open_:
        return [False]
    return [settled[name]] if name in settled else [False, True]


def _old_term_question(wf: WorkFacts, made_years: list[int], lifespan: int) -> bool:
    """An anonymous painting or drawing (not a photograph, not an engraving) unpublished on 1 Aug 1989 whose
    author must have died by 1938 (made + the longest life): had its life + 50 term run before 1989?"""
    return (
        wf.authorship != NAMED and wf.authorship != CROWN and wf.category == ARTISTIC and wf.published != "yes"
        and max(made_years) > -9999 and max(made_years) + lifespan + 50 < 1989
    )  # fmt: skip


def _pub_candidates(
    wf: WorkFacts, made_years: list[int], death: list[int | None], horizon: int, year: int
) -> list[int | None]:
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
            hi = max(lo, min(hi, year))  # never published in the future
            # made + 70 (s.12(3)) and made + 75 (Crown) matter only when no named author's life decides
            spans = (70, 71, 75, 76) if wf.authorship != NAMED else ()
            extra = [y + k for y in made_years for k in spans] + [d for d in death if d is not None]
            pub += _with_breaks(lo, hi, tuple(sorted({*_PUB_BREAKS, *extra})))
    return sorted(set(pub), key=lambda p: -2 if p is None else p)


def _with_breaks(lo: T | None, hi: T | None, breaks: tuple[T, ...]) -> list[T | None]:
    """lo, hi and the break points strictly between them; None for an open end."""
    if lo is None and hi is None:
        return [None]
    if lo is None or hi is None:
        return [lo if lo is not None else hi, None]
    values: set[T] = {lo, hi}
    values.update(b for b in breaks if lo < b < hi)
    return [v for v in sorted(values)]


def _status(term: Term, year: int) -> LayerStatus:
    if term.expiry is None:
        return UNKNOWN
    return PD if term.expiry < year else COPYRIGHT


def _layer(terms: list[Term], year: int) -> Layer:
    statuses = {_status(t, year) for t in terms}
    status = statuses.pop() if len(statuses) == 1 else UNKNOWN
    known = [t.expiry for t in terms if t.expiry is not None]
    expiry = max(known) if known and len(known) == len(terms) else None
    upcoming = [e for e in known if e >= year]
    distinct = sorted(set(terms), key=_term_order)  # latest first; ties by text: never by hash (PYTHONHASHSEED)
    return Layer(status, expiry if expiry is None or expiry > -10_000 else None,
                 min(known) if known else None, min(upcoming) if upcoming else None, distinct)  # fmt: skip


def _term_order(t: Term) -> tuple[int, str, str, str, str]:
    return (-(t.expiry if t.expiry is not None else 10**6), t.rule, t.cite, t.missing, t.route)


def _missing(names: tuple[str, ...], rows: list[ScenarioRow], year: int) -> list[str]:
    found: list[str] = []
    n = len(names)
    outcome = [(_status(r[n], year), _status(r[n + 1], year)) for r in rows]
    for t in (r[n + k] for r in rows for k in (0, 1)):
        if t.expiry is None and t.missing and t.missing not in found:
            found.append(t.missing)
    for i, name in enumerate(names):
        groups: dict[ScenarioRow, set[tuple[LayerStatus, LayerStatus]]] = {}
        for r, o in zip(rows, outcome, strict=True):
            groups.setdefault(r[:i] + r[i + 1 : n], set()).add(o)
        if any(len(g) > 1 for g in groups.values()) and VAR_FACTS[name] not in found:
            found.append(VAR_FACTS[name])
    return found
