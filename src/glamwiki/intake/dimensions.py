"""Dimensions: the catalogue's own text ("support: 1016 x 1270 mm") read as height x width
[x depth], the work's size rather than its frame's or mount's, cross-checked against any
separate height/width/depth fields.

Museum cataloguing gives sizes as height before width (before depth): Tate's dimensions text
does, while the height and width of Tate's 2014 JSON are swapped relative to it (A00001:
"support: 394 x 419 mm", JSON height 419, width 394). The text is therefore the authority when
it can be read; a disagreement is reported, never silently resolved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glamwiki.model.records import Dimensions

# "label: 394 x 419 mm", "2140 x 4577 x 45 mm", "object: 1550 x 1320 x 1130 mm, 57 kg"
_MEASURE = re.compile(
    r"(?:(?P<label>[A-Za-z][A-Za-z ()]*?)\s*:\s*)?"
    r"(?P<a>\d+(?:\.\d+)?)\s*[x×]\s*(?P<b>\d+(?:\.\d+)?)(?:\s*[x×]\s*(?P<c>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>mm|cm|m|in|inches|ft)\b",
    re.IGNORECASE,
)
# Parts of a measured object that are not the work: its frame, mount, case, base, glazing.
NOT_THE_WORK = ("frame", "mount", "case", "box", "base", "plinth", "glazing", "sheet mount")
_UNITS = {"inches": "in"}


@lru_cache(maxsize=65536)
def from_text(text: str) -> Dimensions | None:
    """Height, width (and depth) of the work from a dimensions text, or None when it has no
    measurement of the work itself (only a frame, "display dimensions variable", nothing)."""
    for m in _MEASURE.finditer(text or ""):
        label = (m["label"] or "").strip().lower()
        if any(label.startswith(word) for word in NOT_THE_WORK):
            continue
        unit = m["unit"].lower()
        depth = float(m["c"]) if m["c"] else None
        return Dimensions(
            text=text, height=float(m["a"]), width=float(m["b"]), depth=depth, unit=_UNITS.get(unit, unit)
        )
    return None


def reconcile(text: str, height: float | None, width: float | None, depth: float | None,
              unit: str | None) -> tuple[Dimensions | None, str | None]:  # fmt: skip
    """The dimensions to keep and, when the separate fields disagree with the text, why.

    The text wins when it can be read; fields given without readable text are kept as given,
    except that a frame-only text never makes the frame the work's size.
    """
    parsed = from_text(text) if text else None
    given = (height, width, depth)
    if parsed is None:
        if text and _MEASURE.search(text):  # only a frame or mount was measured
            return Dimensions(text=text, unit=unit), None
        if not text and all(v is None for v in given):
            return None, None
        return Dimensions(text=text, height=height, width=width, depth=depth, unit=unit), None
    problem = _disagreement(parsed, height, width, depth)
    return parsed, problem


def _disagreement(parsed: Dimensions, height: float | None, width: float | None, depth: float | None) -> str | None:
    if height is None and width is None:
        return None
    if height == parsed.height and width == parsed.width:
        return None
    if height == parsed.width and width == parsed.height:
        return (
            f"height and width fields ({height:g}, {width:g}) are swapped relative to the dimensions text "
            f"({parsed.height:g} x {parsed.width:g}, height first); the text is used"
        )
    shown = ", ".join(f"{v:g}" if v is not None else "-" for v in (height, width, depth))
    return f"height/width/depth fields ({shown}) disagree with the dimensions text; the text is used"
