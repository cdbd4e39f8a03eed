"""Larger renditions a source documents next to its thumbnail (the mapping's ``renditions`` field).

The shape is Tate's ``additionalImages`` (2014 export, github.com/tategallery/collection): a list of
``{"filenameBase": "A00044_127051", "sizes": [{"file": "A/A00/A00044_127051_10.jpg", "width": 950,
"height": 1536, "size": "optimal", "caption": "Verso"}, ...]}``. File paths are relative to the folder
the thumbnail's own path starts in (thumbnail ``.../art/images/work/A/A00/A00044_8.jpg``: folder
``.../art/images/work/``); a rendition whose folder is not that one (Tate's ``enhanced_images/...``)
has no documented address and is left out.

- An entry whose ``filenameBase`` is the thumbnail's own base is the main image: its largest
  rendition replaces the thumbnail, with the documented pixel size.
- Any other entry is another view of the object (verso, panel of a polyptych, additional view): it
  is added as an image of its own, at its largest rendition, captioned as the source captions it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from glamwiki.model.records import IMAGE_URL, THUMBNAIL, ImageRef

_RENDITION = re.compile(r"_[^_/]+\.\w+$")  # "A00044_8.jpg" -> base "A00044"


@dataclass(frozen=True)
class Rendition:
    base: str
    file: str
    width: int
    height: int
    caption: str | None

    @property
    def long_side(self) -> int:
        return max(self.width, self.height)


def base_of(url: str) -> str:
    """The file base of a rendition URL or path: ``.../A00044_8.jpg`` -> ``A00044``."""
    return _RENDITION.sub("", url.rsplit("/", 1)[-1])


def largest(entry: Any) -> Rendition | None:
    """The largest rendition of one documented entry; None when it documents none with a pixel size.
    Raises ValueError naming what is wrong when the entry is not in the documented shape."""
    if not isinstance(entry, dict) or not isinstance(entry.get("sizes"), list):
        raise ValueError(f"expected an object with a 'sizes' list, got {str(entry)[:120]!r}")
    best: Rendition | None = None
    for size in entry["sizes"]:
        if not isinstance(size, dict) or not isinstance(size.get("file"), str):
            raise ValueError(f"a size without a 'file' path: {str(size)[:120]!r}")
        width, height = size.get("width"), size.get("height")
        if not isinstance(width, int) or not isinstance(height, int):
            continue
        found = Rendition(str(entry.get("filenameBase") or base_of(size["file"])), size["file"], width, height,
                          size.get("caption") or None)  # fmt: skip
        if best is None or found.long_side > best.long_side:
            best = found
    return best


def _url(thumbnail: str, file: str) -> str | None:
    """``file`` resolved against the folder the thumbnail's path starts in; None when it lies elsewhere."""
    folder = file.rsplit("/", 1)[0] + "/" if "/" in file else ""
    at = thumbnail.rfind("/" + folder) if folder else thumbnail.rfind("/")
    if at < 0 or not thumbnail.startswith(("http://", "https://")):
        return None
    return thumbnail[: at + 1] + file


def apply(images: list[ImageRef], documented: Any) -> tuple[list[ImageRef], list[str]]:
    """``images`` with the thumbnail replaced by the main image's largest documented rendition and the
    other documented views added; and a message for each entry that could not be read."""
    thumbs = [i for i in images if i.label == THUMBNAIL]
    if not thumbs or not documented:
        return images, []
    thumb = thumbs[0]
    entries = documented if isinstance(documented, list) else [documented]
    main: ImageRef | None = None
    views: list[ImageRef] = []
    problems: list[str] = []
    for k, entry in enumerate(entries):
        try:
            best = largest(entry)
        except ValueError as exc:
            problems.append(f"rendition {k + 1}: {exc}")
            continue
        url = _url(thumb.location, best.file) if best else None
        if best is None or url is None:
            continue
        ref = ImageRef(IMAGE_URL, url, best.caption if best.base != base_of(thumb.location) else None,
                       width=best.width, height=best.height)  # fmt: skip
        if best.base == base_of(thumb.location):
            main = ref
        else:
            views.append(ref)
    out = [main if (i is thumb and main) else i for i in images]
    return out + views, problems
