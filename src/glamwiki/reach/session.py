"""The client a project's reach commands use: its cache folder and politeness settings."""

from __future__ import annotations

import os
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
) -> Client:
    """Politeness can be tuned from the environment: GLAMWIKI_REACH_BACKOFF (first wait, seconds)
    and GLAMWIKI_REACH_MAX_RETRIES."""
    cache_dir = project_root / CACHE_FOLDER if cache else None
    polite = Politeness(
        min_interval=min_interval,
        backoff=float(os.environ.get("GLAMWIKI_REACH_BACKOFF", "2")),
        max_retries=int(os.environ.get("GLAMWIKI_REACH_MAX_RETRIES", "5")),
        rest_concurrency=rest_concurrency,
    )
    return Client(api_root=api_root, cache_dir=cache_dir, polite=polite, notify=notify)


def read_file_list(path: Path) -> list[str]:
    """One file name a line ('File:' prefix optional); blank lines and lines starting with # skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
