"""Supplied OCR: a library's ALTO file (https://www.loc.gov/standards/alto/, versions 2 to 4) as a
page's text layer, used instead of Tesseract when the library has it.

Words are ``String`` elements (``CONTENT``, ``HPOS``, ``VPOS``, ``WIDTH``, ``HEIGHT``) grouped by
``TextLine``; a hyphen at a line end (``HYP``) is kept. Coordinates are in the file's
``MeasurementUnit`` (``pixel``, ``mm10`` or ``inch1200``) on a ``Page`` of ``WIDTH`` x ``HEIGHT``;
they are scaled to the page image's pixels by the ratio of the image to the ALTO page (or by the
image's resolution when the page has no size). Parsed with defusedxml (no entities, no DTD).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from glamwiki.books.errors import BookError
from glamwiki.books.ocr import OcrPage, Word

UNITS_PER_INCH = {"pixel": None, "mm10": 254.0, "inch1200": 1200.0}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_alto(path: Path, image_size: tuple[int, int], dpi: int = 300) -> OcrPage:
    """The words and lines of an ALTO file, in the pixels of an image of ``image_size``."""
    try:
        root = SafeET.parse(str(path)).getroot()
    except (SafeET.ParseError, OSError, ValueError) as exc:
        raise BookError(f"{path}: not a readable ALTO file ({exc})") from None
    if root is None:
        raise BookError(f"{path}: not a readable ALTO file (no root element)")
    if _local(root.tag) != "alto":
        raise BookError(f"{path}: not ALTO (the root element is {_local(root.tag)!r})")
    unit = next((el.text or "" for el in root.iter() if _local(el.tag) == "MeasurementUnit"), "pixel").strip()
    page = next((el for el in root.iter() if _local(el.tag) == "Page"), None)
    sx, sy = _scale(page, image_size, unit, dpi, path)
    out = OcrPage(*image_size)
    for line in (el for el in root.iter() if _local(el.tag) == "TextLine"):
        words = []
        for el in line:
            if _local(el.tag) == "String" and (el.get("CONTENT") or "").strip():
                words.append(Word(round(_num(el, "HPOS") * sx), round(_num(el, "VPOS") * sy),
                                  max(1, round(_num(el, "WIDTH") * sx)), max(1, round(_num(el, "HEIGHT") * sy)),
                                  el.get("CONTENT", "").strip()))  # fmt: skip
            elif _local(el.tag) == "HYP" and words:
                words[-1].text += el.get("CONTENT") or "-"
        if words:
            out.lines.append(words)
    return out


def _num(el: Element, name: str) -> float:
    try:
        return float(el.get(name) or 0)
    except ValueError:
        return 0.0


def _scale(page: Element | None, size: tuple[int, int], unit: str, dpi: int, path: Path) -> tuple[float, float]:
    width, height = (_num(page, "WIDTH"), _num(page, "HEIGHT")) if page is not None else (0.0, 0.0)
    if width > 0 and height > 0:
        return size[0] / width, size[1] / height
    if unit not in UNITS_PER_INCH:
        raise BookError(f"{path}: MeasurementUnit {unit!r} is not pixel, mm10 or inch1200")
    per_inch = UNITS_PER_INCH[unit]
    factor = 1.0 if per_inch is None else dpi / per_inch
    return factor, factor
