"""decisions history: who decided what about a record, a person, a presumption or a file, and when."""

from __future__ import annotations

from dataclasses import asdict

import click

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.store import decisions as db
from glamwiki.terminal import plain


@click.group()
def decisions() -> None:
    """Decisions kept with their history: rights facts, presumptions, link decisions, upload approvals."""


@decisions.command("history")
@click.argument("kind", type=click.Choice(db.KINDS))
@click.argument("subject")
@click.option("--dataset", default="", help="The subject's dataset (presumptions have none).")
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@click.pass_context
def history(ctx: click.Context, kind: str, subject: str, dataset: str, as_json: bool) -> None:
    """Every decision about SUBJECT (a record id, person id or presumption name), oldest first.

    KIND is rights_fact, presumption, link or upload."""
    with project_from(ctx).open_store() as store:
        events = db.history(store, kind, dataset, subject)
    if as_json:
        emit_json([asdict(e) for e in events])
        return
    if not events:
        out.print(f"No {kind} decision about {plain(subject)}" + (f" in {plain(dataset)}." if dataset else "."))
    for e in events:
        before = f" (was {plain(e.previous)})" if e.previous is not None else ""
        about = f"{plain(e.field)}: " if e.field else ""
        why = f" — {plain(e.reason)}" if e.reason else ""
        text = f"{e.decided_at}  v{e.id}  {about}{plain(e.describe())}{before}{why}"
        out.print(text, markup=False, highlight=False)
