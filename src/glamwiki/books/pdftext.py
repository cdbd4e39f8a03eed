"""An optional OCR text layer for a built PDF, without touching its images.

Each page image goes through Tesseract's own PDF renderer in text-only mode (``-c textonly_pdf=1``:
a page of invisible text in Tesseract's GlyphLessFont, no image; tesseract(1), "pdf" config) plus
its plain text (``txt`` config) in one run. The text page is then laid over the built page with
pikepdf (``Page.add_overlay``: a Form XObject scaled to the page), and the file is saved with every
existing stream left as it is (``stream_decode_level=none``), so the images stay byte for byte what
was embedded. A page whose OCR fails, or finds no text, is left without text; it never fails the book.

Per-page results are kept in a work folder (``ocr-NNNNN.pdf`` + ``.txt``, or ``ocr-NNNNN.failed``),
each renamed into place when complete: a build stopped at any point goes on without redoing a page.
"""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PIL import Image

from glamwiki.books.errors import BookError
from glamwiki.books.ocr import OCR_TIMEOUT, tesseract_env

DEFAULT_DPI = 300


def page_text(
    image: Path, n: int, folder: Path, langs: str, tesseract: str, env: Mapping[str, str] | None = None
) -> tuple[Path, str] | None:
    """The text-only PDF page and the plain text of page ``n`` (made now or by an earlier run), or None
    when Tesseract failed or found no text on it."""
    base = folder / f"ocr-{n:05d}"
    pdf, txt, failed = base.with_suffix(".pdf"), base.with_suffix(".txt"), base.with_suffix(".failed")
    if failed.is_file():
        return None
    if not pdf.is_file() and not _run_tesseract(image, base, langs, tesseract, env):
        failed.touch()
        return None
    return pdf, txt.read_text(encoding="utf-8").strip() if txt.is_file() else ""


def _run_tesseract(image: Path, base: Path, langs: str, tesseract: str, env: Mapping[str, str] | None) -> bool:
    tmp = base.with_name(base.name + ".tmp")
    args = [tesseract, str(image), str(tmp), "-l", langs, "--dpi", str(_dpi(image)), "-c", "textonly_pdf=1",
            "pdf", "txt"]  # fmt: skip
    try:
        proc = subprocess.run(args, capture_output=True, timeout=OCR_TIMEOUT, check=False, env=tesseract_env(env))
    except (OSError, subprocess.TimeoutExpired):
        proc = None
    made_pdf, made_txt = tmp.with_suffix(".tmp.pdf"), tmp.with_suffix(".tmp.txt")
    text = made_txt.read_text(encoding="utf-8", errors="replace").strip() if made_txt.is_file() else ""
    ok = proc is not None and proc.returncode == 0 and made_pdf.is_file() and bool(text)
    if ok:
        os.replace(made_txt, base.with_suffix(".txt"))
        os.replace(made_pdf, base.with_suffix(".pdf"))  # the page's marker of completion: renamed last
    for scratch in (made_pdf, made_txt):
        scratch.unlink(missing_ok=True)
    return ok


def _dpi(image: Path) -> int:
    """The resolution Tesseract should assume (the image's own, 300 ppi when it says none)."""
    try:
        with Image.open(image) as img:
            dpi = img.info.get("dpi")
    except OSError:
        return DEFAULT_DPI
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 72 <= value <= 6000 else DEFAULT_DPI


def add_text_layer(pdf_path: Path, images: Sequence[Path], langs: str, folder: Path, tesseract: str = "tesseract",
                   progress: Callable[[int], None] | None = None,
                   env: Mapping[str, str] | None = None) -> tuple[dict[int, str], list[int]]:  # fmt: skip
    """Lay each page's OCR text over ``pdf_path`` (page i is ``images[i-1]``). Returns the text per page
    number and the pages left without text."""
    import pikepdf

    texts: dict[int, str] = {}
    failed: list[int] = []
    partial = pdf_path.with_name(pdf_path.name + ".ocr-part")
    with pikepdf.open(pdf_path) as pdf:
        if len(pdf.pages) != len(images):
            raise BookError(f"{pdf_path}: {len(pdf.pages)} pages for {len(images)} images; rebuild it")
        opened = []
        try:
            for n, (page, image) in enumerate(zip(pdf.pages, images, strict=True), start=1):
                found = page_text(image, n, folder, langs, tesseract, env)
                if found is None:
                    failed.append(n)
                else:
                    layer = pikepdf.open(io.BytesIO(found[0].read_bytes()))  # read at save time; no file held open
                    opened.append(layer)
                    page.add_overlay(layer.pages[0], pikepdf.Rectangle(*map(float, page.mediabox)))
                    texts[n] = found[1]
                if progress:
                    progress(1)
            pdf.save(partial, stream_decode_level=pikepdf.StreamDecodeLevel.none)
        finally:
            for layer in opened:
                layer.close()
    os.replace(partial, pdf_path)
    return texts, failed
