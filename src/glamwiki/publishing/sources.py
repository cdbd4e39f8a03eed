"""Getting a file's bytes: local files are read where they are; URLs and IIIF images are streamed
to a cache file. Either way the SHA-1, size and real type come from one pass in fixed-size blocks."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import requests

from glamwiki.model.records import IMAGE_FILE
from glamwiki.publishing import filetypes
from glamwiki.publishing.errors import PreflightError, TransientError

BLOCK = 1024 * 1024
IIIF_MAX = "/full/max/0/default.jpg"  # Image API 3 (and 2.1): the full image at its largest size
IIIF_FULL = "/full/full/0/default.jpg"  # Image API 2.0


@dataclass
class Fetched:
    path: Path
    sha1: str
    size: int
    ext: str | None
    mime: str | None


def digest_file(path: Path) -> Fetched:
    sha1 = hashlib.sha1()
    size = 0
    with path.open("rb") as fh:
        head = fh.read(filetypes.HEAD_BYTES)
        sha1.update(head)
        size += len(head)
        while block := fh.read(BLOCK):
            sha1.update(block)
            size += len(block)
    kind = filetypes.sniff(head)
    return Fetched(path, sha1.hexdigest(), size, kind[0] if kind else None, kind[1] if kind else None)


def fetch(kind: str, source: str, cache: Path, name: str, session: requests.Session, timeout: float = 120) -> Fetched:
    """The file for ``source`` on local disk (downloading it once into ``cache``), with its digest."""
    if kind == IMAGE_FILE:
        path = Path(source)
        if not path.is_file():
            raise PreflightError(f"The image file {source} is missing; restore it or re-plan without it.")
        return digest_file(path)
    target = cache / name
    if target.is_file():
        return digest_file(target)
    cache.mkdir(parents=True, exist_ok=True)
    try:
        _download(source, target, session, timeout)
    except PreflightError:
        if IIIF_MAX not in source:
            raise
        _download(source.replace(IIIF_MAX, IIIF_FULL), target, session, timeout)  # a IIIF Image API 2.0 server
    return digest_file(target)


def _download(source: str, target: Path, session: requests.Session, timeout: float) -> None:
    """Stream ``source`` into ``target`` in blocks (a partial file never takes the final name)."""
    partial = target.with_suffix(".part")
    try:
        with session.get(source, stream=True, timeout=timeout) as response:
            if response.status_code >= 400:
                raise PreflightError(f"Downloading {source} failed with HTTP {response.status_code}.")
            with partial.open("wb") as fh:
                for block in response.iter_content(BLOCK):
                    fh.write(block)
    except requests.RequestException as exc:
        raise TransientError(f"Downloading {source} failed ({type(exc).__name__}); it will be retried.") from None
    os.replace(partial, target)
