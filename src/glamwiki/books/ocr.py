"""Optional OCR of one page with Tesseract (Debian's tesseract-ocr with the eng, cym and gla models),
into a DjVu hidden-text layer and plain text. A page whose OCR fails gets no text; it never fails
the book. The layer is djvused's s-expression (djvused(1), "set-txt"): a ``page`` holding ``line``s
of ``word``s, each with its box in DjVu coordinates (origin at the bottom left).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

OCR_TIMEOUT = 600  # seconds for one page
# One thread per Tesseract: its OpenMP threads slow it down on a busy machine (tesseract-ocr's FAQ).
ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}


def tesseract_env(env: Mapping[str, str] | None) -> dict[str, str]:
    """Tesseract's environment: the caller's (e.g. its TESSDATA_PREFIX; only PATH by default), one thread."""
    return {"PATH": os.defpath, **(env or {}), **ONE_THREAD}


@dataclass
class Word:
    left: int
    top: int
    width: int
    height: int
    text: str


@dataclass
class OcrPage:
    width: int
    height: int
    lines: list[list[Word]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(" ".join(w.text for w in line) for line in self.lines)


def ocr_page(
    image: Path, langs: str, tesseract: str = "tesseract", env: Mapping[str, str] | None = None
) -> OcrPage | None:
    """Tesseract's words and lines for ``image`` (TSV output), or None when it fails or finds nothing.
    Tesseract runs in ``env`` (the caller's environment, e.g. its TESSDATA_PREFIX; none by default)."""
    child = tesseract_env(env)
    try:
        proc = subprocess.run([tesseract, str(image), "stdout", "-l", langs, "tsv"], capture_output=True,
                              timeout=OCR_TIMEOUT, check=False, env=child)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrPage | None:
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    page = next((r for r in rows if r.get("level") == "1"), None)
    if page is None:
        return None
    out = OcrPage(int(page["width"]), int(page["height"]))
    current: tuple[str, str, str] | None = None
    for r in rows:
        if r.get("level") != "5" or not (r.get("text") or "").strip():
            continue
        key = (r["block_num"], r["par_num"], r["line_num"])
        if key != current:
            out.lines.append([])
            current = key
        out.lines[-1].append(Word(int(r["left"]), int(r["top"]), int(r["width"]), int(r["height"]), r["text"].strip()))
    return out if out.lines else None


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _box(words: list[Word], height: int) -> str:
    x0 = min(w.left for w in words)
    x1 = max(w.left + w.width for w in words)
    top = min(w.top for w in words)
    bottom = max(w.top + w.height for w in words)
    return f"{x0} {height - bottom} {x1} {height - top}"


def djvu_text(page: OcrPage) -> str:
    """The hidden-text s-expression of one page for ``djvused -e 'select 1; set-txt FILE'``."""
    lines = []
    for line in page.lines:
        words = " ".join(f"(word {_box([w], page.height)} {_quote(w.text)})" for w in line)
        lines.append(f" (line {_box(line, page.height)} {words})")
    return f"(page 0 0 {page.width} {page.height}\n" + "\n".join(lines) + ")\n"
