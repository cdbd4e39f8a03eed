"""Thumbnails for the review queues, fetched by the server, never by the browser: a catalogue's
image URL loaded in a curator's browser would tell the museum's server (or anyone who put a URL in
the catalogue) who is reviewing, and a private address could be probed from inside the network.
The server fetches through the one HTTP layer's guard (private addresses refused unless the
project's ``[network] allow_hosts`` names them), keeps a small JPEG per source in the project's
cache, and remembers a source that failed for a day so a queue page does not fetch it again."""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from glamwiki.errors import GlamwikiError
from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF, ObjectRecord
from glamwiki.publishing.sources import IIIF_MAX, fetch
from glamwiki.store import Store
from glamwiki.store.publishing import plan_for_record
from glamwiki.store.records import get_with_run, resolve_id
from glamwiki.wikimedia import Http, HttpSettings

SIZE = 160  # pixels, the long side
IIIF_SMALL = "/full/!400,400/0/default.jpg"  # ask a IIIF Image API server for a small rendering
FAILED_FOR = 24 * 3600.0  # seconds a failed source is not tried again
Source = tuple[str, str]  # (image kind, location)


def record_image(store: Store, text: str) -> Source | None:
    """The first image of a record ("dataset:id"): its planned file's source, else the catalogue's."""
    dataset, local_id = resolve_id(store, text)
    found = [f for f in get_with_run(store, local_id) if dataset in (None, f[0])]
    records = [(ds, r) for ds, _, r in found if isinstance(r, ObjectRecord)]
    if not records:
        return None
    ds, record = records[0]
    planned = [p for p in plan_for_record(store, ds, record.id) if p.source]
    if planned:
        return planned[0].source_kind or "url", planned[0].source
    if record.images:
        return str(record.images[0].kind), record.images[0].location
    return None


def thumbnail(source: Source, cache: Path, project_root: Path, allow_hosts: frozenset[str]) -> bytes | None:
    """A JPEG of at most SIZE pixels for ``source``, made once and kept in ``cache``; None when the
    image cannot be had (unreachable, refused, not an image, a file outside the project folder)."""
    kind, location = source
    key = hashlib.sha256(f"{kind}\n{location}".encode()).hexdigest()[:32]
    done, failed = cache / f"{key}.jpg", cache / f"{key}.failed"
    if done.is_file():
        return done.read_bytes()
    if failed.is_file() and time.time() - failed.stat().st_mtime < FAILED_FOR:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    data = _small(kind, location, cache, key, project_root, allow_hosts)
    if data is None:
        failed.touch()
        return None
    partial = done.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(done)
    return data


def _small(kind: str, location: str, cache: Path, key: str, root: Path, allow_hosts: frozenset[str]) -> bytes | None:
    if kind == IMAGE_FILE:
        path = Path(location).resolve()
        if not path.is_relative_to(root.resolve()):
            return None  # only the project's own files
        return _shrink(path)
    url = location.replace(IIIF_MAX, IIIF_SMALL) if kind == IMAGE_IIIF else location
    http = Http(HttpSettings(retries=0, timeout=20.0, allow_hosts=allow_hosts), guard=True)
    try:
        got = fetch(kind, url, cache, f"{key}.source", http, timeout=20.0)
    except GlamwikiError:
        return None
    try:
        return _shrink(got.path)
    finally:
        got.path.unlink(missing_ok=True)


def _shrink(path: Path) -> bytes | None:
    try:
        with Image.open(path) as image:
            image.thumbnail((SIZE, SIZE))
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=80)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None
    return out.getvalue()
