"""rights: assess, explain, review queue, Public Domain Day."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from rich.table import Table

from glamwiki.cli.context import emit_json, out, progress_bar, project_from
from glamwiki.cli.rights_presumptions import presumptions
from glamwiki.errors import ConfigError, RecordNotFound
from glamwiki.intake.registry import load_mapping, load_named_profile
from glamwiki.jobtrack import tracked
from glamwiki.model.records import ObjectRecord
from glamwiki.rights import default_settings
from glamwiki.rights.engine import assess as assess_record
from glamwiki.rights.explain import explain_lines
from glamwiki.rights.files import decisions_from_source, started, write_csv
from glamwiki.rights.pdday import public_domain_day
from glamwiki.rights.presumptions import SHIPPED, shipped
from glamwiki.rights.project import approved_presumptions, assess_project, object_count, persons_by_dataset
from glamwiki.rights.review import export_queue, export_queue_xlsx, import_facts, queue_groups
from glamwiki.store.records import get_record, qualified_id, resolve_id
from glamwiki.store.rights import all_facts, get_decision
from glamwiki.terminal import visible


def _day(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError as exc:
        raise ConfigError(f"--as-of {value!r} is not a date: give YYYY-MM-DD") from exc


AS_OF = click.option(
    "--as-of", "as_of", envvar="GLAMWIKI_RIGHTS_AS_OF", help="Evaluation date YYYY-MM-DD (default: today)."
)
LIFESPAN = click.option(
    "--max-lifespan", type=int, envvar="GLAMWIKI_RIGHTS_MAX_LIFESPAN",
    help="Longest possible life in years, for creators with no death date (default 122, Jeanne Calment).",
)  # fmt: skip


PRESUME = click.option(
    "--presume", "presume", multiple=True, metavar="NAME",
    help="Apply a presumption (repeatable): " + ", ".join(SHIPPED) + ". See `glamwiki rights presumptions`.",
)  # fmt: skip


@click.group(invoke_without_command=True)
@AS_OF
@LIFESPAN
@PRESUME
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def rights(ctx: click.Context, as_of: str | None, max_lifespan: int | None, presume: tuple[str, ...],
           as_json: bool) -> None:  # fmt: skip
    """Decide for every object record: upload, block or review, under UK law, US law and Commons policy.

    Without a subcommand: assess every object record in the project and store the decisions. --presume NAME
    applies a presumption a curator approved in this project (`glamwiki rights presumptions approve`)."""
    if ctx.invoked_subcommand:
        return
    project = project_from(ctx)
    with project.open_store() as store:
        chosen = approved_presumptions(store, presume)
        total = object_count(store)
        params = {"as_of": as_of, "presume": list(presume)}
        with progress_bar("assessing rights", total) as bar, tracked(store, "rights", params, total, bar) as advance:
            summary = assess_project(store, _day(as_of), default_settings(max_lifespan), advance, chosen)
    if as_json:
        emit_json(summary.as_dict())
        return
    table = Table(title=f"Rights as of {summary.as_of}: {summary.assessed:,} records")
    for col in ("decision", "records", "share"):
        table.add_column(col, justify="right" if col != "decision" else "left")
    for k in ("upload", "block", "review"):
        n = summary.decisions.get(k, 0)
        table.add_row(k, f"{n:,}", f"{100 * n / max(summary.assessed, 1):.0f}%")
    out.print(table)
    for name in summary.presumed:
        out.print(f"presumption {name} supplied a fact for {summary.presumed[name]:,} records")
    if summary.decisions.get("review"):
        out.print("Records needing a person: glamwiki rights review")


@rights.command()
@click.argument("record_id")
@AS_OF
@PRESUME
@click.option("--dataset", help="Dataset of the record, when several have the id.")
@click.pass_context
def explain(ctx: click.Context, record_id: str, as_of: str | None, presume: tuple[str, ...],
            dataset: str | None) -> None:  # fmt: skip
    """Print the chain of reasoning for one record, each step with its legal source.

    The presumptions its stored decision used are applied again; --presume NAME adds one."""
    with project_from(ctx).open_store() as store:
        dataset, local_id = resolve_id(store, record_id, "object", dataset)
        found = [(ds, r) for ds, r in get_record(store, local_id, "object", dataset) if isinstance(r, ObjectRecord)]
        if not found:
            raise RecordNotFound(f"no object record has the id {record_id!r}: check it with `glamwiki show`")
        ds, record = found[0]
        stored = get_decision(store, record.id, ds)
        day = _day(as_of or (stored.as_of if stored else None))
        facts = all_facts(store).get((ds, record.id))
        chosen = approved_presumptions(store, [*(stored.presumptions if stored else []), *presume])
        d = assess_record(record, day, persons=persons_by_dataset(store).get(ds, {}), facts=facts, dataset=ds,
                          presumptions=chosen, candidates=list(SHIPPED.values()))  # fmt: skip
    click.echo("\n".join(visible(line) for line in explain_lines(d, record.title)))  # catalogue text: no escapes


@rights.command()
@click.argument("path")
@click.option("--profile", help="A built-in profile (tate, moma, nga, cmoa, generic).")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file (TOML) instead.")
@AS_OF
@LIFESPAN
@PRESUME
@click.option("--output", "-o", default="-", show_default=True, help="CSV file to write ('-' for standard output).")
def assess(path: str, profile: str | None, mapping: str | None, as_of: str | None, max_lifespan: int | None,
           presume: tuple[str, ...], output: str) -> None:  # fmt: skip
    """Assess an export straight from its files (no project needed); one CSV row per object record.

    --presume NAME applies a shipped presumption as defined (no project, so no approval is recorded: the
    reasons say so)."""
    prof = load_mapping(mapping) if mapping else (load_named_profile(profile) if profile else None)
    chosen = [shipped(n) for n in dict.fromkeys(presume)]
    rows = started(decisions_from_source(path, prof, _day(as_of), default_settings(max_lifespan), chosen,
                                         list(SHIPPED.values())))  # fmt: skip
    if output == "-":
        counts = write_csv(rows, sys.stdout)
    else:
        with Path(output).open("w", newline="", encoding="utf-8") as fh, progress_bar("assessing rights") as advance:
            counts = write_csv(rows, fh, advance)
    summary = ", ".join(f"{counts.get(k, 0):,} {k}" for k in ("upload", "block", "review"))
    click.echo(f"{sum(counts.values()):,} records: {summary}", err=True)


@rights.command()
@click.option(
    "--export",
    "export_path",
    help="Write the queue for a curator to fill in: a .csv or .xlsx file ('-': CSV to stdout).",
)
@click.option("--fact", help="Only records missing this fact (e.g. publication_year), or that a presumption would "
              "decide (presumption:NAME).")  # fmt: skip
@click.option("--import", "import_path", type=click.Path(exists=True, dir_okay=False), help="Read a filled-in sheet.")
@click.option("--json", "as_json", is_flag=True, help="Print the groups as JSON.")
@click.pass_context
def review(ctx: click.Context, export_path: str | None, fact: str | None, import_path: str | None,
           as_json: bool) -> None:  # fmt: skip
    """The review queue, grouped by the presumption (else the missing fact) that would decide each record.

    Export it as CSV or Excel (.xlsx), fill in the fact columns, then --import it: the facts are kept and used
    by the next `glamwiki rights`."""
    with project_from(ctx).open_store() as store:
        if import_path:
            result = import_facts(store, Path(import_path))
            click.echo(result.summary("facts stored") + "\nRun `glamwiki rights` to use them.")
            return
        if export_path:
            if export_path == "-":
                n = export_queue(store, sys.stdout, fact)
            elif export_path.lower().endswith(".xlsx"):
                n = export_queue_xlsx(store, Path(export_path), fact)
                click.echo(f"{n:,} records written to {export_path}")
            else:
                with Path(export_path).open("w", newline="", encoding="utf-8") as fh:
                    n = export_queue(store, fh, fact)
                click.echo(f"{n:,} records written to {export_path}")
            return
        groups = queue_groups(store)
    if as_json:
        emit_json([{"fact": f, "label": label, "records": n} for f, label, n in groups])
        return
    if not groups:
        click.echo("Nothing to review (run `glamwiki rights` first if nothing was assessed).")
    for f, label, n in groups:
        click.echo(f"{label}: {n:,} records  [{f}]")
    if any(f.startswith("presumption:") for f, _, _ in groups):
        click.echo(
            "One decision answers a presumption's group: `glamwiki rights presumptions` lists them; "
            "`glamwiki rights presumptions approve NAME --by PERSON`, then `glamwiki rights --presume NAME`."
        )


@rights.command("pd-day")
@click.option("--year", type=int, help="The 1 January to look at (default: next year).")
@PRESUME
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def pd_day(ctx: click.Context, year: int | None, presume: tuple[str, ...], as_json: bool) -> None:
    """Public Domain Day: what becomes free to upload on 1 January."""
    year = year or date.today().year + 1
    with project_from(ctx).open_store() as store:
        freed = list(public_domain_day(store, year, approved_presumptions(store, presume)))
    if as_json:
        emit_json({"year": year, "records": [f.__dict__ for f in freed]})
        return
    uploads = [f for f in freed if f.change == "upload"]
    click.echo(f"Free to upload from 1 January {year}: {len(uploads):,} records")
    for f in uploads:
        line = f"  {qualified_id(f.dataset, f.record_id)}  {f.creators}: {f.title}  {' '.join(f.templates)}"
        click.echo(visible(line))
    uk_only = [f for f in freed if f.change == "uk"]
    click.echo(f"PD in the UK from 1 January {year} (still {', '.join(sorted({f.decision for f in uk_only})) or '-'}):"
               f" {len(uk_only):,} records")  # fmt: skip
    for f in uk_only:
        click.echo(visible(f"  {qualified_id(f.dataset, f.record_id)}  {f.creators}: {f.title}"))


rights.add_command(presumptions)
