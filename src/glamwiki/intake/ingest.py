"""Ingest: read a source through its reader and write records, errors and changes to the store.

Records are written in batches, each in its own transaction, so an interrupted ingest keeps
every batch it finished; ingesting again updates in place and reports what changed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError, GlamwikiError
from glamwiki.intake.base import Issue, Item, ReadContext
from glamwiki.intake.mapped import detect_format, read_mapped
from glamwiki.intake.mapping import Profile
from glamwiki.intake.pipeline import ReaderCrashed, produce
from glamwiki.intake.registry import format_reader, sniff_reader
from glamwiki.intake.writer import Counts, RunWriter
from glamwiki.locks import exclusive, held
from glamwiki.model.runs import IngestStatus
from glamwiki.scrub import without_userinfo
from glamwiki.store import Store
from glamwiki.store.db import store_error
from glamwiki.store.runs import start_run

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestSummary(Counts):
    dataset: str = ""
    files: list[str] = field(default_factory=list)
    run_ids: list[int] = field(default_factory=list)
    status: IngestStatus = IngestStatus.DONE

    def as_dict(self) -> dict[str, object]:
        out = Counts.as_dict(self)
        out.update(dataset=self.dataset, files=self.files, run_ids=self.run_ids, status=self.status)
        return out


@dataclass(slots=True)
class Plan:
    """One file (or URL) and how to read it."""

    path: str
    reader_name: str
    read: Callable[[ReadContext], Iterator[Item]]
    provenance: dict[str, str] | None = None  # field -> column/path, for mapping-driven readers

    def context(
        self, encoding: str = "utf-8", options: dict[str, object] | None = None, images_root: Path | None = None
    ) -> ReadContext:
        """How to read this file; local image paths must stay inside ``images_root`` (default: its folder)."""
        root = images_root or (None if self.path.startswith("http") else Path(self.path).resolve().parent)
        return ReadContext(self.path, without_userinfo(self.path), root, encoding, dict(options or {}))


def plan_sources(
    source: str, profile: Profile | None, reader: str | None, fmt: str | None = None, recursive: bool = True
) -> list[Plan]:
    is_url = source.startswith(("http://", "https://"))
    path = Path(source)
    if not is_url and not path.exists():
        raise ConfigError(f"{source} does not exist. Give a file, a folder or an http(s) URL.")
    files = [source] if is_url or path.is_file() else folder_files(path, recursive)
    plans = []
    for f in files:
        plan = _plan_one(f, profile, reader, fmt, single=len(files) == 1)
        if plan is not None:
            plans.append(plan)
    if not plans:
        raise ConfigError(f"Nothing in {source} matches the profile's file patterns or a known format.")
    return plans


def folder_files(folder: Path, recursive: bool = True) -> list[str]:
    """The files of a folder, its subfolders' too unless told not to, in path order; hidden files
    and folders (".git", ".DS_Store") are left out and symbolic links to folders are not followed."""
    if not recursive:
        return [str(p) for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / n for n in names if not n.startswith(".")]
    return [str(p) for p in sorted(found, key=lambda p: p.relative_to(folder).parts)]


def _plan_one(f: str, profile: Profile | None, reader: str | None, fmt: str | None, single: bool) -> Plan | None:
    name = Path(f).name
    if profile is not None:
        spec = profile.source_for(name)
        if spec is None or (not single and not spec.matches(name)):
            return None
        if any(j for j in spec.joins.values() if any(Path(name).match(m) for m in j.match)):
            return None
        chosen = fmt or spec.format or detect_format(f)
        if chosen is None:
            raise ConfigError(f"{f}: cannot tell the file format; set format in the mapping or pass --format.")
        return Plan(
            f,
            f"mapping:{profile.name}/{spec.name}",
            partial(read_mapped, spec=spec, fmt=chosen),
            spec.provenance(),
        )
    name_of_reader = reader or sniff_reader(f)
    if name_of_reader is None:
        if single:
            raise ConfigError(
                f"{f}: no mapping for this file. Pass --mapping FILE (start from "
                "`glamwiki profiles show generic`) or --profile NAME (`glamwiki profiles`)."
            )
        return None
    return Plan(f, name_of_reader, format_reader(name_of_reader))


def ingest(
    store: Store,
    source: str,
    *,
    dataset: str,
    profile: Profile | None = None,
    reader: str | None = None,
    fmt: str | None = None,
    images_root: Path | None = None,
    encoding: str = "utf-8",
    options: dict[str, object] | None = None,
    progress: Progress | None = None,
    parallel: bool | None = None,
    recursive: bool = True,
) -> IngestSummary:
    """Read ``source`` into the store (a folder with its subfolders unless ``recursive`` is false).
    ``parallel``: read in a second process (None: when the file is big enough to gain from it).

    An id read from two files of one ingest is an input problem: the later copy is skipped and
    reported, naming both files."""
    summary = IngestSummary(dataset=dataset)
    plans = plan_sources(source, profile, reader, fmt, recursive)
    with ingest_lock(store):
        for plan in plans:  # a run that does not finish raises: the next file is not started
            ctx = plan.context(encoding, options, images_root)
            _ingest_one(store, plan, ctx, dataset, profile, summary, progress, parallel)
    return summary


def ingest_lock(store: Store) -> AbstractContextManager[None]:
    """One ingest at a time per project: a second one is refused at once, naming the first."""
    return exclusive(store, "ingest", "ingest")


def ingest_running(store: Store) -> bool | None:
    """Whether an ingest holds this project's lock now (None when it cannot be told)."""
    return held(store, "ingest")


