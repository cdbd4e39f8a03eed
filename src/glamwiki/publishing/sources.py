"""Getting a file's bytes: local files are read where they are; URLs and IIIF images are streamed
to a cache file. Either way the SHA-1, size and real type come from one pass in fixed-size blocks."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from glamwiki.model.records import IMAGE_FILE
from glamwiki.publishing import filetypes
from glamwiki.publishing.errors import PreflightError, TransientError, Unreachable
from glamwiki.wikimedia import AddressRefused, Http, HttpSettings, Permanent, Transient
from glamwiki.wikimedia.guard import BodyLimit, iter_body
from glamwiki.wikimedia.http import Response, Session

BLOCK = 1024 * 1024
MAX_SIZE = 5 * 1024**3  # Commons accepts files up to 5 GiB (chunked upload)
DOWNLOAD_SECONDS = 3600.0  # one image; a server sending a byte at a time cannot hold the run
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
    with open_exact(path) as fh:
        head = fh.read(filetypes.HEAD_BYTES)
        sha1.update(head)
        size += len(head)
        while block := fh.read(BLOCK):
            sha1.update(block)
            size += len(block)
    kind = filetypes.sniff(head)
    return Fetched(path, sha1.hexdigest(), size, kind[0] if kind else None, kind[1] if kind else None)


def fetch(kind: str, source: str, cache: Path, name: str, session: Http | Session, timeout: float = 120) -> Fetched:
    """The file for ``source`` on local disk (downloading it once into ``cache``), with its digest.
    ``session``: a guarded :class:`~glamwiki.wikimedia.Http` (or a guarded requests session)."""
    if kind == IMAGE_FILE:
        path = Path(source)
        if not path.is_file():
            raise PreflightError(f"The image file {source} is missing; restore it or re-plan without it.")
        return digest_file(path)
    if not source.lower().startswith(("http://", "https://")):
        raise PreflightError(f"{source[:200]!r} is not an http(s) URL; it will not be fetched. Correct the record.")
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


def _download(source: str, target: Path, session: Http | Session, timeout: float) -> None:
    """Stream ``source`` into ``target`` in blocks (a partial file never takes the final name). Not retried
    here: a transient failure leaves the file for the next attempt of the run."""
    http = session if isinstance(session, Http) else Http(HttpSettings(), guard=True, session=session)
    partial = target.with_suffix(".part")

    def read(response: Response) -> None:
        if response.status_code >= 400:
            raise PreflightError(f"Downloading {source} failed with HTTP {response.status_code}.")
        with partial.open("wb") as fh:
            for block in iter_body(response, MAX_SIZE, DOWNLOAD_SECONDS, BLOCK):
                fh.write(block)

    try:
        http.call("GET", source, read, retry=False, stream=True, timeout=timeout)
    except BodyLimit as exc:
        partial.unlink(missing_ok=True)
        if exc.kind == "size":
            raise PreflightError(f"Downloading {source}: larger than the wiki accepts; refused.") from None
        raise TransientError(f"Downloading {source}: {exc}; stopped, it will be tried again.") from None
    except AddressRefused as exc:
        raise PreflightError(f"Downloading {source} refused: {exc}") from None
    except Permanent as exc:
        why = exc.reason
        raise Unreachable(f"Downloading {source} failed: {why}.") from None
    except Transient as exc:
        raise TransientError(f"Downloading {source} failed ({exc.reason}); it will be retried.") from None
    os.replace(partial, target)


def pixel_size(path: Path) -> tuple[int, int] | None:
    """(width, height) read from the image file's header, or None when it is not a raster image Pillow
    reads (PDF, DjVu, SVG, audio, video) or is too large for Pillow to open safely (then it is not small)."""
    try:
        with open_exact(path) as fh, Image.open(fh) as image:
            return int(image.width), int(image.height)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return None


def too_small(path: Path, min_long_side: int) -> str | None:
    """Why the downloaded image must be held (its long side is under ``min_long_side`` pixels), or None."""
    if min_long_side <= 0:
        return None
    size = pixel_size(path)
    if size is None or max(size) >= min_long_side:
        return None
    return (
        f"the downloaded image is {size[0]}x{size[1]} px, under {min_long_side} px on the long side "
        "([publishing] min_long_side); held, not uploaded"
    )


def open_exact(path: Path) -> BinaryIO:
    """``path`` opened for reading only if it is exactly the file it names: no symbolic link anywhere in
    it (a file swapped for a link after planning could point outside the collection folder)."""
    resolved = os.path.realpath(path)
    if resolved != os.path.abspath(path):
        raise PreflightError(
            f"{path} is now a symbolic link (to {resolved}), or lies under one; refused, since it could lead "
            "outside the collection folder. Put the real file back, or re-plan."
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise PreflightError(f"Cannot read {path}: {exc.strerror}.") from None
    return os.fdopen(fd, "rb")
