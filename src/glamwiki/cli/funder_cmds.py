"""report funder and programme report: the reports residents and chapters send their funders."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.cli.programme_cmds import programme
from glamwiki.cli.project_cmds import report
from glamwiki.programme import load_programme
from glamwiki.project import find_project
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.report.funder import FunderReport, period_of, programme_report, residency_report
from glamwiki.report.funder_formats import FORMATS, file_name, write


def _period_options(command: Any) -> Any:
    for option in reversed([
        click.option("--month", help="A month: YYYY-MM (e.g. 2026-10)."),
        click.option("--year", help="A year: YYYY (e.g. 2026)."),
        click.option("--from", "start", help="With --to: the first month of a span, YYYY-MM."),
        click.option("--to", "end", help="With --from: the last month of a span, YYYY-MM."),
        click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="html", show_default=True,
                     help="html (a page with charts), csv (one row per figure and month) or wikitext (wikitables)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False),
                     help="Where to write it (default: a name made of the project and the period, here)."),
        click.option("--json", "as_json", is_flag=True, help="Print the figures and where they went as JSON."),
    ]):  # fmt: skip
        command = option(command)
    return command


def _write(found: FunderReport, fmt: str, output: str | None, as_json: bool) -> None:
    path = Path(output) if output else Path(file_name(found, fmt))
    path.write_text(write(found, fmt), encoding="utf-8", newline="")
    if as_json:
        figures = {f.key: f.value for f in found.figures}
        emit_json({"report": str(path.resolve()), "period": found.period.label, "figures": figures,
                   "views_by_month": dict(found.views_by_month)})  # fmt: skip
        return
    out.print(f"{found.kind} report for {found.period.label}: {path}", markup=False)
    for f in found.figures:
        out.print(f"  {f.label}: {f.shown}", markup=False)


@report.command("funder")
@_period_options
@click.pass_context
def funder(ctx: click.Context, month: str | None, year: str | None, start: str | None, end: str | None, fmt: str,
           output: str | None, as_json: bool) -> None:  # fmt: skip
    """The residency's report for a month, a year or a span of months: events, participants, uploads,
    % of files in use, views, articles created and improved, bytes and references added, biographies
    of women. A figure that was not measured says "not measured", never 0 (docs/funder-reports.md)."""
    period = period_of(month, year, start, end)
    project = project_from(ctx)
    target = str(project.config.get("publishing", "target", COMMONS_API))
    with project.open_store() as store:
        found = residency_report(store, project.name, period, target)
    _write(found, fmt, output, as_json)


@programme.command("report")
@click.option("--file", "path", type=click.Path(dir_okay=False), default="programme.toml", show_default=True,
              help="The programme file: [programme] name, projects = [folders], target (default Commons).")  # fmt: skip
@_period_options
def programme_funder(path: str, month: str | None, year: str | None, start: str | None, end: str | None, fmt: str,
                     output: str | None, as_json: bool) -> None:  # fmt: skip
    """The programme's report for funders for a month, a year or a span: the residencies' figures
    summed, a file, an article's views or an edit that two projects share counted once."""
    period = period_of(month, year, start, end)
    chosen = load_programme(Path(path), COMMONS_API)
    with ExitStack() as stack:
        projects = [find_project(folder) for folder in chosen.projects]
        stores = [(p.name, stack.enter_context(p.open_store())) for p in projects]
        found = programme_report(stores, period, chosen.target, chosen.name)
    _write(found, fmt, output, as_json)