def _ingest_one(
    store: Store, plan: Plan, ctx: ReadContext, dataset: str, profile: Profile | None,
    summary: IngestSummary, progress: Progress | None, parallel: bool | None,
) -> None:  # fmt: skip
    with store.transaction():
        run_id = start_run(
            store, source=without_userinfo(plan.path), reader=plan.reader_name,
            profile=profile.name if profile else None, dataset=dataset, provenance=plan.provenance,
        )  # fmt: skip
    summary.files.append(without_userinfo(plan.path))
    summary.run_ids.append(run_id)
    earlier = dict(zip(summary.run_ids[:-1], summary.files[:-1], strict=True))  # this ingest's runs before this one
    writer = RunWriter(store, run_id, dataset, ctx.display, progress, earlier)
    status = IngestStatus.FAILED  # until the last item is written: a crash never leaves the run looking done
    try:
        for item in produce(plan.read, ctx, parallel):
            if isinstance(item, Issue):
                writer.issue(item)
            else:
                writer.encoded(item)
        status = IngestStatus.DONE
    except KeyboardInterrupt:
        status = IngestStatus.INTERRUPTED
        raise
    except sqlite3.Error as exc:
        raise store_error(exc, store.location) from exc
    except GlamwikiError:
        raise
    except Exception as exc:  # a reader bug: say so plainly, keep what was read, mark the run failed
        raise ReaderCrashed(
            f"Reading {plan.path} stopped on an unexpected error ({type(exc).__name__}: {exc}). The records read "
            "before it are kept and the run is marked failed; please report this with the file."
        ) from exc
    finally:
        summary.status = status
        _finish(writer, status)
        summary.add(writer.counts)


def _finish(writer: RunWriter, status: IngestStatus) -> None:
    """Write what is pending and the run's status; after a failure, at least the status."""
    try:
        writer.finish(status)
    except sqlite3.Error:
        if status == IngestStatus.DONE:
            raise
        try:
            writer.finish_status_only(status)
        except sqlite3.Error:
            log.warning("run %s could not be marked %s; `glamwiki status` will show it as stopped", writer.run_id,
                        status)  # fmt: skip


def ingest_options(
    config: Any, contact: str, *, metadata_prefix: str = "oai_dc", oai_set: str | None = None, offline: bool = False
) -> dict[str, Any]:
    """The reader options of an ingest from the project's settings (``[intake]``, ``[network]
    allow_hosts``) and the operator's ``contact``: what `glamwiki ingest` and the job worker pass."""
    from glamwiki.wikimedia.guard import allow_hosts

    return {
        "metadata_prefix": metadata_prefix,
        "set": oai_set,
        "offline": offline,
        "circa_years": config.get("intake", "circa_years", 5),
        "allow_hosts": sorted(allow_hosts(config.get("network", "allow_hosts", []))),
        "contact": contact,
        "max_response_mb": config.get("intake", "max_response_mb", 100.0),
        "response_seconds": config.get("intake", "response_seconds", 300.0),
    }
