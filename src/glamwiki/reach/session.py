"""The client a project's reach commands use: its cache folder and politeness settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from glamwiki.reach.http import Client, Politeness

CACHE_FOLDER = ".glamwiki-cache/reach"


def client_for(
    project_root: Path,
    api_root: str = "",
    min_interval: float = 0.2,
    cache: bool = True,
    notify: Callable[[str], None] | None = None,
    rest_concurrency: int = 4,
    backoff: float = 2.0,
    max_retries: int = 5,
    contact: str = "",
) -> Client:
    """The CLI passes ``backoff`` (first wait, seconds) and ``max_retries`` from ``[reach]`` settings or
    GLAMWIKI_REACH_BACKOFF / GLAMWIKI_REACH_MAX_RETRIES (:mod:`glamwiki.cli.network`)."""
    cache_dir = project_root / CACHE_FOLDER if cache else None
    polite = Politeness(
        min_interval=min_interval, backoff=backoff, max_retries=max_retries, rest_concurrency=rest_concurrency
    )
    return Client(api_root=api_root, cache_dir=cache_dir, polite=polite, notify=notify, contact=contact)


def read_file_list(path: Path) -> list[str]:
    """One file name a line ('File:' prefix optional); blank lines and lines starting with # skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
