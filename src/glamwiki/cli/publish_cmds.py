"""publish plan | preview | run | results, and sandbox start | stop."""

from __future__ import annotations

from pathlib import Path

import click

from glamwiki.cli.context import emit_json, out, progress_bar, project_from
from glamwiki.publishing.plan import build_plan
from glamwiki.publishing.preview import write_preview
from glamwiki.publishing.settings import plan_settings


@click.group()
def publish() -> None:
    """Publish planned files to Wikimedia Commons (or any MediaWiki with --target)."""


@publish.command()
@click.option("--dataset", help="Plan only this dataset.")
@click.option("--title-pattern", help="File title pattern, e.g. '{title} - {creator} - {institution} {accession}'.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def plan(ctx: click.Context, dataset: str | None, title_pattern: str | None, as_json: bool) -> None:
    """Plan titles, wikitext and structured data for every record the rights stage cleared."""
    project = project_from(ctx)
    settings = plan_settings(project.config, title_pattern)
    with project.open_store() as store, progress_bar("planning") as advance:
        summary = build_plan(store, settings, dataset, progress=advance)
    data = {k: getattr(summary, k) for k in ("planned", "blocked", "unplannable", "kept")}
    if as_json:
        emit_json(data)
    else:
        out.print(
            f"{summary.planned:,} files planned, {summary.blocked:,} records blocked by rights, "
            f"{summary.unplannable:,} without an image, {summary.kept:,} kept as already started. "
            "Review with `glamwiki publish preview`."
        )


@publish.command()
@click.option("--output", type=click.Path(dir_okay=False), default="publish-preview.html", show_default=True)
@click.option("--jsonl", type=click.Path(dir_okay=False), help="JSONL file (default: beside the HTML page).")
@click.option("--dataset", help="Only this dataset.")
@click.pass_context
def preview(ctx: click.Context, output: str, jsonl: str | None, dataset: str | None) -> None:
    """Write an HTML page and a JSONL of the planned batch for a curator to review (sends nothing)."""
    project = project_from(ctx)
    html_path = Path(output)
    jsonl_path = Path(jsonl) if jsonl else html_path.with_suffix(".jsonl")
    with project.open_store() as store:
        n = write_preview(store, html_path, jsonl_path, dataset)
    out.print(f"{n:,} items written to {html_path} and {jsonl_path}")


@click.group()
def sandbox() -> None:
    """A private local MediaWiki (Debian's mediawiki package) to try a batch end to end before Commons."""
