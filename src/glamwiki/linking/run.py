"""`link match` as a library call: read both sides, link, summarise."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.matcher import LinkRun, Thresholds, link
from glamwiki.linking.people import read_people


@dataclass
class MatchJob:
    source: str
    authority: str
    profile: str | None = None
    authority_profile: str | None = None
    mapping: str | None = None
    authority_mapping: str | None = None
    use_identifiers: bool = True
    thresholds: Thresholds = field(default_factory=Thresholds)


def load_sides(job: MatchJob) -> tuple[list[Entity], list[Entity]]:
    sources = [from_person(p) for p in read_people(job.source, job.profile, job.mapping)]
    authority = [
        from_person(p) for p in load_authority_people(job.authority, job.authority_profile, job.authority_mapping)
    ]
    return sources, authority


def load_authority_people(path: str, profile: str | None, mapping: str | None):  # type: ignore[no-untyped-def]
    if profile == "wikidata" or (profile is None and mapping is None and _is_entity_dump(path)):
        from glamwiki.linking.wikidata.entities import read_entity_people

        return read_entity_people(path)
    return read_people(path, profile, mapping)


def _is_entity_dump(path: str) -> bool:
    return "entities" in path and path.endswith((".jsonl", ".jsonl.gz", ".json"))


def run_match(job: MatchJob, progress: Callable[[int], None] | None = None) -> tuple[LinkRun, list[Entity]]:
    sources, authority = load_sides(job)
    run = link(sources, authority, use_identifiers=job.use_identifiers, thresholds=job.thresholds, progress=progress)
    return run, authority


def summary(run: LinkRun) -> dict[str, object]:
    counts = Counter(r.decision for r in run.results)
    return {
        "people": len(run.results),
        **{d: counts.get(d, 0) for d in ("match", "review", "none")},
        "pairs_compared": run.pairs,
        "lambda": round(run.model.lam, 5),
        "em_iterations": run.model.iterations,
    }
