"""An edit-a-thon measured by `glamwiki reach event` from recorded API responses (the MediaWiki API's
documented answers: usercontribs, revisions, pageprops, wbgetentities), then reported for funders:
the residency report of that month holds the event's own figures, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glamwiki.cli import cli as glamwiki_cli
from glamwiki.project import Project

from .test_event import route_event

pytestmark = pytest.mark.both_backends


def test_the_event_is_in_the_month_report_and_not_in_the_next(cli: CliRunner, api, project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, recorded = api
    route_event(recorded)
    args = ["reach", "event", "--name", "Art+Feminism Leeds", "--participant", "Alice", "--participant", "Bob",
            "--start", "2025-03-08T09:00:00Z", "--end", "2025-03-08T18:00:00Z", "--wiki", "en.wikipedia",
            "--views-days", "7", "--json"]  # fmt: skip
    env = {"GLAMWIKI_REACH_API_ROOT": root, "GLAMWIKI_REACH_MIN_INTERVAL": "0"}
    measured = json.loads(cli.invoke(glamwiki_cli, args, env=env, catch_exceptions=False).stdout)
    out = tmp_path / "march.csv"
    result = cli.invoke(
        glamwiki_cli, ["report", "funder", "--month", "2025-03", "--format", "csv", "-o", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    f = json.loads(result.output)["figures"]
    assert (f["events"], f["participants"]) == (1, measured["participants"]) == (1, 2)
    assert (f["edits"], f["articles_created"], f["articles_improved"]) == (
        measured["edits"], measured["articles_created"], measured["articles_improved"])  # fmt: skip
    assert (f["bytes_added"], f["references_added"]) == (measured["bytes_added"], measured["references_added"])
    assert (f["biographies"], f["share_women"]) == (measured["biographies"], measured["gender_share_women"]) == (2, 0.5)
    assert f["views"] is None  # the reach stage collected no views: not measured, not 0
    assert (
        (f["new_editors"], f["retained_editors"]) == (measured["new_editors"], measured["retained_editors"]) == (1, 1)
    )
    assert f"residency,proj,2025-03,edits,,{measured['edits']}," in out.read_text(encoding="utf-8")
    april_args = ["report", "funder", "--month", "2025-04", "-o", str(tmp_path / "a.html"), "--json"]
    april = json.loads(cli.invoke(glamwiki_cli, april_args).output)["figures"]
    assert (april["events"], april["edits"], april["articles_created"]) == (0, 0, 0)  # measured, none then
    assert (april["new_editors"], april["retained_editors"]) == (0, None)  # no new editor: retention not applicable
