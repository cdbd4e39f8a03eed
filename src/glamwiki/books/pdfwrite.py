"""A PDF of JPEG pages written page by page: each JPEG is copied into its page as a ``DCTDecode``
image stream, byte for byte, in blocks, so memory stays flat however long the book (ISO 32000-1:
§7.5 file structure, §8.9 images, §7.4.8 DCTDecode). The page is the image at its resolution
(72 points an inch; 300 ppi when the JPEG does not say), as img2pdf lays it out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image

from glamwiki.books.errors import BookError

BLOCK = 1024 * 1024
COLOUR = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}


def _jpeg_info(path: Path, n: int, default_dpi: int) -> tuple[int, int, str, float, float, bool]:
    try:
        with Image.open(path) as img:
            if img.format != "JPEG":
                raise BookError(f"page {n}: {path} is {img.format}, not JPEG")
            if img.mode not in COLOUR:
                raise BookError(f"page {n}: {path} is a {img.mode} JPEG (gray, RGB or CMYK are embedded as they are)")
            dpi = img.info.get("dpi") or (default_dpi, default_dpi)
            adobe = img.mode == "CMYK" and "adobe" in img.info
            x, y = (float(d) if 10 <= float(d) <= 10000 else default_dpi for d in dpi[:2])
            return img.width, img.height, COLOUR[img.mode], x, y, adobe
    except OSError as exc:
        raise BookError(f"page {n}: {path} is not a readable image ({exc})") from None


def all_jpeg(images: Sequence[Path]) -> bool:
    for path in images:
        with path.open("rb") as fh:
            if fh.read(3) != b"\xff\xd8\xff":
                return False
    return True


def write_pdf(images: Sequence[Path], out: Path, default_dpi: int = 300,
              progress: Callable[[int], None] | None = None) -> None:  # fmt: skip
    """``images`` (JPEG files) as the pages of one PDF at ``out`` (written to ``out.part`` first)."""
    n = len(images)
    kids = " ".join(f"{5 + 3 * k} 0 R" for k in range(n))
    offsets: list[int] = []
    partial = out.with_name(out.name + ".part")
    with partial.open("wb") as fh:

        def obj(number: int, body: bytes) -> None:
            offsets.append(fh.tell())
            fh.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")

        fh.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
        for k, path in enumerate(images):
            width, height, colour, xdpi, ydpi, adobe = _jpeg_info(path, k + 1, default_dpi)
            size = path.stat().st_size
            decode = " /Decode [1 0 1 0 1 0 1 0]" if adobe else ""
            offsets.append(fh.tell())
            fh.write(f"{3 + 3 * k} 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
                     f"/ColorSpace {colour} /BitsPerComponent 8 /Filter /DCTDecode{decode} /Length {size} >>\n"
                     "stream\n".encode())  # fmt: skip
            with path.open("rb") as src:
                while block := src.read(BLOCK):
                    fh.write(block)
            fh.write(b"\nendstream\nendobj\n")
            w_pt, h_pt = width * 72 / xdpi, height * 72 / ydpi
            content = f"q\n{w_pt:.4f} 0 0 {h_pt:.4f} 0 0 cm\n/Im0 Do\nQ".encode()
            obj(4 + 3 * k, f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
            box = f"/MediaBox [0 0 {w_pt:.4f} {h_pt:.4f}]"
            uses = f"/Resources << /XObject << /Im0 {3 + 3 * k} 0 R >> >> /Contents {4 + 3 * k} 0 R"
            obj(5 + 3 * k, f"<< /Type /Page /Parent 2 0 R {box} {uses} >>".encode())
            if progress:
                progress(1)
        xref = fh.tell()
        fh.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        fh.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
        fh.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    os.replace(partial, out)
