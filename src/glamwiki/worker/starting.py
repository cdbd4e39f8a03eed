"""Queued jobs made from a form (the web workspace's jobs page, the upload queue's "approve and
publish") and "run again" for a job that failed, was cancelled or whose worker died. The params hold
what to do and who asked (``by``), never a secret; the worker takes them (``loop.Worker``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from glamwiki.errors import ConfigError
from glamwiki.intake.registry import FORMAT_READERS, all_profile_names
from glamwiki.store import Store, jobs
from glamwiki.worker.kinds import KINDS
from glamwiki.worker.sources import ingest_source


def _field(form: Mapping[str, str], key: str) -> str:
    return str(form.get(key, "") or "").strip()


def _month(form: Mapping[str, str], key: str) -> str | None:
    from glamwiki.reach.months import parse_month

    value = _field(form, key)
    return parse_month(value) if value else None


def params_from_form(store: Store, root: Path, kind: str, form: Mapping[str, str]) -> dict[str, Any]:
    """The job's params from a start form, checked (a file only from the project's sources or its folder)."""
    if kind == "ingest":
        profile = _field(form, "profile")
        if profile and profile not in {*all_profile_names(), *FORMAT_READERS}:
            raise ConfigError(f"no profile or reader is called {profile!r}")
        source = ingest_source(store, root, _field(form, "path") or _field(form, "source"))
        return {"source": source, "dataset": _field(form, "dataset") or None, "profile": profile or None}
    if kind == "rights":
        as_of = _field(form, "as_of")
        return {"as_of": as_of or None, "presume": [p for p in form.get("presume", "").split() if p]}
    if kind == "link":
        authority = _field(form, "authority") or "wikidata"
        if authority != "wikidata":
            authority = ingest_source(store, root, authority)
        return {"authority": authority, "authority_profile": _field(form, "authority_profile") or None,
                "dataset": _field(form, "dataset") or None}  # fmt: skip
    if kind == "publish":
        limit = _field(form, "limit")
        if limit and not limit.isdigit():
            raise ConfigError(f"limit {limit!r} is not a number of files")
        approved = form.get("approved_only") in ("1", "on", "true")
        return {"approved_only": approved, "limit": int(limit) if limit else None}
    if kind == "reach-collect":
        return {"source": "project", "start": _month(form, "first"), "end": _month(form, "last")}  # as `reach collect`
    raise ConfigError(f"no such job kind: {kind!r} (known: {', '.join(KINDS)})")


def queue(store: Store, kind: str, params: dict[str, Any], by: str) -> int:
    """A queued job of ``kind`` started by the account ``by`` (its name only)."""
    if kind not in KINDS:
        raise ConfigError(f"no such job kind: {kind!r} (known: {', '.join(KINDS)})")
    return jobs.create(store, kind, {**params, "by": by})


def run_again(store: Store, job_id: int, by: str | None = None) -> int:
    """A new queued job with the params of ``job_id`` (which failed, was cancelled, or whose worker went
    silent), noting which it resumes, started by ``by`` (None: the account that started the old one).
    The stages go on where the work stopped: publishing sends only the files not finished, ingest and
    rights redo only what was not committed."""
    old = jobs.get(store, job_id)
    if old.status not in (jobs.FAILED, jobs.CANCELLED) and not old.stale():
        raise ConfigError(f"job {job_id} is {old.status}: only a failed, cancelled or silent job can be run again")
    if old.status == jobs.RUNNING:  # silent for too long: its worker is taken for dead
        jobs.finish(store, old.id, jobs.FAILED, "its worker went silent (no heartbeat); it was run again")
    params = {k: v for k, v in old.params.items() if k not in ("by", "resumes")}
    starter = by if by is not None else str(old.params.get("by", ""))
    return queue(store, old.kind, {**params, "resumes": old.id}, starter)
