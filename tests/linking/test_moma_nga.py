"""MoMA's people linked to NGA's, judged by both institutions' own Wikidata links.

The naive matcher (exact name + birth year) is what to beat: the figures asserted are those this
matcher reaches, less a small margin (see docs/linking.md for the full table).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.evaluation import calibration, naive_match, score_pairs, score_results
from glamwiki.linking.matcher import link
from glamwiki.linking.people import read_people


@pytest.fixture(scope="module")
def sides() -> tuple[list[Entity], list[Entity]]:
    from tests.conftest import require_shared

    data = require_shared()

    return _load(data)


def _load(data: Path) -> tuple[list[Entity], list[Entity]]:
    moma = [from_person(p) for p in read_people(str(data / "moma" / "Artists-dev.csv"), "moma")]
    nga = [from_person(p) for p in read_people(str(data / "nga"), "nga")]
    return moma, nga


def test_without_identifiers_beats_naive_recall_at_the_same_precision(sides) -> None:  # type: ignore[no-untyped-def]
    moma, nga = sides
    naive = score_pairs(moma, nga, naive_match(moma, nga))
    assert naive.truth > 600
    assert naive.precision > 0.99 and 0.80 < naive.recall < 0.88
    ours = score_results(link(moma, nga, use_identifiers=False).results, nga)
    assert ours.precision >= 0.99
    assert ours.recall >= 0.98
    assert ours.recall - naive.recall >= 0.10


def test_with_identifiers(sides) -> None:  # type: ignore[no-untyped-def]
    moma, nga = sides
    run = link(moma, nga, use_identifiers=True)
    ours = score_results(run.results, nga)
    assert ours.precision >= 0.99 and ours.recall >= 0.99


def test_probabilities_are_calibrated(sides) -> None:  # type: ignore[no-untyped-def]
    moma, nga = sides
    bins = calibration(link(moma, nga, use_identifiers=False).results)
    judged = sum(n for _, _, n in bins)
    error = sum(abs(p - ok) * n for p, ok, n in bins) / judged
    assert error < 0.03  # expected calibration error over judged answers
