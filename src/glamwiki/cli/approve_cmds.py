"""publish approve: approve (or reject) planned files before `publish run` sends them."""

from __future__ import annotations

import click

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.errors import ConfigError
from glamwiki.store import approvals
from glamwiki.store import publishing as db
from glamwiki.store.decisions import LOCAL_ACTOR


@click.command("approve")
@click.option("--batch", help="Every planned file of this plan's batch (the id `publish plan` printed).")
@click.option("--record", "records", multiple=True, help="The planned files of this record id (repeatable).")
@click.option("--dataset", help="Only files of this dataset.")
@click.option("--title-contains", help="Only files whose planned title contains this text (any case).")
@click.option("--reject", is_flag=True, help="Reject instead of approve (the files are not sent).")
@click.option("--by", "actor", default=LOCAL_ACTOR, show_default=True, help="Who decides (kept in the history).")
@click.option("--reason", default="", help="Why (kept in the history).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def approve(
    ctx: click.Context, batch: str | None, records: tuple[str, ...], dataset: str | None,
    title_contains: str | None, reject: bool, actor: str, reason: str, as_json: bool,
) -> None:  # fmt: skip
    """Approve planned files for upload: by batch, by record, or by a filter (dataset, title).

    Each approval is a decision event (who, when, why). With `[publishing] require_approval = true`
    `publish run` sends only approved files; a file re-planned under another title needs approving again.
    """
    if not (batch or records or dataset or title_contains):
        raise click.UsageError("Say which files: --batch, --record, --dataset or --title-contains.")
    with project_from(ctx).open_store() as store:
        if batch and batch != db.plan_batch(store):
            raise ConfigError(f"Batch {batch!r} is not the current plan's ({db.plan_batch(store) or 'no plan'}).")
        files = approvals.planned_files(store, dataset=dataset, records=records, title_contains=title_contains)
        verdict = approvals.REJECTED if reject else approvals.APPROVED
        changed = approvals.decide_uploads(store, files, verdict, actor, reason, "publish approve")
        counts = approvals.approval_counts(store)
    if as_json:
        emit_json({"selected": len(files), "changed": changed, **counts})
        return
    out.print(
        f"{len(files):,} planned files selected, {changed:,} newly {verdict}. Now: {counts['approved']:,} approved, "
        f"{counts['rejected']:,} rejected, {counts['waiting']:,} waiting."
    )
