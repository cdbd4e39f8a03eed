"""Building one multi-page file from page images made here with Pillow: DjVu with Debian's
djvulibre-bin (and tesseract-ocr for the text layer), PDF with img2pdf."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from glamwiki.books.build import Tools, build_djvu, build_pdf, djvu_page_count, djvu_text_of
from glamwiki.books.errors import BookError

from .images import page_image, page_images

needs_djvu = pytest.mark.skipif(not shutil.which("c44"), reason="needs djvulibre-bin (installed by .ci/run)")
needs_ocr = pytest.mark.skipif(not shutil.which("tesseract"), reason="needs tesseract-ocr (installed by .ci/run)")


def _script(path: Path, body: str) -> str:
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def _pdf_images(pdf_path: Path) -> list[bytes]:
    out = []
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            (image,) = page.get_images().values()
            assert image.Filter == pikepdf.Name.DCTDecode
            out.append(image.read_raw_bytes())
    return out


def test_pdf_embeds_jpegs_byte_for_byte(tmp_path: Path) -> None:
    import img2pdf

    images = page_images(tmp_path / "img", 7)
    out = tmp_path / "book.pdf"
    report = build_pdf(images, out)
    assert report.pages == report.made == 7
    assert _pdf_images(out) == [p.read_bytes() for p in images]
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []  # qpdf finds nothing wrong with the file
        assert list(map(float, pdf.pages[0].mediabox)) == [0, 0, 400 * 72 / 300, 600 * 72 / 300]  # 300 ppi unsaid
    with_dpi = []
    for n, path in enumerate(images[:3]):  # JPEGs that state their resolution: laid out as img2pdf does
        Image.open(path).save(tmp_path / f"dpi{n}.jpg", dpi=(200 + 50 * n, 200 + 50 * n), quality=90)
        with_dpi.append(tmp_path / f"dpi{n}.jpg")
    build_pdf(with_dpi, tmp_path / "dpi.pdf")
    (tmp_path / "ref.pdf").write_bytes(img2pdf.convert([str(p) for p in with_dpi]))
    with pikepdf.open(tmp_path / "dpi.pdf") as pdf, pikepdf.open(tmp_path / "ref.pdf") as ref:
        ours = [[round(float(v), 2) for v in p.mediabox] for p in pdf.pages]
        assert ours == [[round(float(v), 2) for v in p.mediabox] for p in ref.pages]


def test_pdf_of_other_images_restarts_without_redoing_parts(tmp_path: Path) -> None:
    images = page_images(tmp_path / "img", 6, suffix=".png")
    images.insert(3, page_image(tmp_path / "img" / "photo.jpg", 99))  # a JPEG among them: still byte for byte
    out = tmp_path / "book.pdf"
    build_pdf(images, out, part_size=3)
    parts = sorted((tmp_path / "book.pdf.parts").glob("part-*.pdf"))
    assert len(parts) == 3
    kept = parts[0].stat().st_mtime_ns
    parts[2].unlink()  # as if the run had stopped while making the last part
    out.unlink()
    again = build_pdf(images, out, part_size=3)
    assert again.made == 1 and parts[0].stat().st_mtime_ns == kept
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 7
        (jpeg,) = pdf.pages[3].get_images().values()
        assert jpeg.read_raw_bytes() == images[3].read_bytes()


@needs_djvu
def test_djvu_page_count_by_djvused(tmp_path: Path) -> None:
    images = page_images(tmp_path / "img", 6)
    images.append(page_image(tmp_path / "img" / "plate.png", 7))  # PNG goes through PNM
    bitonal = tmp_path / "img" / "bitonal.png"
    Image.open(images[0]).convert("1").save(bitonal)  # a bitonal page goes through cjb2
    images.append(bitonal)
    out = tmp_path / "book.djvu"
    report = build_djvu(images, out)
    assert djvu_page_count(out) == 8 == report.pages
    assert out.read_bytes()[:8] == b"AT&TFORM"


@needs_djvu
def test_djvu_build_restarts_after_a_crash_without_redoing_pages(tmp_path: Path) -> None:
    images = page_images(tmp_path / "img", 5)
    out = tmp_path / "book.djvu"
    calls = tmp_path / "calls"
    real = shutil.which("c44")
    crashing = _script(tmp_path / "c44-crash", f'echo x >> {calls}\n[ "$(wc -l < {calls})" -ge 3 ] && exit 9\n'
                       f'exec {real} "$@"')  # fmt: skip
    with pytest.raises(BookError, match="page 3"):
        build_djvu(images, out, tools=Tools(c44=crashing))
    parts = tmp_path / "book.djvu.parts"
    done = sorted(parts.glob("page-*.djvu"))
    assert [p.name for p in done] == ["page-00001.djvu", "page-00002.djvu"]
    stamps = [p.stat().st_mtime_ns for p in done]
    counting = _script(tmp_path / "c44-count", f'echo x >> {calls}.2\nexec {real} "$@"')
    report = build_djvu(images, out, tools=Tools(c44=counting))
    assert report.made == 3 and len((tmp_path / "calls.2").read_text().splitlines()) == 3
    assert [p.stat().st_mtime_ns for p in done] == stamps
    assert djvu_page_count(out) == 5


@needs_djvu
@needs_ocr
def test_ocr_text_layer_and_a_failing_page_left_without_text(tmp_path: Path) -> None:
    words = ["Llyfrgell Genedlaethol Cymru", "Leabharlann Nàiseanta na h-Alba", "National Library"]
    images = [page_image(tmp_path / "img" / f"p{n}.png", n, (1400, 500), text=w) for n, w in enumerate(words, 1)]
    _big_text(images, words)
    real = shutil.which("tesseract")
    flaky = _script(tmp_path / "tesseract", f'case "$1" in *p2.png) exit 1;; esac\nexec {real} "$@"')
    out = tmp_path / "book.djvu"
    report = build_djvu(images, out, ocr_langs="eng+cym+gla", tools=Tools(tesseract=flaky))
    assert report.ocr_failed == [2]
    assert djvu_page_count(out) == 3
    assert "Genedlaethol" in djvu_text_of(out, 1)
    assert djvu_text_of(out, 2) == ""
    assert "Library" in djvu_text_of(out, 3)


def _big_text(images: list[Path], words: list[str]) -> None:
    from PIL import ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 56)
    except OSError:
        font = ImageFont.load_default(size=56)
    for path, text in zip(images, words, strict=True):
        img = Image.new("L", (1400, 300), 255)
        ImageDraw.Draw(img).text((40, 100), text, font=font, fill=0)
        img.save(path, dpi=(300, 300))


def test_missing_image_is_named(tmp_path: Path) -> None:
    images = page_images(tmp_path / "img", 2)
    with pytest.raises(BookError, match=r"page 3: image .*gone\.jpg is missing"):
        build_pdf([*images, tmp_path / "gone.jpg"], tmp_path / "b.pdf")


def test_work_folder_of_another_book_is_refused(tmp_path: Path) -> None:
    build_pdf(page_images(tmp_path / "a", 2, suffix=".png"), tmp_path / "b.pdf")
    with pytest.raises(BookError, match="holds pages of another build"):
        build_pdf(page_images(tmp_path / "c", 3, suffix=".png"), tmp_path / "b.pdf")


@needs_djvu
def test_bundle_is_byte_identical_to_djvm(tmp_path: Path) -> None:
    """The page-by-page bundler writes exactly what `djvm -c` writes, odd-sized pages included."""
    import subprocess

    from glamwiki.books.bundle import bundle

    pages = []
    for n, image in enumerate(page_images(tmp_path / "img", 4), start=1):
        page = tmp_path / f"p{n}.djvu"
        subprocess.run(["c44", str(image), str(page)], check=True, capture_output=True)
        pages.append(page)
    assert any(p.stat().st_size % 2 for p in pages[:-1]) and pages[-1].stat().st_size % 2  # padding is tested
    subprocess.run(["djvm", "-c", str(tmp_path / "ref.djvu"), *map(str, pages)], check=True, capture_output=True)
    bundle(pages, tmp_path / "mine.djvu")
    assert (tmp_path / "mine.djvu").read_bytes() == (tmp_path / "ref.djvu").read_bytes()
    assert djvu_page_count(tmp_path / "mine.djvu") == 4


PHOTOTEST = Path(__file__).parent / "fixtures" / "phototest.tif"


@needs_ocr
def test_pdf_text_layer_keeps_the_images_and_a_failing_page_has_no_text(tmp_path: Path) -> None:
    """A real scanned page (Tesseract's phototest.tif) as a JPEG, as a IIIF server gives it, plus two
    generated pages; the middle page's OCR fails."""
    from pypdf import PdfReader

    scan = tmp_path / "img" / "p1.jpg"
    scan.parent.mkdir()
    Image.open(PHOTOTEST).convert("L").save(scan, quality=90, dpi=(200, 200))
    words = ["Leabharlann Nàiseanta na h-Alba", "Llyfrgell Genedlaethol Cymru"]
    others = [page_image(tmp_path / "img" / f"p{n}.jpg", n, (1400, 300)) for n in (2, 3)]
    _big_text(others, words)
    images = [scan, *others]
    real = shutil.which("tesseract")
    flaky = _script(tmp_path / "tesseract", f'case "$1" in *p2.jpg) exit 1;; esac\nexec {real} "$@"')
    out = tmp_path / "book.pdf"
    report = build_pdf(images, out, ocr_langs="eng+cym", tools=Tools(tesseract=flaky))
    assert report.ocr_failed == [2] and sorted(report.ocr_text) == [1, 3]
    assert _pdf_images(out) == [p.read_bytes() for p in images]  # the images were not re-encoded
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert "quick brown dog" in pages[0] and "lazy fox" in pages[0]
    assert pages[1].strip() == ""
    assert "Genedlaethol" in pages[2]
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert list(map(float, pdf.pages[0].mediabox)) == [0, 0, 640 * 72 / 200, 480 * 72 / 200]
    # a rerun redoes no page's OCR, even with Tesseract gone, and gives the same file
    again = build_pdf(images, out, ocr_langs="eng+cym", tools=Tools(tesseract=_script(tmp_path / "t2", "exit 1")))
    assert again.ocr_failed == [2] and again.ocr_text == report.ocr_text
    assert "quick brown dog" in PdfReader(out).pages[0].extract_text()


@needs_ocr
def test_pdf_text_layer_on_a_book_of_other_images(tmp_path: Path) -> None:
    """The img2pdf path (a bitonal TIFF scan, kept as img2pdf embeds it) gets the same text layer."""
    from pypdf import PdfReader

    images = [PHOTOTEST, page_image(tmp_path / "p2.png", 2)]
    plain, ocr = tmp_path / "plain.pdf", tmp_path / "ocr.pdf"
    build_pdf(images, plain, work=tmp_path / "w1")
    build_pdf(images, ocr, work=tmp_path / "w2", ocr_langs="eng")
    with pikepdf.open(plain) as a, pikepdf.open(ocr) as b:
        raw = [[i.read_raw_bytes() for i in p.get_images().values()] for p in a.pages]
        assert raw == [[i.read_raw_bytes() for i in p.get_images().values()] for p in b.pages]
    assert "quick brown dog" in PdfReader(ocr).pages[0].extract_text()
