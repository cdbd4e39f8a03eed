"""`glamwiki reach report`: the figures, CSV/JSON, the HTML page (parsed, and rendered in headless Chromium)."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli

from ..browser import dom as browser_dom

EN = sum(300000 + 1000 * m for m in range(1, 13))
DE = sum(40000 + 10 * m for m in range(1, 13) if m != 4)


def make_report(runner: CliRunner, folder: Path) -> dict:
    args = ["reach", "report", "--from", "2025-01", "--to", "2025-12", "--output", str(folder), "--json"]
    result = runner.invoke(glamwiki_cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.svgs += tag == "svg"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_figures_and_files(collected, cli: CliRunner, tmp_path: Path) -> None:
    data = make_report(cli, tmp_path / "r1")
    assert data["total_views"] == EN + DE
    assert (data["articles_in_use"], data["wikis"], data["files_in_use"], data["files_unused"]) == (4, 3, 2, 1)
    assert data["unused_files"] == ["The_Night_Watch.jpg"]
    assert data["top_files"][0] == ["Mona_Lisa.jpg", 3, EN + DE]
    assert data["top_articles"][0] == ["en.wikipedia", "Mona_Lisa", 1, EN]
    assert [w for w, _, _ in data["per_wiki"]] == ["en.wikipedia", "de.wikipedia", "fr.wikipedia"]
    # the failed page is a gap in every month; nothing filled in
    assert len(data["gaps"]) == 12 and all(g[1] == "Girl_with_a_Pearl_Earring" for g in data["gaps"])
    assert all(g[3].startswith("fetch failed") for g in data["gaps"])
    april = next(m for m in data["monthly"] if m[0] == "2025-04")
    assert april == ["2025-04", 304000, 1, "lower bound"]  # de: no April row (zero), en counted, 1 page missing
    assert len(data["new_usage"]) == 4 and data["new_usage_since"] is None
    assert data["media"]["api_user_requests"] == sum(50000 + m for m in range(1, 13))
    assert data["media"]["dump_all_agent_transfers"] == 0
    assert data["sources"] == {"api": 36}  # 3 articles fetched x 12 months, all from the API
    # the per-file sum (BaGLAMa2 / Commons Impact Metrics' way) is shown beside, never instead
    assert data["per_file_sum_views"] >= data["total_views"]
    with open(tmp_path / "r1" / "reach-monthly.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 12 and sum(int(r["views"]) for r in rows) == EN + DE
    with open(tmp_path / "r1" / "reach-new-usage.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 4
    parser = Text()
    parser.feed((tmp_path / "r1" / "reach-report.html").read_text(encoding="utf-8"))
    text = " ".join(parser.text)
    assert "spiders and automated agents (bots) are excluded" in text
    assert "lower bound" in text and "Gaps (12 article-months)" in text
    assert parser.svgs >= 3
    again = make_report(cli, tmp_path / "r2")
    assert again["new_usage"] == [] and again["new_usage_since"]


def test_report_renders_in_a_browser(collected, cli: CliRunner, tmp_path: Path) -> None:
    make_report(cli, tmp_path / "r")
    dom = browser_dom(tmp_path / "r" / "reach-report.html")
    assert "Reach: the figures" in dom and "<svg" in dom and "Methods and evidence" in dom
    assert f"{EN + DE:,}" in dom


def test_project_report_section_and_status(collected, project, tmp_path: Path) -> None:
    from glamwiki.report.build import build_report
    from glamwiki.status import project_status

    with project.open_store() as store:
        path = build_report(store, tmp_path / "report.html", "Test Museum")
        html = path.read_text(encoding="utf-8")
        assert "Reach and impact" in html and "spiders and automated agents" in html
        reach = next(s for s in project_status(store) if s.stage == "reach")
        assert reach.state == "attention" and reach.figures["articles"] == 4  # one fetch failed


def test_no_reach_section_without_data(store) -> None:
    from glamwiki.report.reach_section import reach_section
    from glamwiki.status import project_status

    assert reach_section(store) is None
    assert next(s for s in project_status(store) if s.stage == "reach").state == "empty"
