"""A bundled multi-page DjVu written page by page, so memory stays flat however long the book.

``djvm -c`` holds the whole document in memory while it writes (its peak grows with the book: 130 MB
for a 300-page, 122 MB file in the benchmark). This writes the same structure (DjVu v3 specification,
"Multipage DjVu documents"): ``AT&T`` ``FORM:DJVM`` holding a ``DIRM`` directory — a byte with the
bundled flag and version (0x81), the number of files, each component's offset, then, compressed with
djvulibre's ``bzz``, each component's size (3 bytes), flags (1: a page) and id — followed by each
page's ``FORM:DJVU`` copied from its file in blocks, padded to an even length (but the last, as
``djvm`` writes it).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from glamwiki.books.errors import BookError

BLOCK = 1024 * 1024
PAGE_FLAG = 0x01
BUNDLED_V1 = 0x81
MAX_COMPONENT = 2**24 - 1  # sizes are 3-byte integers in the directory


def _pad(n: int) -> int:
    return n & 1


def _component_size(path: Path) -> int:
    with path.open("rb") as fh:
        head = fh.read(16)
    size = path.stat().st_size
    if head[:8] != b"AT&TFORM" or head[12:16] != b"DJVU" or int.from_bytes(head[8:12], "big") + 12 != size:
        raise BookError(f"{path}: not a single-page DjVu file")
    if size - 4 > MAX_COMPONENT:
        raise BookError(f"{path}: a page of {size} bytes is larger than a bundled DjVu can index")
    return size - 4  # the FORM chunk, without the AT&T magic


def _bzz(data: bytes, bzz: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in", Path(tmp) / "out"
        src.write_bytes(data)
        proc = subprocess.run([bzz, "-e", str(src), str(dst)], capture_output=True, check=False)
        if proc.returncode != 0:
            raise BookError(f"bzz failed ({proc.stderr.decode('utf-8', 'replace').strip()})")
        return dst.read_bytes()


def bundle(pages: Sequence[Path], out: Path, ids: Sequence[str] | None = None, bzz: str = "bzz") -> None:
    """Write ``pages`` (single-page DjVu files) as one bundled DjVu at ``out`` (via ``out.part``)."""
    if not pages:
        raise BookError("no pages to bundle")
    names = list(ids or (p.name for p in pages))
    sizes = [_component_size(p) for p in pages]
    table = b"".join(s.to_bytes(3, "big") for s in sizes) + bytes([PAGE_FLAG]) * len(pages)
    table += b"".join(name.encode("utf-8") + b"\0" for name in names)
    packed = _bzz(table, bzz)
    dirm_len = 1 + 2 + 4 * len(pages) + len(packed)
    offset = 16 + 8 + dirm_len + _pad(dirm_len)
    offsets = []
    for k, size in enumerate(sizes):
        offsets.append(offset)
        offset += size + (_pad(size) if k < len(sizes) - 1 else 0)  # no padding after the last component
    dirm = bytes([BUNDLED_V1]) + len(pages).to_bytes(2, "big") + b"".join(o.to_bytes(4, "big") for o in offsets)
    partial = out.with_name(out.name + ".part")
    with partial.open("wb") as fh:
        fh.write(b"AT&TFORM" + (offset - 12).to_bytes(4, "big") + b"DJVM")
        fh.write(b"DIRM" + dirm_len.to_bytes(4, "big") + dirm + packed + b"\0" * _pad(dirm_len))
        for k, (path, size) in enumerate(zip(pages, sizes, strict=True)):
            with path.open("rb") as src:
                src.seek(4)
                while block := src.read(BLOCK):
                    fh.write(block)
            if k < len(sizes) - 1:
                fh.write(b"\0" * _pad(size))
    os.replace(partial, out)
