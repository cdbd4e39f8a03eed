"""Page images of a manifest downloaded from 127.0.0.1: the largest size, Image API 2.0 fallback,
a rerun that fetches nothing again, and a page without an image named."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.books.errors import BookError
from glamwiki.books.fetch import fetch_images
from glamwiki.books.pages import manifest_book

from ..localserver import serve
from .images import page_image


def test_images_are_fetched_once_each_at_full_size(tmp_path: Path) -> None:
    jpegs = [page_image(tmp_path / "src" / f"{n}.jpg", n).read_bytes() for n in (1, 2)]

    def route(path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path == "/iiif/p1/full/max/0/default.jpg":
            return 200, {"Content-Type": "image/jpeg"}, jpegs[0]
        if path == "/iiif/p2/full/full/0/default.jpg":  # an Image API 2.0 server: no "max"
            return 200, {"Content-Type": "image/jpeg"}, jpegs[1]
        return 404, {}, b"not found"

    with serve(route) as (base, seen):
        canvases = [{"@id": f"c{n}", "@type": "sc:Canvas", "label": str(n), "images": [{"resource": {
            "@id": f"{base}/iiif/p{n}/full/full/0/default.jpg", "@type": "dctypes:Image",
            "service": {"@id": f"{base}/iiif/p{n}"}}}]} for n in (1, 2)]  # fmt: skip
        book = manifest_book({"@type": "sc:Manifest", "@id": "m", "label": "B", "sequences": [{"canvases": canvases}]},
                             "m.json")  # fmt: skip
        paths = fetch_images(book, tmp_path / "pages", "tests@example.org")
        asked = len(seen)
        again = fetch_images(book, tmp_path / "pages", "tests@example.org")
    assert [p.read_bytes() for p in paths] == jpegs
    assert [p.name for p in paths] == ["page-00001.jpg", "page-00002.jpg"] == [p.name for p in again]
    assert asked == 3 and len(seen) == 3  # p2 tried at max, then full; the rerun asks nothing


def test_a_page_without_image_is_named(tmp_path: Path) -> None:
    doc = {"type": "Manifest", "id": "m", "items": [{"type": "Canvas", "id": "c1", "label": {"none": ["iv"]}}]}
    with pytest.raises(BookError, match=r"page 1 \(iv\) offers no image"):
        fetch_images(manifest_book(doc, "m.json"), tmp_path, "tests@example.org")
