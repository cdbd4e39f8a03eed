"""Supplied OCR (ALTO) as the DjVu text layer, on excerpts of real ALTO files from
github.com/altoxml/reference_samples (fixtures/README.md): a Staatsbibliothek zu Berlin newspaper
page (ABBYY FineReader, pixels) and the Library of Congress tag sample (inch1200)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glamwiki.books.alto import read_alto
from glamwiki.books.build import build_djvu, djvu_text_of
from glamwiki.books.errors import BookError

from .images import page_image

FIXTURES = Path(__file__).parent / "fixtures"
SBB = FIXTURES / "alto-sbb-excerpt.xml"
LOC = FIXTURES / "alto-loc-excerpt.xml"


def test_words_and_lines_scaled_to_the_image() -> None:
    page = read_alto(SBB, (4214 // 2, 6051 // 2))  # the image at half the ALTO page's pixels
    assert page.text.splitlines()[:2] == ["M Ti. Erstes Blatt.", "% ifustcuj, 1. Avril."]
    first = page.lines[0][0]
    assert (first.text, first.left, first.top) == ("M", round(242 * 2107 / 4214), round(487 * 3025 / 6051))


def test_inch1200_page_scaled_by_its_size() -> None:
    page = read_alto(LOC, (2046, 2594))  # the LoC page is 20463 x 25941 in 1/1200 inch
    news = page.lines[3][-1]
    assert news.text == "NEWS" and (news.left, news.top) == (1358, 182)


def test_not_alto_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "p1.xml"
    bad.write_text("<html/>")
    with pytest.raises(BookError, match=r"p1\.xml: not ALTO"):
        read_alto(bad, (10, 10))


@pytest.mark.skipif(not shutil.which("c44"), reason="needs djvulibre-bin (installed by .ci/run)")
def test_supplied_alto_becomes_the_text_layer(tmp_path: Path) -> None:
    images = [page_image(tmp_path / f"p{n}.jpg", n, (421, 605)) for n in (1, 2, 3)]
    broken = tmp_path / "broken.xml"
    broken.write_text("<alto><Layout>")
    report = build_djvu(images, tmp_path / "b.djvu", alto=[SBB, broken, LOC])
    assert report.ocr_failed == [2]
    assert "Erstes Blatt" in djvu_text_of(tmp_path / "b.djvu", 1)
    assert djvu_text_of(tmp_path / "b.djvu", 2) == ""
    assert "WINCHESTER NEWS" in djvu_text_of(tmp_path / "b.djvu", 3)
