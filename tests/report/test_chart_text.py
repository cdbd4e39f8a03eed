"""The report's SVG charts carry their data as text (role="img" with an aria-label naming every
value), so a screen reader says what a sighted reader sees; the label is escaped like the rest."""

from __future__ import annotations

import re
from html import unescape

from glamwiki.report.svg import bar_chart, line_chart, spoken_label, stacked_bars


def _label(svg: str) -> str:
    found = re.search(r'<svg [^>]*role="img" aria-label="([^"]*)"', svg)
    assert found, svg[:200]
    return unescape(found.group(1))


def test_each_chart_says_its_values() -> None:
    bars = bar_chart([("upload", 144), ("block", 93), ("review", 63)], "Decisions")
    assert _label(str(bars.svg)) == "Decisions: upload: 144; block: 93; review: 63"
    stacked = stacked_bars([("UK", {"pd": 120, "copyright": 60}), ("US", {"pd": 130})], ["pd", "copyright"], "Status")
    assert _label(str(stacked.svg)) == "Status: UK: pd 120, copyright 60; US: pd 130, copyright 0"
    lines = line_chart({"views": [("2026-01", 1200), ("2026-02", 1500.5)]}, "Views")
    assert _label(str(lines.svg)) == "Views: views: 2026-01 1,200, 2026-02 1,500"


def test_the_label_is_escaped_and_bounded() -> None:
    svg = str(bar_chart([('"><script>alert(1)</script>', 1)], "Hostile").svg)
    assert "<script>" not in svg and _label(svg) == 'Hostile: "><script>alert(1)</script>: 1'
    long = spoken_label("Many", [f"item {i}: {i}" for i in range(500)])
    assert len(long) == 600 and long.endswith("…") and long.startswith("Many: item 0: 0; item 1: 1")
