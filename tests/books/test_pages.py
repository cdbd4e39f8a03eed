"""Manifest or PDF → ordered pages, on the real library manifests in the shared data
(../shared/data/iiif-books, from the IIIF-Commons/parser test fixtures, MIT)."""

from __future__ import annotations

import json
from pathlib import Path

import img2pdf
import pikepdf
import pytest

from glamwiki.books.errors import BookError
from glamwiki.books.pages import read_book

from .images import page_images

CANVASES = {
    "nls-manifest-2.json": 152,
    "nlw-manifest.json": 12,
    "nlw-manuscript-manifest.json": 219,
    "bodleian-manifest.json": 149,
    "bl-manifest.json": 20,
    "wellcome-p3.json": 10,
    "wellcome-p3-2.json": 36,
}


def _raw_canvas_count(doc: dict) -> int:
    if "sequences" in doc:
        return len(doc["sequences"][0]["canvases"])
    return sum(1 for c in doc["items"] if c.get("type") == "Canvas")


@pytest.mark.parametrize("name", sorted(CANVASES))
def test_page_count_equals_canvas_count(shared_data: Path, name: str) -> None:
    path = shared_data / "iiif-books" / name
    book = read_book(path)
    assert len(book.pages) == CANVASES[name] == _raw_canvas_count(json.loads(path.read_text()))
    assert [p.number for p in book.pages] == list(range(1, len(book.pages) + 1))
    assert all(p.image and p.image.startswith(("https://", "http://")) for p in book.pages)  # Gallica: http


def test_every_manifest_in_the_folder_is_covered(shared_data: Path) -> None:
    assert {p.name for p in (shared_data / "iiif-books").glob("*.json")} == set(CANVASES)


def test_labels_and_largest_image_of_yr_ardd(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manifest.json")
    assert [p.label for p in book.pages] == ["[i]", "[ii]", "[iii]", "iv", "[1]", "2", "3", "4", "5", "6", "7", "8"]
    first = book.pages[0]
    assert first.image == "https://damsssl.llgc.org.uk/iiif/2.0/image/2373815/full/max/0/default.jpg"
    assert (first.width, first.height) == (1677, 2717)
    assert book.label == "Yr ardd"


def test_v3_labels_with_none_key(shared_data: Path) -> None:
    book = read_book(shared_data / "iiif-books" / "nlw-manuscript-manifest.json")
    labels = [p.label for p in book.pages]
    assert labels[:3] == ["front cover", "1 r.", "1 v."]
    assert labels[-1] == "back cover"
    assert book.pages[1].canvas.endswith("/canvas/4389769.json")


def test_choice_takes_the_largest_image() -> None:
    canvas = {"id": "c1", "type": "Canvas", "label": {"en": ["1r"]}, "items": [{"type": "AnnotationPage", "items": [
        {"type": "Annotation", "motivation": "painting", "body": {"type": "Choice", "items": [
            {"id": "https://x.example/small.jpg", "type": "Image", "width": 100, "height": 150},
            {"id": "https://x.example/big.jpg", "type": "Image", "width": 2000, "height": 3000}]}}]}]}  # fmt: skip
    from glamwiki.books.pages import manifest_book

    book = manifest_book({"type": "Manifest", "id": "m", "label": {"en": ["T"]}, "items": [canvas]}, "test")
    assert book.pages[0].image == "https://x.example/big.jpg"
    assert book.pages[0].label == "1r"


def test_pdf_pages_with_page_labels(tmp_path: Path) -> None:
    images = page_images(tmp_path / "img", 5)
    pdf_path = tmp_path / "book.pdf"
    pdf_path.write_bytes(img2pdf.convert([str(p) for p in images]))
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:  # roman i-ii, then arabic from 1
        pdf.Root.PageLabels = pikepdf.Dictionary(
            Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.r), 2, pikepdf.Dictionary(S=pikepdf.Name.D)]
        )
        pdf.save(pdf_path)
    book = read_book(pdf_path)
    assert [p.label for p in book.pages] == ["i", "ii", "1", "2", "3"]
    assert [p.canvas for p in book.pages] == [f"pdf:{n}" for n in range(1, 6)]


def test_not_a_manifest_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "coll.json"
    bad.write_text(json.dumps({"type": "Collection", "items": []}))
    with pytest.raises(BookError, match=r"coll\.json: not a IIIF manifest"):
        read_book(bad)
    (tmp_path / "junk.json").write_text("{nope")
    with pytest.raises(BookError, match=r"junk\.json: neither a PDF nor"):
        read_book(tmp_path / "junk.json")
