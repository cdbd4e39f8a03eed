"""programme totals: several projects reported as one."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import click

from glamwiki.cli.context import emit_json, out
from glamwiki.programme import load_programme, totals
from glamwiki.project import find_project
from glamwiki.publishing.connect import COMMONS_API
from glamwiki.terminal import plain


@click.group()
def programme() -> None:
    """A programme of projects (residencies, institutions) reported as one."""


@programme.command("totals")
@click.option("--file", "path", type=click.Path(dir_okay=False), default="programme.toml", show_default=True,
              help="The programme file: [programme] name, projects = [folders], target (default Commons).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the totals as JSON.")
def programme_totals(path: str, as_json: bool) -> None:
    """Uploads, files in use, views per month and since the start, articles created and improved, share of
    women among the biographies worked on: a file or an article two projects share is counted once."""
    chosen = load_programme(Path(path), COMMONS_API)
    with ExitStack() as stack:
        stores = [stack.enter_context(find_project(folder).open_store()) for folder in chosen.projects]
        figures = totals(stores, chosen.target)
    if as_json:
        emit_json({"programme": chosen.name, **figures.as_dict()})
        return
    in_use = f" ({figures.share_in_use:.0%} of the {figures.files_measured:,} measured)" if figures.share_in_use else ""
    women = f"{figures.share_women:.0%}" if figures.share_women is not None else "no biographies recorded"
    out.print(f"{plain(chosen.name)}: {figures.projects} projects", markup=False)
    out.print(
        f"  uploads: {figures.uploads:,} files ({figures.shared_files:,} also counted by another project: "
        "counted once here)"
    )
    out.print(f"  files in use: {figures.files_in_use:,}{in_use}")
    out.print(f"  views since the start: {figures.views_since_start:,}")
    for month, views in figures.views_by_month.items():
        out.print(f"    {month}: {views:,}")
    out.print(f"  articles created: {figures.articles_created:,}, improved: {figures.articles_improved:,}")
    out.print(f"  women among the {figures.biographies:,} biographies worked on: {women}")
