"""The Fellegi–Sunter model with m and u probabilities estimated by expectation–maximisation.

m[k][l] = P(feature k at level l | the pair is the same person); u[k][l] the same for different
people. A pair's Bayes factor is the product of m/u over its known features (missing facts count
as 1); its probability is the posterior given the prior match rate lambda. As in splink, u starts
from random pairs (almost all non-matches); m starts from each feature's prior (what matches
usually look like), which also acts as PRIOR_STRENGTH pseudo-matches in every M-step, so that an
authority holding few true matches (a small entity file) cannot teach EM that "surname only" is a
match. With hundreds of matches the data decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from glamwiki.linking.features import FEATURES, MISSING, Feature

_SMOOTH = 0.5  # pseudo-count per level, so no level gets probability 0
_FLOOR = 1e-6
PRIOR_STRENGTH = 50.0


@dataclass
class FSModel:
    features: tuple[Feature, ...] = FEATURES
    lam: float = 0.05
    m: list[np.ndarray] = field(default_factory=list)
    u: list[np.ndarray] = field(default_factory=list)
    iterations: int = 0

    def __post_init__(self) -> None:
        if not self.m:
            self.m = [np.array(f.prior_m) / sum(f.prior_m) for f in self.features]
        if not self.u:
            self.u = [np.full(len(f.levels), 1.0 / len(f.levels)) for f in self.features]

    # -- estimation ------------------------------------------------------------------------------
    def estimate_u(self, random_pairs: np.ndarray) -> None:
        """u from comparisons of random pairs (nearly all are different people)."""
        for k, f in enumerate(self.features):
            self.u[k] = _distribution(random_pairs[:, k], None, len(f.levels))

    def fit(self, pairs: np.ndarray, max_iter: int = 60, tol: float = 1e-5) -> FSModel:
        """EM on the candidate pairs: lambda, m and u until lambda and m settle."""
        if len(pairs) == 0:
            return self
        for it in range(max_iter):
            p = self.probabilities(pairs)
            lam = float(np.clip(p.mean(), _FLOOR, 1 - _FLOOR))
            new_m = [_distribution(pairs[:, k], p, len(f.levels), f.prior_m) for k, f in enumerate(self.features)]
            new_u = [_distribution(pairs[:, k], 1 - p, len(f.levels)) for k, f in enumerate(self.features)]
            delta = max(abs(lam - self.lam), *(float(np.abs(a - b).max()) for a, b in zip(new_m, self.m, strict=True)))
            self.lam, self.m, self.u, self.iterations = lam, new_m, new_u, it + 1
            if delta < tol:
                break
        return self

    # -- scoring --------------------------------------------------------------------------------
    def log2_factors(self, pairs: np.ndarray) -> np.ndarray:
        """Per pair and feature, log2(m/u) of its level (0 where missing): the match weights."""
        out = np.zeros(pairs.shape, dtype=float)
        for k in range(len(self.features)):
            col = pairs[:, k]
            known = col != MISSING
            weights = np.log2(np.maximum(self.m[k], _FLOOR) / np.maximum(self.u[k], _FLOOR))
            out[known, k] = weights[col[known]]
        return out

    def probabilities(self, pairs: np.ndarray) -> np.ndarray:
        log_odds = np.log2(self.lam / (1 - self.lam)) + self.log2_factors(pairs).sum(axis=1)
        probabilities: np.ndarray = 1.0 / (1.0 + np.exp2(-np.clip(log_odds, -60, 60)))
        return probabilities

    @property
    def prior_log2_odds(self) -> float:
        return float(np.log2(self.lam / (1 - self.lam)))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FSModel:
        """The model a link run stored (``as_dict``), to score with again."""
        model = cls(lam=float(data["lambda"]), iterations=int(data.get("iterations", 0)))
        feats = data["features"]
        for k, f in enumerate(model.features):
            if f.name in feats:
                model.m[k] = np.array([feats[f.name][lv]["m"] for lv in f.levels])
                model.u[k] = np.array([feats[f.name][lv]["u"] for lv in f.levels])
        return model

    def as_dict(self) -> dict[str, object]:
        return {
            "lambda": self.lam,
            "iterations": self.iterations,
            "features": {
                f.name: {lv: {"m": float(self.m[k][i]), "u": float(self.u[k][i])} for i, lv in enumerate(f.levels)}
                for k, f in enumerate(self.features)
            },
        }


def _distribution(
    col: np.ndarray, weight: np.ndarray | None, n_levels: int, prior: tuple[float, ...] | None = None
) -> np.ndarray:
    known = col != MISSING
    w = np.ones(len(col)) if weight is None else weight
    counts = np.bincount(col[known], weights=w[known], minlength=n_levels)[:n_levels] + _SMOOTH
    if prior is not None:
        counts = counts + PRIOR_STRENGTH * np.array(prior) / sum(prior)
    shares: np.ndarray = counts / counts.sum()
    return shares
