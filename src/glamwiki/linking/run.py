"""`link match` as a library call: read both sides, link, summarise."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.matcher import LinkRun, Thresholds, link
from glamwiki.linking.people import read_people
from glamwiki.linking.wikidata.authority import search_candidates
from glamwiki.linking.wikidata.client import WikidataClient
from glamwiki.model.records import Person


@dataclass
class MatchJob:
    source: str
    authority: str
    profile: str | None = None
    authority_profile: str | None = None
    mapping: str | None = None
    authority_mapping: str | None = None
    use_identifiers: bool = True
    depicted: bool = False
    thresholds: Thresholds = field(default_factory=Thresholds)
    wikidata: WikidataClient | None = None  # the live service, when authority is "wikidata"


LIVE = "wikidata"  # --authority wikidata: the live service (searched, fetched, cached on disk)


def load_sides(job: MatchJob) -> tuple[list[Entity], list[Entity]]:
    sources = [from_person(p) for p in read_people(job.source, job.profile, job.mapping, job.depicted)]
    return sources, authority_entities(
        job.authority, job.authority_profile, job.authority_mapping, sources, job.wikidata
    )


def authority_entities(
    authority: str, profile: str | None, mapping: str | None, sources: list[Entity],
    wikidata: WikidataClient | None = None,
) -> list[Entity]:  # fmt: skip
    if authority == LIVE:
        people, _ = search_candidates(require_live(wikidata), sources)
        return [from_person(p) for p in people]
    return [from_person(p) for p in load_authority_people(authority, profile, mapping)]


def require_live(wikidata: WikidataClient | None) -> WikidataClient:
    if wikidata is None:
        raise ConfigError("The live Wikidata authority needs a Wikidata client (the CLI makes one from settings).")
    return wikidata


def live_client(cache_root: Path, contact: str = "") -> WikidataClient:
    """The live client, its answers cached under ``cache_root/wikidata`` (the CLI passes $GLAMWIKI_CACHE or
    ~/.cache/glamwiki, and the operator's contact: :mod:`glamwiki.cli.network`)."""
    return WikidataClient(Path(cache_root) / "wikidata", contact=contact)


def load_authority_people(path: str, profile: str | None, mapping: str | None) -> list[Person]:
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
    counts: Counter[str] = Counter(r.decision for r in run.results)
    return {
        "people": len(run.results),
        **{d: counts.get(d, 0) for d in ("match", "review", "none")},
        "pairs_compared": run.pairs,
        "lambda": round(run.model.lam, 5),
        "em_iterations": run.model.iterations,
    }
