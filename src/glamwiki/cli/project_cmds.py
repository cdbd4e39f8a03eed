"""init, status, demo, report."""

from __future__ import annotations

import os
from pathlib import Path

import click

from glamwiki.cli.context import emit_json, out, progress_bar, project_from
from glamwiki.demo import run_demo
from glamwiki.project import init_project
from glamwiki.status import project_status
from glamwiki.terminal import plain


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--institution", default="", help="The institution's name, used in reports and file pages.")
@click.option(
    "--store-url",
    envvar="GLAMWIKI_STORE_URL",
    default="",
    help="A shared PostgreSQL database (postgresql://user@host/db, no password) instead of glamwiki.db.",
)
@click.option(
    "--project", "schema", default="", help="With --store-url: the project's schema there (default: from FOLDER)."
)
def init(folder: str, institution: str, store_url: str, schema: str) -> None:
    """Make a project folder with glamwiki.toml (settings) and its store (glamwiki.db, or a PostgreSQL schema)."""
    project = init_project(
        Path(folder), institution=institution, store_url=store_url or None, schema=schema, env=os.environ
    )
    out.print(f"project [bold]{project.name}[/] made in {project.root}; next: cd {folder} && glamwiki ingest FILE")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def migrate(ctx: click.Context, as_json: bool) -> None:
    """Bring the project's store up to the schema of this glamwiki (back it up first)."""
    project = project_from(ctx)
    with project.open_store(migrate=True) as store:
        location, applied, new = store.location, store.applied_migrations(), store.migrated
    if as_json:
        emit_json({"store": location, "schema": applied[-1], "applied": new})
        return
    out.print(f"{plain(location)}: schema {applied[-1]}" + (f" ({len(new)} applied now)" if new else " (up to date)"))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """What is in the project, stage by stage."""
    project = project_from(ctx)
    with project.open_store() as store:
        stages = project_status(store)
    if as_json:
        emit_json({"project": project.name, "root": str(project.root), "stages": [s.__dict__ for s in stages]})
        return
    out.print(f"[bold]{plain(project.name)}[/] ({plain(project.root)})")
    for s in stages:
        colour = {"ok": "green", "attention": "yellow"}.get(s.state, "dim")
        out.print(f"  [{colour}]{s.stage:11}[/] {plain(s.summary)}")


@click.command()
@click.option(
    "--output",
    "-o",
    default="glamwiki-demo",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the demo project and its report.html.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def demo(output: str, as_json: bool) -> None:
    """Build a demo project from the bundled Tate sample and write report.html (offline)."""
    with progress_bar("demo") as advance:
        result = run_demo(Path(output), progress=advance, env=os.environ)
    if as_json:
        emit_json({"project": str(result.project.root), "report": str(result.report), "steps": result.steps})
        return
    for line in result.steps:
        out.print(f"  {line}")
    out.print(f"report: [bold]{result.report}[/]")


@click.group(invoke_without_command=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Where to write it (default: report.html).")
@click.option("--json", "as_json", is_flag=True, help="Print where it went as JSON.")
@click.pass_context
def report(ctx: click.Context, output: str | None, as_json: bool) -> None:
    """Write the project report: what was read, rights, gaps, publishing and reach, with charts.
    `glamwiki report funder` writes the residency's report for a month or a year instead."""
    from datetime import date

    if ctx.invoked_subcommand is not None:
        return

    from glamwiki.report.build import build_report

    project = project_from(ctx)
    target = Path(output) if output else project.root / "report.html"
    institution = str(project.config.get("project", "institution", "") or "")
    subtitle = ", ".join(p for p in (institution, f"as of {date.today().isoformat()}") if p)
    with project.open_store() as store:
        path = build_report(store, target, f"glamwiki: {project.name}", subtitle)
    if as_json:
        emit_json({"report": str(path.resolve())})
    else:
        out.print(f"report: {path}")
