"""rights presumptions: list the shipped rules, approve or withdraw one for this project, its history."""

from __future__ import annotations

from datetime import date

import click

from glamwiki.cli.context import emit_json, project_from
from glamwiki.errors import ConfigError
from glamwiki.rights.presumptions import SHIPPED, parse_match, shipped
from glamwiki.store.rights import current_presumptions, presumption_history, save_presumption


def _on(value: str | None) -> str:
    try:
        return (date.fromisoformat(value) if value else date.today()).isoformat()
    except ValueError as exc:
        raise ConfigError(f"--on {value!r} is not a date: give YYYY-MM-DD") from exc


def _by(value: str) -> str:
    if not value.strip():
        raise ConfigError("--by needs the name of the person who decides")
    return value.strip()


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def presumptions(ctx: click.Context, as_json: bool) -> None:
    """Rules a curator approves once for a whole group of records (e.g. prints-published-when-made).

    Without a subcommand: each shipped presumption, what it presumes, its legal basis, and whether it is
    approved in this project."""
    if ctx.invoked_subcommand:
        return
    with project_from(ctx).open_store() as store:
        current = current_presumptions(store)
    rows = [
        {"name": p.name, "presumes": p.presumes, "group": p.group, "legal_basis": p.legal_basis,
         "status": current.get(p.name, {}).get("status", "not approved"),
         "approved_by": current.get(p.name, {}).get("approved_by", ""),
         "approved_on": current.get(p.name, {}).get("approved_on", "")}
        for p in SHIPPED.values()
    ]  # fmt: skip
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        who = f" by {r['approved_by']} on {r['approved_on']}" if r["approved_by"] else ""
        click.echo(f"{r['name']}  [{r['status']}{who}]\n  presumes: {r['presumes']}\n  covers: {r['group']}\n"
                   f"  legal basis: {r['legal_basis']}")  # fmt: skip


@presumptions.command()
@click.argument("name")
@click.option("--by", "by", required=True, help="The person approving it (recorded with the date).")
@click.option("--on", "on", help="Date of the approval, YYYY-MM-DD (default: today).")
@click.option("--dataset", "datasets", multiple=True, help="Only records of this dataset (repeatable).")
@click.option("--match", "match", multiple=True, metavar="FIELD=PATTERN",
              help="Only records whose field matches the pattern, e.g. object_type=print (repeatable).")  # fmt: skip
@click.option("--note", default="", help="Why, or the evidence for it.")
@click.pass_context
def approve(ctx: click.Context, name: str, by: str, on: str | None, datasets: tuple[str, ...],
            match: tuple[str, ...], note: str) -> None:  # fmt: skip
    """Approve a presumption for this project (a new version; earlier ones stay in the history)."""
    shipped(name)
    with project_from(ctx).open_store() as store, store.transaction():
        v = save_presumption(store, name, "approved", _by(by), _on(on), datasets, parse_match(match), note)
    click.echo(f"{name}: version {v} approved by {by}; apply it with `glamwiki rights --presume {name}`")


@presumptions.command()
@click.argument("name")
@click.option("--by", "by", required=True, help="The person withdrawing it.")
@click.option("--on", "on", help="Date, YYYY-MM-DD (default: today).")
@click.option("--note", default="", help="Why.")
@click.pass_context
def withdraw(ctx: click.Context, name: str, by: str, on: str | None, note: str) -> None:
    """Withdraw a presumption: `--presume NAME` is refused from now on (the history keeps the approval)."""
    shipped(name)
    with project_from(ctx).open_store() as store, store.transaction():
        v = save_presumption(store, name, "withdrawn", _by(by), _on(on), note=note)
    click.echo(f"{name}: version {v} withdrawn by {by}")


@presumptions.command()
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def history(ctx: click.Context, name: str | None, as_json: bool) -> None:
    """Every approval and withdrawal, oldest first."""
    with project_from(ctx).open_store() as store:
        rows = presumption_history(store, name)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        scope = "".join(
            [f" datasets={','.join(r['datasets'])}" if r["datasets"] else ""] + [f" {f}={rx}" for f, rx in r["match"]]
        )
        click.echo(f"{r['name']} v{r['version']}: {r['status']} by {r['approved_by']} on {r['approved_on']}"
                   f"{scope}{' - ' + r['note'] if r['note'] else ''}")  # fmt: skip
