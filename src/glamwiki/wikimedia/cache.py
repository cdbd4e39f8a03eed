"""The one response cache: JSON answers of GET requests on disk, keyed by URL and parameters.

A rerun does not ask again what cannot have changed: Wikidata entities and searches, SPARQL results,
pageview months already closed. Each entry has its own age; a reader gives the ``max_age`` it accepts
(None: any age) or asks for a fresh answer (the bypass), which then replaces the stored one.
Writes go to a temporary file renamed into place, so a crash never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

IGNORED = frozenset({"maxlag"})  # politeness, not part of the question


def cache_key(url: str, params: Mapping[str, Any] | None = None) -> str:
    stable = sorted((k, str(v)) for k, v in (params or {}).items() if k not in IGNORED)
    return hashlib.sha256((url + "?" + urlencode(stable)).encode()).hexdigest()


class DiskCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, max_age: float | None = None) -> Any | None:
        """The stored body (wrapped as ``{"body": ...}``) if there is one no older than ``max_age``."""
        path = self._path(key)
        try:
            if max_age is not None and time.time() - path.stat().st_mtime > max_age:
                return None
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or "body" not in entry:
            return None
        self.hits += 1
        return entry

    def put(self, key: str, url: str, body: Any) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"url": url, "body": body}), encoding="utf-8")
        tmp.replace(path)
