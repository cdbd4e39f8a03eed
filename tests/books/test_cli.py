"""`glamwiki book ...` end to end on the real manifests and page images made here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from glamwiki.books.build import djvu_page_count, djvu_text_of
from glamwiki.cli import cli

from .images import page_images

CONFIG = Path(__file__).parent / "fixtures" / "proofreadpage-index-config.json"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_pages_pagelist_index_and_commons(shared_data: Path) -> None:
    nlw = str(shared_data / "iiif-books" / "nlw-manifest.json")
    listing = _run("book", "pages", nlw).splitlines()
    assert len(listing) == 13 and listing[1].startswith("1\t[i]\thttps://damsssl.llgc.org.uk/")
    assert _run("book", "pagelist", nlw).strip() == '<pagelist 1to4="roman" 5="1" />'
    assert '|Pages=<pagelist 1to4="roman" 5="1" />' in _run("book", "index", nlw, "--config", str(CONFIG))
    page = _run("book", "commons", nlw, "--fact", "publication_year=1864", "--wikisource-lang", "cy", "--lang", "cy")
    assert page.startswith("File:Yr ardd (1864).djvu\n") and "s:cy:Index:Yr ardd (1864).djvu" in page


def test_commons_refuses_a_book_the_rights_stage_blocks(shared_data: Path) -> None:
    nc = str(shared_data / "iiif-books" / "wellcome-p3-2.json")
    result = CliRunner().invoke(cli, ["book", "commons", nc, "--fact", "creator_death_year=1979",
                                      "--fact", "publication_year=1951"])  # fmt: skip
    assert result.exit_code == 1 and "File:" not in result.output
    assert "the rights stage says block" in " ".join(result.output.split())


def test_build_pdf_and_djvu_from_a_folder(tmp_path: Path) -> None:
    page_images(tmp_path / "img", 4)
    _run("book", "build", "--images-dir", str(tmp_path / "img"), "--output", str(tmp_path / "b.pdf"))
    with pikepdf.open(tmp_path / "b.pdf") as pdf:
        assert len(pdf.pages) == 4
    _run("book", "build", "--images-dir", str(tmp_path / "img"), "--output", str(tmp_path / "v.pdf"), "--pages", "2-3")
    with pikepdf.open(tmp_path / "v.pdf") as pdf:
        assert len(pdf.pages) == 2
    if not shutil.which("c44"):
        pytest.skip("needs djvulibre-bin (installed by .ci/run)")
    said = _run("book", "build", "--images-dir", str(tmp_path / "img"), "--output", str(tmp_path / "b.djvu"))
    assert "4 pages (4 made now)" in " ".join(said.split())
    assert djvu_page_count(tmp_path / "b.djvu") == 4


def test_build_with_the_library_alto(tmp_path: Path) -> None:
    if not shutil.which("c44"):
        pytest.skip("needs djvulibre-bin (installed by .ci/run)")
    page_images(tmp_path / "img", 2)
    (tmp_path / "alto").mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "alto-sbb-excerpt.xml", tmp_path / "alto" / "page-0002.xml")
    out = tmp_path / "b.djvu"
    alto = str(tmp_path / "alto")
    _run("book", "build", "--images-dir", str(tmp_path / "img"), "--output", str(out), "--alto-dir", alto)
    assert djvu_text_of(out, 1) == "" and "Erstes Blatt" in djvu_text_of(out, 2)


@pytest.mark.skipif(not shutil.which("tesseract"), reason="needs tesseract-ocr (installed by .ci/run)")
def test_build_pdf_with_an_ocr_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfReader

    scan = Path(__file__).parent / "fixtures" / "phototest.tif"  # Tesseract's test scan (fixtures/README.md)
    out = tmp_path / "b.pdf"
    said = _run("book", "build", str(scan), "--output", str(out), "--ocr", "eng")
    assert "1 pages" in said and "OCR failed" not in said
    assert "quick brown dog" in PdfReader(out).pages[0].extract_text()
