"""Measure a linking run against truth from shared identifiers (both sides' own Wikidata links),
and the naive matcher it must beat: exact name plus equal birth year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glamwiki.linking.entity import Entity, exact_year
from glamwiki.linking.matcher import MATCH, LinkResult
from glamwiki.wikimedia.ids import WIKIDATA


@dataclass(frozen=True)
class Scores:
    true_positives: int
    false_positives: int
    truth: int  # source people whose QID some authority entry also has
    predicted: int  # matches that can be judged (both sides have a QID)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.truth if self.truth else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "true_positives": self.true_positives, "false_positives": self.false_positives,
                "judged_matches": self.predicted, "truth": self.truth}  # fmt: skip


def score_pairs(sources: Sequence[Entity], authority: Sequence[Entity], pairs: Iterable[tuple[str, str]]) -> Scores:
    """Precision and recall of (source id, authority id) matches, judged by shared QIDs."""
    src_qid = {s.id: s.identifiers.get(WIKIDATA, "") for s in sources}
    auth_qid = {a.id: a.identifiers.get(WIKIDATA, "") for a in authority}
    auth_qids = {q for q in auth_qid.values() if q}
    truth = sum(1 for q in src_qid.values() if q and q in auth_qids)
    tp = fp = 0
    for sid, aid in pairs:
        sq, aq = src_qid.get(sid, ""), auth_qid.get(aid, "")
        if not sq or not aq:
            continue
        if sq == aq:
            tp += 1
        else:
            fp += 1
    return Scores(tp, fp, truth, tp + fp)


def score_results(results: Sequence[LinkResult], authority: Sequence[Entity]) -> Scores:
    pairs = [(r.source.id, r.best.entity.id) for r in results if r.decision == MATCH and r.best]
    return score_pairs([r.source for r in results], authority, pairs)


def naive_match(sources: Sequence[Entity], authority: Sequence[Entity]) -> list[tuple[str, str]]:
    """The naive matcher: the same display name (case and spaces aside) and the same birth year."""
    index: dict[tuple[str, int], list[str]] = defaultdict(list)
    for a in authority:
        year = exact_year(a.birth)
        if year is not None:
            for name in {a.name, *(a.person.alt_names if a.person else [])}:
                index[(_plain(name), year)].append(a.id)
    pairs = []
    for s in sources:
        year = exact_year(s.birth)
        found = index.get((_plain(s.name), year)) if year is not None else None
        if found:
            pairs.append((s.id, found[0]))
    return pairs


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())


def calibration(results: Sequence[LinkResult], bins: int = 10) -> list[tuple[float, float, int]]:
    """(mean predicted probability, share correct, count) per probability bin, over judged answers."""
    sums = [[0.0, 0, 0] for _ in range(bins)]
    for r in results:
        if not r.best or not r.source.qid or not r.best.entity.qid:
            continue
        b = min(int(r.probability * bins), bins - 1)
        sums[b][0] += r.probability
        sums[b][1] += r.source.qid == r.best.entity.qid
        sums[b][2] += 1
    return [(s / n, ok / n, int(n)) for s, ok, n in sums if n]
