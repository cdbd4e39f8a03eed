"""Link source people to an authority: block, compare, fit Fellegi–Sunter by EM, decide.

Each source person gets at most one answer. The probability that candidate j is the person is
``o·K_j / (1 + o·ΣK)`` over all its candidates (K the Bayes factors, o the prior odds): namesakes
share the probability between them instead of each looking certain, so they go to review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from glamwiki.linking.blocking import AuthorityIndex
from glamwiki.linking.entity import Entity
from glamwiki.linking.features import FEATURES, compare, describe
from glamwiki.linking.fellegi_sunter import FSModel
from glamwiki.linking.identifiers import AGREE, CONFLICT, MIXED, NONE, IdentifierEvidence, compare_identifiers
from glamwiki.model.linking import MatchDecision

MATCH, REVIEW, NO_MATCH = MatchDecision.MATCH, MatchDecision.REVIEW, MatchDecision.NO_MATCH
DECISIONS = tuple(MatchDecision)
RANDOM_PAIRS = 20_000


@dataclass(frozen=True)
class Thresholds:
    match: float = 0.95
    review: float = 0.5

    def decide(self, p: float) -> MatchDecision:
        return MATCH if p >= self.match else REVIEW if p >= self.review else NO_MATCH


@dataclass
class Candidate:
    entity: Entity
    levels: tuple[int, ...]
    weight: float  # log2 Bayes factor
    probability: float = 0.0
    ids: IdentifierEvidence = NONE
    feature_weights: tuple[float, ...] = ()  # log2(m/u) per feature, when scored one by one

    def features(self) -> dict[str, str]:
        return describe(self.levels)


@dataclass
class LinkResult:
    source: Entity
    decision: MatchDecision
    probability: float
    best: Candidate | None = None
    runner_up: float = 0.0
    n_candidates: int = 0
    why: str = ""
    others: list[Candidate] = field(default_factory=list)  # the next candidates, best first (for review)

    @property
    def authority(self) -> Entity | None:
        return self.best.entity if self.best and self.decision != NO_MATCH else None


@dataclass
class LinkRun:
    results: list[LinkResult]
    model: FSModel
    pairs: int = 0
    options: dict[str, object] = field(default_factory=dict)


OTHERS = 4  # candidates kept beside the best, for a person to choose among


def link(
    sources: Sequence[Entity],
    authority: Sequence[Entity],
    *,
    use_identifiers: bool = True,
    thresholds: Thresholds = Thresholds(),
    progress: Callable[[int], None] | None = None,
) -> LinkRun:
    index = AuthorityIndex(list(authority))
    per_source = [_candidates(s, index, use_identifiers) for s in sources]
    levels = np.array([c.levels for cands in per_source for c in cands], dtype=np.int64).reshape(-1, len(FEATURES))
    model = FSModel()
    model.estimate_u(_random_pairs(sources, index))
    model.fit(levels)
    weights = model.log2_factors(levels).sum(axis=1) if len(levels) else np.zeros(0)
    results, pos = [], 0
    for source, cands in zip(sources, per_source, strict=True):
        for c in cands:
            c.weight = float(weights[pos])
            pos += 1
        results.append(decide(source, cands, model.prior_log2_odds, thresholds))
        if progress:
            progress(1)
    return LinkRun(results, model, len(levels), {"identifiers": use_identifiers})


def rank(
    source: Entity, index: AuthorityIndex, model: FSModel, thresholds: Thresholds = Thresholds()
) -> tuple[LinkResult, list[Candidate]]:
    """One person scored with a fitted model: the answer, and every candidate best first."""
    cands = _candidates(source, index, True)
    if cands:
        factors = model.log2_factors(np.array([c.levels for c in cands], dtype=np.int64))
        for c, row in zip(cands, factors, strict=True):
            c.weight, c.feature_weights = float(row.sum()), tuple(float(x) for x in row)
    result = decide(source, cands, model.prior_log2_odds, thresholds)
    return result, sorted(cands, key=lambda c: (-c.probability, -c.weight))


def random_pairs(sources: Sequence[Entity], index: AuthorityIndex) -> np.ndarray:
    return _random_pairs(sources, index)


def _candidates(source: Entity, index: AuthorityIndex, use_identifiers: bool) -> list[Candidate]:
    if not source.matchable:
        return []
    found = index.candidates(source)
    if use_identifiers:
        found += [i for i in index.by_identifier(source) if i not in found]
    out = []
    for i in found:
        entity = index.entities[i]
        ids = compare_identifiers(source, entity) if use_identifiers else NONE
        out.append(Candidate(entity, compare(source, entity, index.surname_count), 0.0, ids=ids))
    return out


def _random_pairs(sources: Sequence[Entity], index: AuthorityIndex) -> np.ndarray:
    rng = np.random.default_rng(20240501)
    usable = [s for s in sources if s.matchable]
    if not usable or not index.entities:
        return np.zeros((0, len(FEATURES)), dtype=np.int64)
    n = min(RANDOM_PAIRS, len(usable) * len(index.entities))
    si = rng.integers(0, len(usable), n)
    ai = rng.integers(0, len(index.entities), n)
    rows = [compare(usable[s], index.entities[a], index.surname_count) for s, a in zip(si, ai, strict=True)]
    return np.array(rows, dtype=np.int64)


def decide(source: Entity, cands: list[Candidate], prior_log2_odds: float, thresholds: Thresholds) -> LinkResult:
    if not cands:
        why = "no name to compare" if not source.matchable else "no candidate shares a name"
        return LinkResult(source, NO_MATCH, 0.0, why=why)
    decisive = [c for c in cands if c.ids.status == AGREE]
    if decisive:
        best = max(decisive, key=lambda c: c.weight)
        best.probability = 1.0
        return LinkResult(source, MATCH, 1.0, best, 0.0, len(cands), f"identifier {best.ids}")
    live = [c for c in cands if c.ids.status != CONFLICT]
    _posteriors(live, prior_log2_odds)
    if not live:
        return LinkResult(source, NO_MATCH, 0.0, None, 0.0, len(cands), "every candidate has a conflicting identifier")
    live.sort(key=lambda c: c.probability, reverse=True)
    best = live[0]
    runner = live[1].probability if len(live) > 1 else 0.0
    decision = thresholds.decide(best.probability)
    why = ""
    if best.ids.status == MIXED:  # names and dates must carry it alone, else a person looks
        why = f"identifiers disagree: {best.ids}"
        decision = decision if decision == MATCH else REVIEW
    vetoed = len(cands) - len(live)
    if vetoed:
        why = (why + "; " if why else "") + f"{vetoed} candidate(s) vetoed by a conflicting identifier"
    return LinkResult(source, decision, best.probability, best, runner, len(cands), why, live[1 : OTHERS + 1])


def _posteriors(cands: list[Candidate], prior_log2_odds: float) -> None:
    if not cands:
        return
    logk = np.array([prior_log2_odds + c.weight for c in cands])
    top = max(0.0, float(logk.max()))
    denom = np.exp2(-top) + np.exp2(logk - top).sum()
    for c, lk in zip(cands, logk, strict=True):
        c.probability = float(np.exp2(lk - top) / denom)
