"""worker: run the jobs started from the web workspace (or queued by any process)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

import click

from glamwiki.cli import network
from glamwiki.cli.context import console, project_from
from glamwiki.cli.oauth_settings import identity_resolver
from glamwiki.identities import JobResolver
from glamwiki.project import Project
from glamwiki.worker.kinds import KINDS
from glamwiki.worker.loop import POLL, Worker, in_thread
from glamwiki.worker.setup import Setup, from_environment

if TYPE_CHECKING:
    from glamwiki.reach.http import Client


def worker_setup(project: Project, resolvers: Sequence[JobResolver] = ()) -> Setup:
    """The worker's settings from the project and this process's environment: credentials of the
    job's starter (``resolvers``: their own Wikimedia identity, ADR 0014), else as `publish run` finds
    them; the live Wikidata client, the reach client, the operator's contact."""
    from glamwiki.reach.session import client_for

    backoff, retries = network.reach_retry(project.config)
    contact = network.contact(project.config)

    def reach(api_root: str) -> Client:
        return client_for(project.root, api_root or os.environ.get("GLAMWIKI_REACH_API_ROOT", ""),
                          float(os.environ.get("GLAMWIKI_REACH_MIN_INTERVAL", "0.2")), backoff=backoff,
                          max_retries=retries, contact=contact)  # fmt: skip

    return Setup(project, fallback=from_environment(os.environ), reach=reach, contact=contact,
                 wikidata=lambda: network.wikidata_client(project.config), resolvers=list(resolvers))  # fmt: skip


STOP_WAIT = 60.0  # seconds a stopping server waits for its workers' jobs to stop


@contextmanager
def workers_alongside(
    projects: Sequence[Project], enabled: bool = True, resolvers: Sequence[JobResolver] = ()
) -> Iterator[list[Worker]]:
    """A worker thread per project while the block runs (``glamwiki web``'s embedded default: jobs
    started in the browser just run); at the end each current job is asked to stop at its next batch
    boundary (resumable) and the threads are given ``STOP_WAIT`` seconds."""
    running = [Worker(worker_setup(p, resolvers)) for p in projects] if enabled else []
    threads = [in_thread(w) for w in running]
    try:
        yield running
    finally:
        for w in running:
            w.stop()
        for t in threads:
            t.join(timeout=STOP_WAIT)


@click.command()
@click.option("--once", is_flag=True, help="Run the jobs queued now, then exit (for tests and cron).")
@click.option("--kinds", default=",".join(KINDS), show_default=True, help="Only jobs of these kinds (comma-separated).")
@click.option("--poll", type=float, default=POLL, show_default=True, help="Seconds between two looks for a new job.")
@click.pass_context
def worker(ctx: click.Context, once: bool, kinds: str, poll: float) -> None:
    """Run the project's queued jobs (started from the web workspace) one at a time, until stopped.

    SIGTERM or Ctrl-C asks the current job to stop at its next batch boundary: it ends cancelled and
    "run again" goes on where it stopped. Credentials for publishing: GLAMWIKI_BOT_USER and
    GLAMWIKI_BOT_PASSWORD (a BotPassword) or GLAMWIKI_OAUTH_TOKEN, as for `publish run`. See docs/jobs.md."""
    project = project_from(ctx)
    chosen = [k.strip() for k in kinds.split(",") if k.strip()]
    running = Worker(worker_setup(project, [identity_resolver(project, os.environ)]), chosen, poll=poll)

    def stop(signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGINT and running.stopping.is_set():
            raise KeyboardInterrupt  # a second Ctrl-C: at once (the job is marked failed; run it again)
        console.print("stopping: the current job stops at its next batch boundary (Ctrl-C again: at once)")
        running.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        if once:
            n = running.run_queued()
            console.print(f"{n} job(s) run: {', '.join(map(str, running.finished)) or 'none was queued'}")
            return
        console.print(f"glamwiki worker {running.name}: waiting for {', '.join(running.kinds)} jobs (Ctrl-C stops)")
        running.serve()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
