"""One multi-page file from local page images: a bundled DjVu (djvulibre's ``c44``/``cjb2`` per page,
bundled page by page as ``djvm -c`` would, ``djvused`` to check) or a PDF (JPEGs embedded as they
are, never re-encoded: page by page for JPEG books, else ``img2pdf``).

Pages are made one at a time in a work folder beside the output, each written to a temporary name
and renamed when complete, so a build stopped at any point goes on from the first missing page and
never redoes a finished one; memory holds one page at a time. Images are never scaled: a DjVu page
has the source's pixels at the source's resolution (300 ppi when the image does not say).
Bitonal images (mode "1") are encoded losslessly with ``cjb2``, others with ``c44``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from glamwiki.books.alto import read_alto
from glamwiki.books.bundle import bundle
from glamwiki.books.errors import BookError, ToolMissing
from glamwiki.books.ocr import OcrPage, djvu_text, ocr_page
from glamwiki.books.pdftext import add_text_layer
from glamwiki.books.pdfwrite import all_jpeg, write_pdf

DEFAULT_DPI = 300
PDF_PART = 50  # pages per intermediate PDF (the parts are joined page by page at the end)


@dataclass
class Tools:
    c44: str = "c44"
    cjb2: str = "cjb2"
    djvm: str = "djvm"  # not used to bundle (it holds the whole book in memory): kept for comparisons
    bzz: str = "bzz"
    djvused: str = "djvused"
    tesseract: str = "tesseract"
    env: Mapping[str, str] | None = None  # the environment Tesseract runs in (the CLI passes its own)


@dataclass
class BuildReport:
    output: Path
    pages: int
    made: int = 0  # pages made by this run (the others were finished by an earlier one)
    ocr_failed: list[int] = field(default_factory=list)
    ocr_text: dict[int, str] = field(default_factory=dict)
    seconds: float = 0.0


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise ToolMissing(f"{tool} is not installed: apt-get install djvulibre-bin tesseract-ocr (see .ci/run)")
    return found


def _run(args: list[str], what: str) -> None:
    proc = subprocess.run(args, capture_output=True, check=False)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BookError(f"{what}: {Path(args[0]).name} failed ({err[-1] if err else f'exit {proc.returncode}'})")


def _work(out: Path, images: Sequence[Path], kind: str, work: Path | None) -> Path:
    """The work folder, tied to its inputs: a folder made from other images is refused."""
    folder = work or out.with_name(out.name + ".parts")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "inputs.json"
    listed = {"kind": kind, "images": [str(p) for p in images]}
    if stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) != listed:
        raise BookError(f"{folder} holds pages of another build; remove it or choose another --work folder")
    stamp.write_text(json.dumps(listed), encoding="utf-8")
    return folder


def _check_images(images: Sequence[Path]) -> None:
    if not images:
        raise BookError("no page images were given")
    for n, path in enumerate(images, start=1):
        if not path.is_file():
            raise BookError(f"page {n}: image {path} is missing")


def _dpi(img: Image.Image) -> int:
    dpi = img.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 72 <= value <= 6000 else DEFAULT_DPI


def build_djvu(images: Sequence[Path], out: Path, *, ocr_langs: str | None = None, work: Path | None = None,
               tools: Tools | None = None, progress: Callable[[int], None] | None = None,
               alto: Sequence[Path | None] | None = None) -> BuildReport:  # fmt: skip
    """A bundled DjVu of ``images`` in order, with a text layer from the library's ALTO files when given
    (``alto[i]`` for page i+1, None for none), else from Tesseract when ``ocr_langs`` (e.g. "eng+cym")."""
    tools = tools or Tools()
    for tool in (tools.c44, tools.cjb2, tools.bzz, tools.djvused):
        _need(tool)
    _check_images(images)
    started = time.monotonic()
    if alto is not None and len(alto) != len(images):
        raise BookError(f"{len(alto)} ALTO files for {len(images)} pages; give one per page (None for none)")
    folder = _work(out, images, f"djvu:{ocr_langs or ''}:{'alto' if alto else ''}", work)
    report = BuildReport(out, len(images))
    pages = []
    for n, image in enumerate(images, start=1):
        page = folder / f"page-{n:05d}.djvu"
        if not page.is_file():
            _djvu_page(image, page, n, ocr_langs, tools, report, alto[n - 1] if alto else None)
            report.made += 1
        pages.append(page)
        if progress:
            progress(1)
    bundle(pages, out, bzz=tools.bzz)
    found = djvu_page_count(out, tools.djvused)
    if found != len(images):
        raise BookError(f"{out}: djvused counts {found} pages, expected {len(images)}")
    report.seconds = time.monotonic() - started
    return report


def _djvu_page(image: Path, page: Path, n: int, ocr_langs: str | None, tools: Tools, report: BuildReport,
               alto: Path | None = None) -> None:  # fmt: skip
    tmp = page.with_suffix(".tmp.djvu")
    size, dpi = (0, 0), DEFAULT_DPI
    try:
        with Image.open(image) as img:
            dpi, size = _dpi(img), img.size
            if img.mode == "1":
                src = page.with_suffix(".pbm")
                img.save(src)
                _run([tools.cjb2, "-dpi", str(dpi), "-lossless", str(src), str(tmp)], f"page {n} ({image})")
            elif img.format == "JPEG" and img.mode in ("RGB", "L"):
                src = image
                _run([tools.c44, "-dpi", str(dpi), str(src), str(tmp)], f"page {n} ({image})")
            else:
                src = page.with_suffix(".pnm")
                img.convert("L" if img.mode in ("L", "LA", "I;16") else "RGB").save(src, format="PPM")
                _run([tools.c44, "-dpi", str(dpi), str(src), str(tmp)], f"page {n} ({image})")
    except OSError as exc:
        raise BookError(f"page {n}: {image} is not a readable image ({exc})") from None
    finally:
        for scratch in (page.with_suffix(".pbm"), page.with_suffix(".pnm")):
            scratch.unlink(missing_ok=True)
    if alto or ocr_langs:
        _add_text(image, tmp, n, ocr_langs or "", tools, report, (alto, size, dpi))
    os.replace(tmp, page)


def _add_text(image: Path, page: Path, n: int, langs: str, tools: Tools, report: BuildReport,
              supplied: tuple[Path | None, tuple[int, int], int]) -> None:  # fmt: skip
    alto, size, dpi = supplied
    if alto is not None:
        try:
            found: OcrPage | None = read_alto(alto, size, dpi)
        except BookError:
            found = None  # a broken ALTO file: the page keeps its image, without text
    else:
        found = ocr_page(image, langs, tools.tesseract, tools.env)
    if found is None or not found.lines:
        report.ocr_failed.append(n)
        return
    sexp = page.with_suffix(".txt")
    sexp.write_text(djvu_text(found), encoding="utf-8")
    try:
        _run([tools.djvused, str(page), "-e", f"select 1; set-txt {sexp}", "-s"], f"text layer of page {n}")
        report.ocr_text[n] = found.text
    except BookError:
        report.ocr_failed.append(n)  # the page keeps its image, without text
    finally:
        sexp.unlink(missing_ok=True)


def djvu_page_count(path: Path, djvused: str = "djvused") -> int:
    proc = subprocess.run([djvused, "-e", "n", str(path)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BookError(f"{path}: djvused cannot read it ({proc.stderr.strip()})")
    return int(proc.stdout.strip())


def djvu_text_of(path: Path, page: int, djvused: str = "djvused") -> str:
    """The plain text of one page's hidden-text layer ("" when it has none)."""
    proc = subprocess.run([djvused, "-e", f"select {page}; print-pure-txt", str(path)], capture_output=True,
                          check=False)  # fmt: skip
    return proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""


