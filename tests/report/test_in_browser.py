"""The demo report as a real browser shows it: every section and chart is there, parsed as the
HTML and SVG we meant, and the page renders to a picture that is not blank."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from glamwiki.demo import run_demo

from ..browser import dom, screenshot


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    report = run_demo(tmp_path / "demo").report
    source = report.read_text(encoding="utf-8")
    built = dom(report)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", source)
    assert headings and "What was read" in headings[0]
    for heading in headings:
        assert heading in built
    assert built.count("<svg") == source.count("<svg") > 0  # inline SVG stayed SVG, none swallowed
    assert built.count("<table") == source.count("<table")
    png = screenshot(report, tmp_path / "report.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB


def test_report_svgs_are_well_formed(tmp_path: Path) -> None:
    report = run_demo(tmp_path / "demo").report
    for svg in re.findall(r"<svg.*?</svg>", report.read_text(encoding="utf-8"), re.DOTALL):
        ET.fromstring(svg)
