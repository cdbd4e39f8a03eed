"""The screenshots docs/web.md shows: each one scripts/screenshots.py makes is there, shown by the
page, a real PNG of one of the script's fixed sizes, and small enough for the repository (< 250 KB)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 250 * 1024


def _pages() -> list[str]:
    script = (ROOT / "scripts" / "screenshots.py").read_text()
    start = script.index("\nPAGES")
    body = script[start : script.index("\n]\n", start)]
    return re.findall(r'\("([\w-]+)", "/', body)


def test_every_screenshot_is_shown_real_and_small() -> None:
    doc = (ROOT / "docs" / "web.md").read_text()
    shown = set(re.findall(r"\]\((web/[\w-]+\.png)\)", doc))
    names = _pages()
    assert len(names) >= 8
    for name in names:
        png = ROOT / "docs" / "web" / f"{name}.png"
        assert f"web/{name}.png" in shown, f"docs/web.md does not show {png.name}"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) in {(1200, 900), (390, 844)}, png
        assert len(data) < LIMIT, f"{png} is {len(data) // 1024} KB: run scripts/screenshots.py again"
    # the funder report's screenshot needs two residencies with views and events: its own script makes it
    funder = re.findall(r'"([\w-]+)\.png"', (ROOT / "scripts" / "funder_screenshot.py").read_text())
    made = {f"web/{name}.png" for name in [*names, *funder]}
    assert shown <= made, "docs/web.md shows a screenshot no script makes"
