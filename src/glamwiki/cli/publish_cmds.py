"""publish plan | preview | run | results, and sandbox start | stop."""

from __future__ import annotations

import os
from pathlib import Path

import click

from glamwiki.cli.approve_cmds import approve
from glamwiki.cli.context import console, emit_json, out, progress_bar, project_from
from glamwiki.publishing import sandbox as wiki
from glamwiki.publishing.connect import connect, target_from
from glamwiki.publishing.plan import build_plan
from glamwiki.publishing.preview import PreviewOptions, write_preview
from glamwiki.publishing.results import rows, write_csv
from glamwiki.publishing.run import Runner, RunOptions, planned_ids, refuse_partial_plan
from glamwiki.publishing.settings import plan_settings, upload_settings
from glamwiki.store.records import count as count_records
from glamwiki.store.records import qualified_id
from glamwiki.terminal import plain, text

TARGET_HELP = "MediaWiki API URL to publish to (default: Commons, or [publishing] target)."


@click.group()
def publish() -> None:
    """Publish planned files to Wikimedia Commons (or any MediaWiki with --target)."""


publish.add_command(approve)


@publish.command()
@click.option("--dataset", help="Plan only this dataset.")
@click.option("--title-pattern", help="File title pattern, e.g. '{title} - {creator} - {institution} {accession}'.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def plan(ctx: click.Context, dataset: str | None, title_pattern: str | None, as_json: bool) -> None:
    """Plan titles, wikitext and structured data for every record the rights stage cleared."""
    project = project_from(ctx)
    settings = plan_settings(project.config, title_pattern)
    with project.open_store() as store:
        total = count_records(store, kind="object", dataset=dataset)
        with progress_bar(f"planning {total:,} records", total) as advance:
            summary = build_plan(store, settings, dataset, progress=advance)
    data = {k: getattr(summary, k) for k in ("planned", "held", "blocked", "unplannable", "kept", "batch")}
    if as_json:
        emit_json(data)
    else:
        out.print(
            f"batch {summary.batch}: {summary.planned:,} files planned, {summary.held:,} held back (small images, "
            f"dates or rights to review), {summary.blocked:,} records blocked by rights, {summary.unplannable:,} "
            f"without an image, {summary.kept:,} kept as already started. Review with `glamwiki publish preview`."
        )


@publish.command()
@click.option("--output", type=click.Path(dir_okay=False), default="publish-preview.html", show_default=True)
@click.option("--jsonl", type=click.Path(dir_okay=False), help="JSONL file (default: beside the HTML page).")
@click.option("--dataset", help="Only this dataset.")
@click.option("--status", type=click.Choice(["planned", "held", "blocked", "unplannable"]), help="Only this decision.")
@click.option("--warning", help="Only items held for a reason containing this text (e.g. thumbnail, date).")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many items.")
@click.option("--page-size", type=click.IntRange(min=1), default=200, show_default=True, help="Items per HTML page.")
@click.pass_context
def preview(
    ctx: click.Context,
    output: str,
    jsonl: str | None,
    dataset: str | None,
    status: str | None,
    warning: str | None,
    limit: int | None,
    page_size: int,
) -> None:
    """Write an HTML index with pages, and a JSONL, of the planned batch for a curator to review (sends nothing)."""
    project = project_from(ctx)
    html_path = Path(output)
    jsonl_path = Path(jsonl) if jsonl else html_path.with_suffix(".jsonl")
    options = PreviewOptions(dataset, status, warning, limit, page_size)
    with project.open_store() as store:
        n = write_preview(store, html_path, jsonl_path, options=options)
    out.print(f"{n:,} items written to {html_path} (index and pages beside it) and {jsonl_path}")


@publish.command()
@click.option("--target", help=TARGET_HELP)
@click.option("--edits-per-minute", type=float, help="Edit-rate cap (default 6, or [publishing] edits_per_minute).")
@click.option("--limit", type=int, help="Send at most this many files (a first test run of 5-20).")
@click.option("--no-structured-data", is_flag=True, help="Do not write captions and statements.")
@click.option(
    "--allow-partial-plan", is_flag=True, help="Upload from a plan that was interrupted (not every record planned)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def run(
    ctx: click.Context,
    target: str | None,
    edits_per_minute: float | None,
    limit: int | None,
    no_structured_data: bool,
    allow_partial_plan: bool,
    as_json: bool,
) -> None:
    """Upload the planned files; kill it at any time and run it again to finish exactly.

    Credentials come from GLAMWIKI_BOT_USER + GLAMWIKI_BOT_PASSWORD (a BotPassword), or
    GLAMWIKI_OAUTH_TOKEN (OAuth 2 owner-only), or the keyring; never from glamwiki.toml.
    """
    project = project_from(ctx)
    with project.open_store() as store:
        refuse_partial_plan(store, allow_partial_plan)
    chosen = target_from(project.config, target, edits_per_minute)
    options = RunOptions(not no_structured_data, limit, upload=upload_settings(project),
                         approved_only=bool(project.config.get("publishing", "require_approval", False)))  # fmt: skip
    client = connect(chosen, env=os.environ)
    with project.open_store() as store:
        runner = Runner(store, client, options)
        with progress_bar(f"publishing to {plain(chosen.api)}", len(planned_ids(store))) as advance:
            summary = runner.run(advance, lambda note: console.print(text(note, "yellow"), highlight=False))
    data = {
        "batch": summary.batch,
        **dict(summary.outcomes),
        "unfinished": summary.unfinished,
        "later": summary.later,
        "awaiting_approval": summary.awaiting_approval,
        "seconds": round(summary.seconds, 1),
        "requests": summary.requests,
        "job": summary.job,
        "cancelled": summary.cancelled,
    }
    if as_json:
        emit_json(data)
    else:
        parts = ", ".join(f"{v:,} {k}" for k, v in sorted(summary.outcomes.items()))
        waiting = f"{summary.awaiting_approval:,} awaiting approval (`glamwiki publish approve`). "
        out.print(
            f"batch {summary.batch}: {parts or 'nothing sent'}; {summary.unfinished:,} unfinished, "
            f"{summary.later:,} left for a later run (--limit). {waiting if options.approved_only else ''}"
            "Details: `glamwiki publish results`."
        )
        if summary.cancelled:
            out.print(f"Job {summary.job} was cancelled: the files sent so far are kept; run again to go on.")
    if summary.unfinished:
        ctx.exit(1)


@publish.command()
@click.option("--target", help=TARGET_HELP)
@click.option("--output", type=click.Path(dir_okay=False), help="Write the table as CSV to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@click.pass_context
def results(ctx: click.Context, target: str | None, output: str | None, as_json: bool) -> None:
    """Per-record results: uploaded, duplicate-of, blocked-by-rights, failed (with the server's message)."""
    project = project_from(ctx)
    api = target_from(project.config, target).api
    with project.open_store() as store:
        if output:
            n = write_csv(store, api, Path(output))
            out.print(f"{n:,} rows written to {output}")
        elif as_json:
            emit_json(list(rows(store, api)))
        else:
            for row in rows(store, api):
                detail = row["duplicate_of"] or row["message"] or row["url"]
                rid = qualified_id(row["dataset"], row["record_id"])
                out.print(text(f"{rid}\t{row['outcome']}\t{row['title']}\t{detail}"), highlight=False)


@click.group()
def sandbox() -> None:
    """A private local MediaWiki (Debian's mediawiki package) to try a batch end to end before Commons."""


@sandbox.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default=".glamwiki-sandbox", show_default=True)
@click.option("--port", type=int, help="Port on 127.0.0.1 (default: a free one, kept for the sandbox).")
def start(folder: str, port: int | None) -> None:
    """Create (the first time) and start the sandbox wiki on 127.0.0.1; a running one is reused."""
    root = Path(folder).resolve()
    mediawiki = Path(os.environ.get("GLAMWIKI_MEDIAWIKI_DIR", str(wiki.MEDIAWIKI)))
    box = wiki.load(root) if (root / "credentials.json").exists() else wiki.create(root, port, mediawiki, os.environ)
    if port is not None and port != box.port:
        raise click.UsageError(f"The sandbox in {folder} uses port {box.port}; --port cannot change it.")
    started = wiki.start(box, mediawiki=mediawiki, env=os.environ)
    if started is None:
        out.print(f"The sandbox wiki in {folder} is already running (process {wiki.running(box)}); reusing it.")
    out.print(
        f"Sandbox wiki at {box.api} (bot {box.user}). Try a batch with:\n"
        f"  eval $(glamwiki sandbox env --dir {folder}) && glamwiki publish run --target {box.api}\n"
        f"Stop it with `glamwiki sandbox stop --dir {folder}`."
    )


@sandbox.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default=".glamwiki-sandbox", show_default=True)
def stop(folder: str) -> None:
    """Stop the sandbox wiki that `sandbox start` started (its data is kept for the next start)."""
    stopped = wiki.stop(_existing(folder))
    out.print("sandbox stopped" if stopped else "the sandbox was not running")


@sandbox.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False), default=".glamwiki-sandbox", show_default=True)
def env(folder: str) -> None:
    """Print shell exports of the sandbox bot's BotPassword (for `eval`; the sandbox's own throwaway account)."""
    box = _existing(folder)
    click.echo(f"export GLAMWIKI_BOT_USER='{box.user}' GLAMWIKI_BOT_PASSWORD='{box.password}'")


def _existing(folder: str) -> wiki.Sandbox:
    root = Path(folder).resolve()
    if not (root / "credentials.json").exists():
        raise click.UsageError(f"No sandbox in {folder}: `glamwiki sandbox start --dir {folder}` makes one.")
    return wiki.load(root)
