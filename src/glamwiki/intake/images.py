"""Image locations on a record: files (kept inside the collection folder), URLs, IIIF services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from glamwiki.intake import renditions
from glamwiki.intake.base import WARNING, Issue, ReadContext
from glamwiki.model.records import IMAGE_FILE, IMAGE_IIIF, IMAGE_URL, THUMBNAIL, ImageKind, ImageRef


def classify(location: str) -> ImageKind:
    lower = location.lower()
    if lower.startswith(("http://", "https://")):
        return IMAGE_IIIF if "/iiif/" in lower and not lower.rsplit("/", 1)[-1].count(".") else IMAGE_URL
    return IMAGE_FILE


def image_refs(plan: Any, ctx: ReadContext, row: Any, locator: str) -> tuple[list[ImageRef], list[Issue]]:
    """Image locations from the mapped image fields; local files are checked, refused ones reported."""
    refs: list[ImageRef] = []
    issues: list[Issue] = []
    fields = (("image", None), ("image_url", IMAGE_URL), ("image_file", IMAGE_FILE), ("iiif", IMAGE_IIIF),
              ("thumbnail", IMAGE_URL))  # fmt: skip
    for fld, forced in fields:
        if fld not in plan.texts:
            continue
        for loc in plan.texts[fld](row):
            kind = forced or classify(loc)
            if kind == IMAGE_FILE:
                checked = check_local(loc, ctx.images_root)
                if isinstance(checked, str):
                    issues.append(ctx.issue(locator, plan.provenance.get(fld, fld), checked, WARNING, loc))
                    continue
                loc = str(checked)
            elif not loc.lower().startswith(("http://", "https://")):
                why = f"image URL {loc[:200]!r} is not an http(s) URL; refused"
                issues.append(ctx.issue(locator, plan.provenance.get(fld, fld), why, WARNING, loc))
                continue
            refs.append(ImageRef(kind=kind, location=loc, label=THUMBNAIL if fld == "thumbnail" else None))
    if "renditions" in plan.raw:
        refs, problems = renditions.apply(refs, plan.raw["renditions"](row))
        where = plan.provenance.get("renditions", "renditions")
        issues.extend(ctx.issue(locator, where, f"{p}; left out", WARNING, "") for p in problems)
    return refs, issues


def check_local(location: str, root: Path | None) -> Path | str:
    """The resolved path of a local image, or a message saying why it was refused."""
    if root is None:
        return "a local image path was given but there is no collection folder to resolve it in"
    try:
        root = root.resolve()
        path = (root / location).resolve()
        exists = path.is_file()
    except (ValueError, OSError) as exc:  # an embedded NUL byte, a name too long, a loop of links
        return f"image path {location!r} is not a usable file path ({exc}); refused"
    if path != root and root not in path.parents:
        return (
            f"image path {location!r} points outside the collection folder {root}; refused. "
            "Move the image into the folder or pass --images-root."
        )
    if not exists:
        return f"image file {location!r} was not found under {root}"
    return path
