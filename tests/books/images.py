"""Page images made locally with Pillow (tests use no network): a page of text-like lines."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw


def page_image(path: Path, n: int, size: tuple[int, int] = (400, 600), text: str | None = None) -> Path:
    """A JPEG (or PNG, by suffix) page with a number and a few lines, unique bytes per ``n``."""
    img = Image.new("RGB", size, (250, 248, 240))
    draw = ImageDraw.Draw(img)
    draw.text((20, 20), text or f"Page {n}", fill=(0, 0, 0))
    for k in range(8):
        y = 60 + k * 30 + (n % 7)
        draw.line((20, y, size[0] - 20 - (n * 13 + k * 7) % 120, y), fill=(40, 40, 40), width=3)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, quality=85) if path.suffix.lower() in (".jpg", ".jpeg") else img.save(path)
    return path


def page_images(folder: Path, count: int, suffix: str = ".jpg") -> list[Path]:
    return [page_image(folder / f"page-{n:04d}{suffix}", n) for n in range(1, count + 1)]
