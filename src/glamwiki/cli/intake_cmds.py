"""ingest, export, profiles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from glamwiki.cli.context import EXIT_INPUT_REJECTED, emit_json, out, progress_bar, project_from
from glamwiki.cli.network import contact
from glamwiki.errors import RecordNotFound
from glamwiki.intake import exporting
from glamwiki.intake.ingest import ingest as run_ingest
from glamwiki.intake.ingest import ingest_options
from glamwiki.intake.registry import (
    FORMAT_READERS,
    choose_profile,
    mapping_profiles,
    profile_text,
)
from glamwiki.jobtrack import tracked
from glamwiki.model.codec import to_builtins
from glamwiki.scrub import without_userinfo
from glamwiki.store.records import get_with_run, resolve_id
from glamwiki.store.runs import provenance_of
from glamwiki.terminal import plain


@click.command()
@click.argument("source")
@click.option(
    "--mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file (TOML) for a table or JSON export."
)
@click.option(
    "--profile",
    help="A built-in profile: tate, moma, nga, cmoa, generic, or a reader: lido, oai, iiif, tei, ead, marc, marcxml.",
)
@click.option("--dataset", help="Name for this collection in the project (default: the profile's name).")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "tsv", "xlsx", "json", "jsonl"]), help="Override the file format."
)
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of CSV/JSON files.")
@click.option(
    "--images-root",
    type=click.Path(file_okay=False),
    help="Folder local image paths are relative to (default: the file's folder).",
)
@click.option(
    "--metadata-prefix", default="oai_dc", show_default=True, help="OAI-PMH: oai_dc, lido or marcxml (as offered)."
)
@click.option("--set", "oai_set", help="OAI-PMH: harvest only this set.")
@click.option("--offline", is_flag=True, help="IIIF: do not fetch collection members from the network.")
@click.option(
    "--recursive/--no-recursive",
    default=True,
    show_default=True,
    help="A folder: read its subfolders too (iiif/, lido/ddb/...), or only its own files.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def ingest(
    ctx: click.Context,
    source: str,
    mapping: str | None,
    profile: str | None,
    dataset: str | None,
    fmt: str | None,
    encoding: str,
    images_root: str | None,
    metadata_prefix: str,
    oai_set: str | None,
    offline: bool,
    recursive: bool,
    as_json: bool,
) -> None:
    """Read SOURCE (a file, a folder or an OAI-PMH/IIIF URL) into the project.

    A folder is read with its subfolders (--no-recursive: its own files only). Re-ingesting the
    same export updates records in place and reports what changed; one id in two files is
    reported as an input error naming both, and the later copy is skipped.
    """
    project = project_from(ctx)
    chosen, reader = choose_profile(mapping, profile)
    name = dataset or (chosen.name if chosen else reader or Path(source.rstrip("/")).stem)
    options = ingest_options(project.config, contact(project.config), metadata_prefix=metadata_prefix,
                             oai_set=oai_set, offline=offline)  # fmt: skip
    with (
        project.open_store() as store,
        progress_bar(f"ingesting {plain(source)}") as bar,
        tracked(store, "ingest", {"source": without_userinfo(source), "dataset": name}, echo=bar) as advance,
    ):
        summary = run_ingest(
            store,
            source,
            dataset=name,
            profile=chosen,
            reader=reader,
            fmt=fmt,
            images_root=Path(images_root) if images_root else None,
            encoding=encoding,
            options=options,
            progress=advance,
            recursive=recursive,
        )
    if as_json:
        emit_json(summary.as_dict())
    else:
        out.print(
            f"[bold]{plain(name)}[/]: {summary.objects:,} objects, {summary.people:,} people read from "
            f"{len(summary.files)} file(s): {summary.added:,} added, {summary.changed:,} changed, "
            f"{summary.unchanged:,} unchanged"
        )
        if summary.changed_fields:
            fields = ", ".join(f"{k} ({v})" for k, v in sorted(summary.changed_fields.items(), key=lambda kv: -kv[1]))
            out.print(f"changed fields: {plain(fields)}")
        if summary.errors or summary.warnings:
            out.print(
                f"[yellow]{summary.errors:,} errors, {summary.warnings:,} warnings[/]: see `glamwiki export errors`"
            )
    if summary.errors:
        sys.exit(EXIT_INPUT_REJECTED)


@click.group()
def export() -> None:
    """Export records or ingest errors."""


@export.command("records")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--kind", type=click.Choice(["object", "person"]), help="Only objects or only people.")
@click.option("--dataset", help="Only this dataset.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.pass_context
def export_records(ctx: click.Context, fmt: str, kind: str | None, dataset: str | None, output: str | None) -> None:
    """Export records as JSON Lines (complete) or CSV (one row per record, main fields)."""
    project = project_from(ctx)
    with project.open_store() as store, exporting.open_output(output) as stream:
        n = exporting.export_records(store, stream, fmt, kind=kind, dataset=dataset)
    if output:
        out.print(f"{n:,} records written to {output}")


@export.command("errors")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.pass_context
def export_errors(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export the errors and warnings found by ingests (file, row, field, message)."""
    project = project_from(ctx)
    with project.open_store() as store, exporting.open_output(output) as stream:
        n = exporting.export_issues(store, stream, fmt)
    if output:
        out.print(f"{n:,} issues written to {output}")


@click.group(invoke_without_command=True)
@click.pass_context
def profiles(ctx: click.Context) -> None:
    """List the built-in profiles and readers."""
    if ctx.invoked_subcommand is None:
        for name, description in mapping_profiles().items():
            out.print(f"[bold]{name:8}[/] mapping  {description}")
        for name, (_, _, description) in FORMAT_READERS.items():
            out.print(f"[bold]{name:8}[/] reader   {description}")


@profiles.command("show")
@click.argument("name")
def profiles_show(name: str) -> None:
    """Print a mapping profile's TOML, to copy and edit: glamwiki profiles show tate > mapping.toml"""
    click.echo(profile_text(name), nl=False)


@click.command()
@click.argument("record_id")
@click.option("--kind", type=click.Choice(["object", "person"]), help="Only an object or only a person.")
@click.pass_context
def show(ctx: click.Context, record_id: str, kind: str | None) -> None:
    """Show a record as stored, with the file, row and column each value came from."""
    project = project_from(ctx)
    with project.open_store() as store:
        dataset, local_id = resolve_id(store, record_id, kind)
        found = [f for f in get_with_run(store, local_id, kind) if dataset in (None, f[0])]
        if not found:
            raise RecordNotFound(f"No record with id {record_id!r}. `glamwiki export records` lists them.")
        items = [{"dataset": ds, **to_builtins(rec), "read_from": provenance_of(store, run) or rec.provenance}
                 for ds, run, rec in found]  # fmt: skip
    emit_json(items[0] if len(items) == 1 else items)
