"""Report building blocks: charts and tables escape what they are given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from glamwiki.render.blocks import render_blocks
from glamwiki.report.page import Section, render, table
from glamwiki.report.svg import bar_chart, line_chart, stacked_bars

HOSTILE = '<script>alert("x")</script> & </svg>'


def test_bar_chart_is_valid_svg_and_escapes_labels() -> None:
    svg = bar_chart([(HOSTILE, 3), ("b", 10)], "Title <b>").svg
    assert svg is not None
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    widths = [float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[1] > widths[0] > 0  # the bigger value has the longer bar


def test_stacked_and_line_charts() -> None:
    svg = stacked_bars([("1900s", {"female": 1, "male": 3})], ["female", "male"], "Shares").svg
    assert svg is not None
    ET.fromstring(svg)
    assert "25%" in svg and "75%" in svg
    line = line_chart({"views": [("2025-01", 10), ("2025-03", 30)]}, "Views").svg
    assert line is not None
    ET.fromstring(line)
    assert line.count("<circle") == 2


def test_empty_data_says_so() -> None:
    chart = bar_chart([], "Nothing <b>")
    assert chart.svg is None
    assert render_blocks([chart]) == '<p class="empty">Nothing &lt;b&gt;: no data.</p>\n'


def test_page_escapes_titles_and_tables() -> None:
    html = render(HOSTILE, "sub", [Section("s", HOSTILE, [table(["a"], [[HOSTILE]])])])
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 3
