"""Which files a job started from the web may read: a source an earlier ingest read (the project's
sources), or a path inside the project folder. Never an arbitrary path elsewhere on the server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store.runs import latest_runs_by_dataset


@dataclass(frozen=True)
class KnownSource:
    source: str  # the file or URL an ingest read
    dataset: str
    profile: str  # the mapping profile or reader it was read with ("" if sniffed)


def known_sources(store: Store) -> list[KnownSource]:
    """The sources earlier ingests read, once each, with the dataset and profile they were read as."""
    seen: dict[str, KnownSource] = {}
    for run in latest_runs_by_dataset(store):
        source = str(run.get("source") or "")
        profile = str(run.get("profile") or run.get("reader") or "")
        if source:
            seen[source] = KnownSource(source, str(run.get("dataset") or ""), profile)
    return list(seen.values())


def ingest_source(store: Store, root: Path, given: str) -> str:
    """``given`` as the ingest will read it: a source an earlier ingest read, as it is; otherwise a path
    relative to (or inside) the project folder, resolved. Anything else is refused."""
    given = given.strip()
    if not given:
        raise ConfigError("Choose a source, or give a file inside the project folder.")
    if given in {k.source for k in known_sources(store)}:
        return given
    folder = root.resolve()
    path = Path(given) if Path(given).is_absolute() else folder / given
    resolved = path.resolve()
    if not resolved.is_relative_to(folder):
        raise ConfigError(f"{given!r} is outside the project folder {folder}: put the file in the project folder "
                          "(or ingest it once with `glamwiki ingest`) and choose it again.")  # fmt: skip
    if not resolved.exists():
        raise ConfigError(f"{given!r} does not exist in the project folder {folder}.")
    return str(resolved)
