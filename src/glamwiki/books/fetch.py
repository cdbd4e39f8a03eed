"""The page images of a manifest on local disk, one at a time, each the largest the server gives
(IIIF Image API ``full/max``, ``full/full`` on a 2.0 server), through the publishing stage's streamed
download (a partial file never takes the final name). A rerun skips the pages already there."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from glamwiki.books.errors import BookError
from glamwiki.books.pages import Book
from glamwiki.model.records import IMAGE_URL
from glamwiki.publishing import sources
from glamwiki.publishing.errors import PreflightError, TransientError, Unreachable
from glamwiki.wikimedia import Http, HttpSettings


def fetch_images(
    book: Book, folder: Path, contact: str, progress: Callable[[int], None] | None = None,
    allow_hosts: Iterable[str] = (),
) -> list[Path]:  # fmt: skip
    """``folder/page-00001.jpg``... in page order; a page without an image is an error naming it. Image
    URLs come from the manifest: only public addresses are fetched, plus ``allow_hosts`` (glamwiki.wikimedia.guard)."""
    session = Http(HttpSettings(contact=contact).with_hosts(allow_hosts), guard=True)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in book.pages:
        if not page.image:
            raise BookError(f"{book.source}: page {page.number} ({page.label or page.canvas}) offers no image")
        name = f"page-{page.number:05d}.jpg"
        try:
            got = sources.fetch(IMAGE_URL, page.image, folder, name, session)
        except (PreflightError, TransientError, Unreachable) as exc:
            raise BookError(f"{book.source}: page {page.number} ({page.label}): {exc}") from None
        paths.append(got.path)
        if progress:
            progress(1)
    return paths