def build_pdf(images: Sequence[Path], out: Path, *, work: Path | None = None, part_size: int = PDF_PART,
              progress: Callable[[int], None] | None = None, ocr_langs: str | None = None,
              tools: Tools | None = None) -> BuildReport:  # fmt: skip
    """A PDF of ``images`` in order, every image embedded byte for byte. All-JPEG books (what IIIF
    servers give) are written page by page in one pass (``pdfwrite``: flat memory); others go through
    img2pdf in parts of ``part_size`` pages, joined with pikepdf (memory grows with the book).
    With ``ocr_langs`` (e.g. "eng+cym") each page gets Tesseract's invisible text laid over it
    (``pdftext``), the images left as they are; a page whose OCR fails is left without text."""
    _check_images(images)
    started = time.monotonic()
    ocr_work = None
    if ocr_langs:
        _need((tools or Tools()).tesseract)
        ocr_work = _work(
            out, images, f"pdf-ocr:{ocr_langs}", work / "ocr" if work else out.with_name(out.name + ".ocr")
        )
    if all_jpeg(images):
        write_pdf(images, out, progress=None if ocr_langs else progress)
        report = BuildReport(out, len(images), made=len(images))
    else:
        report = _pdf_in_parts(images, out, work, part_size, None if ocr_langs else progress)
    if ocr_langs and ocr_work:
        chosen = tools or Tools()
        texts, failed = add_text_layer(out, images, ocr_langs, ocr_work, chosen.tesseract, progress, chosen.env)
        report.ocr_text, report.ocr_failed = texts, failed
    report.seconds = time.monotonic() - started
    return report


def _pdf_in_parts(images: Sequence[Path], out: Path, work: Path | None, part_size: int,
                  progress: Callable[[int], None] | None) -> BuildReport:  # fmt: skip
    import img2pdf
    import pikepdf

    folder = _work(out, images, f"pdf:{part_size}", work)
    report = BuildReport(out, len(images))
    parts = []
    for first in range(0, len(images), part_size):
        chunk = images[first : first + part_size]
        part = folder / f"part-{first // part_size + 1:05d}.pdf"
        if not part.is_file():
            tmp = part.with_suffix(".tmp")
            try:
                with tmp.open("wb") as fh:
                    img2pdf.convert([str(p) for p in chunk], outputstream=fh, rotation=img2pdf.Rotation.ifvalid)
            except (img2pdf.ImageOpenError, img2pdf.PdfTooLargeError, OSError, ValueError) as exc:
                raise BookError(f"pages {first + 1}-{first + len(chunk)}: img2pdf cannot embed them ({exc})") from None
            os.replace(tmp, part)
            report.made += len(chunk)
        parts.append(part)
        if progress:
            progress(len(chunk))
    partial = out.with_name(out.name + ".part")
    with pikepdf.new() as pdf:
        opened = [pikepdf.open(p, access_mode=pikepdf.AccessMode.stream) for p in parts]
        try:
            for src in opened:
                pdf.pages.extend(src.pages)
            pdf.save(partial)
        finally:
            for src in opened:
                src.close()
    os.replace(partial, out)
    return report
