"""jobs list | show | cancel | again: the long work of this project, from any process."""

from __future__ import annotations

from dataclasses import asdict

import click

from glamwiki.cli.context import emit_json, out, project_from
from glamwiki.store import jobs as db
from glamwiki.terminal import plain


@click.group()
def jobs() -> None:
    """Long work (ingest, rights, link run, publish run, reach collect, reach dumps) as jobs."""


def _line(job: db.Job) -> str:
    total = f"/{job.total:,}" if job.total is not None else ""
    status = f"{job.status} (no word from {job.worker} since {job.heartbeat_at})" if job.stale() else job.status
    asked = ", cancel asked" if job.cancel_requested and job.status == db.RUNNING else ""
    return f"{job.id:>5}  {job.kind:<14} {status}{asked}  {job.done:,}{total}  {plain(job.message)}"


@jobs.command("list")
@click.option("--status", type=click.Choice(["queued", "running", "done", "failed", "cancelled"]))
@click.option("--limit", type=int, default=20, show_default=True, help="How many (latest first).")
@click.option("--json", "as_json", is_flag=True, help="Print the jobs as JSON.")
@click.pass_context
def jobs_list(ctx: click.Context, status: str | None, limit: int, as_json: bool) -> None:
    """The latest jobs: kind, status, progress and last message."""
    with project_from(ctx).open_store() as store:
        found = db.list_jobs(store, status, limit)
    if as_json:
        emit_json([{**asdict(j), "stale": j.stale()} for j in found])
        return
    if not found:
        out.print("No jobs yet.")
    for job in found:
        out.print(_line(job), markup=False, highlight=False)


@jobs.command("show")
@click.argument("job_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the job as JSON.")
@click.pass_context
def jobs_show(ctx: click.Context, job_id: int, as_json: bool) -> None:
    """Everything about one job: parameters, worker, progress, times."""
    with project_from(ctx).open_store() as store:
        job = db.get(store, job_id)
    if as_json:
        emit_json({**asdict(job), "stale": job.stale()})
        return
    out.print(_line(job), markup=False, highlight=False)
    for key in ("params", "worker", "created_at", "started_at", "heartbeat_at", "finished_at"):
        out.print(f"  {key}: {plain(str(getattr(job, key)))}", markup=False, highlight=False)


@jobs.command("cancel")
@click.argument("job_id", type=int)
@click.pass_context
def jobs_cancel(ctx: click.Context, job_id: int) -> None:
    """Ask a job to stop at its next batch boundary (the work finished so far is kept; run it again to go on)."""
    with project_from(ctx).open_store() as store:
        job = db.request_cancel(store, job_id)
    if job.status == db.CANCELLED:
        out.print(f"job {job.id} ({job.kind}) cancelled.")
    elif job.status == db.RUNNING:
        out.print(f"job {job.id} ({job.kind}) will stop at its next batch boundary.")
    else:
        out.print(f"job {job.id} ({job.kind}) had already ended: {job.status}.")


@jobs.command("again")
@click.argument("job_id", type=int)
@click.option("--by", help="The account the new job is started by (default: the one that started JOB_ID).")
@click.pass_context
def jobs_again(ctx: click.Context, job_id: int, by: str | None) -> None:
    """Queue a failed, cancelled or silent job again for `glamwiki worker`: it goes on where the work stopped."""
    from glamwiki.worker.starting import run_again

    with project_from(ctx).open_store() as store:
        new = run_again(store, job_id, by)
    out.print(f"job {new} queued: it resumes job {job_id} when a worker takes it (`glamwiki worker`).")
