"""Books: a 300-page book from local page images to one DjVu (with and without an OCR text layer)
and to one PDF; time per page and peak memory, each in a fresh process.

Pages are generated A5 scans at 300 ppi (1748 x 2480 JPEG, 40 lines of printed text each, so
Tesseract has real work). Baselines, in the same run on the same images: for DjVu, a bare loop of
``c44`` over the images then one ``djvm -c`` (the tools' own cost, no restartable work folder), and
the bundling alone (``djvm -c``, which holds the book in memory, against glamwiki's page-by-page
bundler); for
PDF, one ``img2pdf.convert`` of every image at once (memory grows with the book, which is what the
per-part build avoids). Peak memory is the larger of the Python process and its largest child.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.harness import measure, report, save

PAGES = int(os.environ.get("GLAMWIKI_BENCH_BOOK_PAGES", "300"))
OCR_PAGES = int(os.environ.get("GLAMWIKI_BENCH_BOOK_OCR_PAGES", str(PAGES)))
SIZE = (1748, 2480)  # A5 at 300 ppi
SELF = "benchmarks.bench_books"
TEXT = "the garden of the library was open to all readers who came early in the morning and stayed until evening"
WORDS = TEXT.split(" ")


def make_pages(folder: str, n: int) -> int:
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSerif.ttf", 34)
    except OSError:
        font = ImageFont.load_default(size=34)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(1, n + 1):
        img = Image.new("L", SIZE, 245)
        draw = ImageDraw.Draw(img)
        for line in range(40):
            words = [WORDS[(k * 7 + line * 3 + w) % len(WORDS)] for w in range(9)]
            draw.text((150, 160 + line * 54), " ".join(words), font=font, fill=20)
        draw.text((SIZE[0] // 2, SIZE[1] - 120), str(k), font=font, fill=20)
        img.save(out / f"page-{k:04d}.jpg", quality=85, dpi=(300, 300))
    return n


def _images(folder: str, n: int) -> list[Path]:
    return sorted(Path(folder).glob("*.jpg"))[:n]


def glamwiki_djvu(folder: str, out: str, n: int, ocr: str) -> dict:
    from glamwiki.books.build import build_djvu

    report_ = build_djvu(_images(folder, n), Path(out), ocr_langs=ocr or None)
    return {"items": report_.pages, "extra": {"ocr_failed": len(report_.ocr_failed), "bytes": Path(out).stat().st_size}}


def bare_djvu(folder: str, out: str, n: int) -> dict:
    work = Path(out + ".bare")
    work.mkdir(exist_ok=True)
    pages = []
    for path in _images(folder, n):
        page = work / (path.stem + ".djvu")
        subprocess.run(["c44", "-dpi", "300", str(path), str(page)], check=True, capture_output=True)
        pages.append(str(page))
    subprocess.run(["djvm", "-c", out, *pages], check=True, capture_output=True)
    return {"items": len(pages), "extra": {"bytes": Path(out).stat().st_size}}


def bare_djvm(folder: str, out: str) -> dict:
    pages = sorted(str(p) for p in Path(folder).glob("*.djvu"))
    subprocess.run(["djvm", "-c", out, *pages], check=True, capture_output=True)
    return {"items": len(pages), "extra": {"bytes": Path(out).stat().st_size}}


def glamwiki_bundle(folder: str, out: str) -> dict:
    from glamwiki.books.bundle import bundle

    pages = sorted(Path(folder).glob("*.djvu"))
    bundle(pages, Path(out))
    return {"items": len(pages), "extra": {"bytes": Path(out).stat().st_size}}


def glamwiki_pdf(folder: str, out: str, n: int) -> dict:
    from glamwiki.books.build import build_pdf

    report_ = build_pdf(_images(folder, n), Path(out))
    return {"items": report_.pages, "extra": {"bytes": Path(out).stat().st_size}}


def bare_pdf(folder: str, out: str, n: int) -> dict:
    import img2pdf

    Path(out).write_bytes(img2pdf.convert([str(p) for p in _images(folder, n)]))
    return {"items": n, "extra": {"bytes": Path(out).stat().st_size}}


def _per_page(rows: list) -> str:
    lines = ["| measurement | ms per page | peak MB |", "|---|---|---|"]
    lines += [f"| {m.name} | {1000 * m.seconds / max(m.items, 1):.0f} | {m.peak_mb:.0f} |" for m in rows]
    return "\n".join(lines) + "\n"


def run() -> str:
    if not shutil.which("c44"):
        return "skipped: needs djvulibre-bin (and tesseract-ocr for the OCR run); see .ci/run"
    work = Path(tempfile.mkdtemp(prefix="glamwiki-bench-books-"))
    try:
        folder = str(work / "pages")
        measure("generate pages", f"{SELF}:make_pages", folder, PAGES)
        bare = measure(f"bare c44 + djvm, {PAGES} pages", f"{SELF}:bare_djvu", folder, str(work / "bare.djvu"), PAGES)
        plain = measure(f"glamwiki DjVu, {PAGES} pages", f"{SELF}:glamwiki_djvu", folder, str(work / "a.djvu"), PAGES,
                        "")  # fmt: skip
        rows = [plain]
        if shutil.which("tesseract"):
            rows.append(measure(f"glamwiki DjVu + OCR (eng), {OCR_PAGES} pages", f"{SELF}:glamwiki_djvu", folder,
                                str(work / "o.djvu"), OCR_PAGES, "eng"))  # fmt: skip
        parts = str(work / "a.djvu.parts")  # the pages glamwiki made: bundled again, by djvm and by glamwiki
        b_djvm = measure(f"djvm -c, {PAGES} pages", f"{SELF}:bare_djvm", parts, str(work / "m.djvu"))
        b_ours = measure(f"glamwiki bundle, {PAGES} pages", f"{SELF}:glamwiki_bundle", parts, str(work / "g.djvu"))
        bare_p = measure(f"bare img2pdf.convert, {PAGES} pages", f"{SELF}:bare_pdf", folder, str(work / "b.pdf"), PAGES)
        ours_p = measure(f"glamwiki PDF, {PAGES} pages", f"{SELF}:glamwiki_pdf", folder, str(work / "a.pdf"), PAGES)
        text = (report("DjVu", rows, bare) + "\n" + report("Bundling the pages", [b_ours], b_djvm) + "\n"
                + report("PDF", [ours_p], bare_p) + "\n" + _per_page([bare, *rows, bare_p, ours_p]))  # fmt: skip
        save("books", [bare, *rows, b_djvm, b_ours, bare_p, ours_p], text)
        return text
    finally:
        shutil.rmtree(work, ignore_errors=True)
