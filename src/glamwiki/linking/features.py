"""Comparison features of a (source, candidate) pair, as discrete levels for Fellegi–Sunter.

Each feature gives a level index, or ``MISSING`` (-1) when either side lacks the fact: a missing
fact is no evidence either way. Conflicting dates and nationalities are levels of their own, so the
model learns how strongly they count against a match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from glamwiki.linking.entity import Entity, Years, exact_year, gap
from glamwiki.linking.names import NameForm, initial_compatible

MISSING = -1


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    levels: tuple[str, ...]  # best (most like a match) first
    prior_m: tuple[float, ...]  # what matches usually look like; EM moves away from it as data allows


NAME = Feature("name", ("exact", "reordered", "compatible", "fuzzy", "surname only", "different"),
               (0.75, 0.03, 0.12, 0.06, 0.035, 0.005))  # fmt: skip
RARITY = Feature("surname_rarity", ("unique", "rare", "uncommon", "common"), (0.4, 0.3, 0.2, 0.1))
_YEARS = ("same year", "within 1 year", "within 5 years", "conflict")
BIRTH = Feature("birth", _YEARS, (0.85, 0.08, 0.04, 0.03))
DEATH = Feature("death", _YEARS, (0.85, 0.08, 0.04, 0.03))
NATIONALITY = Feature("nationality", ("agree", "differ"), (0.9, 0.1))
GENDER = Feature("gender", ("agree", "differ"), (0.97, 0.03))
KIND = Feature("kind", ("agree", "differ"), (0.97, 0.03))
FEATURES: tuple[Feature, ...] = (NAME, RARITY, BIRTH, DEATH, NATIONALITY, GENDER, KIND)
NAME_AGREES = 3  # name levels below this count as an agreement for the rarity feature


def compare(a: Entity, b: Entity, surname_count: dict[str, int]) -> tuple[int, ...]:
    name_level, surname = name_comparison(a.forms, b.forms)
    return (
        name_level,
        rarity_level(surname_count.get(surname, 0)) if name_level < NAME_AGREES else MISSING,
        year_level(a.birth, b.birth),
        year_level(a.death, b.death),
        _same(a.nationality, b.nationality),
        _same(a.gender, b.gender),
        _same(a.kind, b.kind),
    )


def name_comparison(forms_a: list[NameForm], forms_b: list[NameForm]) -> tuple[int, str]:
    """The best level over every pair of name forms, and the surname that agreed."""
    best, surname = len(NAME.levels) - 1, ""
    for fa in forms_a:
        for fb in forms_b:
            level = form_level(fa, fb)
            if level < best:
                best, surname = level, fa.surname if fa.surname == fb.surname else fb.surname
                if best == 0:
                    return best, surname
    return best, surname


def form_level(a: NameForm, b: NameForm) -> int:
    if a.tokens == b.tokens:
        return 0
    if sorted(a.tokens) == sorted(b.tokens):
        return 1
    if a.surname == b.surname and _forenames_compatible(a.forenames, b.forenames):
        return 2
    if _subset(a.tokens, b.tokens):
        return 2
    if JaroWinkler.similarity(a.key, b.key) >= 0.93:
        return 3
    if a.surname == b.surname and _forenames_compatible(a.forenames, b.forenames, _spelling_variant):
        return 3
    if a.surname == b.surname:
        return 4
    return 5


def _spelling_variant(a: str, b: str) -> bool:
    """ "Constantino"/"Costantino", "Jon"/"John": compatible, or close in spelling."""
    return initial_compatible(a, b) or (min(len(a), len(b)) >= 3 and JaroWinkler.similarity(a, b) >= 0.9)


def _forenames_compatible(
    fa: tuple[str, ...], fb: tuple[str, ...], same: Callable[[str, str], bool] = initial_compatible
) -> bool:
    if not fa or not fb:
        return False
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if not same(short[0], long_[0]):
        return False
    pos = 1
    for name in short[1:]:
        while pos < len(long_) and not same(name, long_[pos]):
            pos += 1
        if pos == len(long_):
            return False
        pos += 1
    return True


def _subset(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    full = [t for t in short if len(t) > 1]
    return len(full) >= 2 and set(full) <= set(long_)


def rarity_level(count: int) -> int:
    """How many authority entries share the surname: 1, up to 5, up to 30, more."""
    if count <= 1:
        return 0
    if count <= 5:
        return 1
    if count <= 30:
        return 2
    return 3


def year_level(a: Years | None, b: Years | None) -> int:
    g = gap(a, b)
    if g is None:
        return MISSING
    ea, eb = exact_year(a), exact_year(b)
    if ea is not None and ea == eb:
        return 0
    if g <= 1:
        return 1
    if g <= 5:
        return 2
    return 3


def _same(a: str | None, b: str | None) -> int:
    if not a or not b:
        return MISSING
    return 0 if a == b else 1


def describe(levels: tuple[int, ...]) -> dict[str, str]:
    return {f.name: ("missing" if lv == MISSING else f.levels[lv]) for f, lv in zip(FEATURES, levels, strict=True)}
