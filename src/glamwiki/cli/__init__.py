"""The command line: a thin layer over the library, a few lines per command."""

from __future__ import annotations

import click

from glamwiki import __version__
from glamwiki.cli.book_cmds import book
from glamwiki.cli.context import GuardedGroup
from glamwiki.cli.decisions_cmds import decisions
from glamwiki.cli.funder_cmds import funder as _funder  # noqa: F401  (adds report funder, programme report)
from glamwiki.cli.gaps_cmds import gaps
from glamwiki.cli.intake_cmds import export, ingest, profiles, show
from glamwiki.cli.jobs_cmds import jobs
from glamwiki.cli.link_cmds import link, serve
from glamwiki.cli.programme_cmds import programme
from glamwiki.cli.project_cmds import demo, init, migrate, report, status
from glamwiki.cli.publish_cmds import publish, sandbox
from glamwiki.cli.reach_cmds import reach
from glamwiki.cli.rights_cmds import rights
from glamwiki.cli.web_cmds import web
from glamwiki.cli.worker_cmds import worker


@click.group(
    cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "GLAMWIKI"}
)
@click.version_option(__version__, prog_name="glamwiki")
@click.option(
    "--project",
    "project_path",
    type=click.Path(file_okay=False),
    envvar="GLAMWIKI_PROJECT",
    help="Project folder (default: the current folder or the nearest one above it).",
)
@click.pass_context
def cli(ctx: click.Context, project_path: str | None) -> None:
    """glamwiki: take a collection onto Wikimedia and show what that achieved.

    \b
    Exit codes: 0 done; 1 failed; 2 bad usage or settings; 3 done, but some input was
    rejected (see `glamwiki export errors`).
    """
    ctx.ensure_object(dict)
    ctx.obj["project_path"] = project_path


for command in (
    init,
    migrate,
    status,
    demo,
    ingest,
    export,
    profiles,
    show,
    report,
    rights,
    link,
    gaps,
    serve,
    publish,
    sandbox,
    reach,
    book,
    jobs,
    programme,
    decisions,
    web,
    worker,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="glamwiki")
