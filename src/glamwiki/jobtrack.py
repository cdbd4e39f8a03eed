"""Long work as a recorded job (docs/adr/0008): ``tracked`` records a running job, turns each
progress step into stored progress another process can read (``glamwiki jobs list``), and stops the
work with :class:`JobCancelled` at the next step after ``glamwiki jobs cancel``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from glamwiki.errors import GlamwikiError
from glamwiki.scrub import scrub
from glamwiki.store import Store, jobs

EVERY = 1.0  # seconds between two writes of progress (and two looks for a cancel request)


class JobCancelled(GlamwikiError):
    """The job was cancelled (``glamwiki jobs cancel``): it stopped, the work finished so far is kept."""

    exit_code = 130


class Reporter:
    """Call it with the number of items just finished, as a progress callback."""

    def __init__(
        self, store: Store, watch: Store, job_id: int, echo: Callable[[int], Any] | None, every: float = EVERY
    ) -> None:
        self.store = store
        self.watch = watch
        self.job_id = job_id
        self.echo = echo
        self.every = every
        self.done = 0
        self.note = ""  # the message the job ends with when it is done (what the stage did)
        self._last = time.monotonic()

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.echo is not None:
            self.echo(n)
        if time.monotonic() - self._last >= self.every:
            self.flush()

    def flush(self) -> None:
        """Stop if a cancel was asked (before writing anything), else record the progress."""
        self._last = time.monotonic()
        if self.cancelled():
            raise self.cancel_error()
        jobs.progress(self.store, self.job_id, self.done)

    def cancelled(self) -> bool:
        return jobs.cancel_requested(self.watch, self.job_id)

    def cancel_error(self) -> JobCancelled:
        return JobCancelled(
            f"job {self.job_id} was cancelled after {self.done:,} items; the work finished so far is kept: "
            "run the command again to go on."
        )


@contextmanager
def tracked(
    store: Store, kind: str, params: dict[str, Any] | None = None, total: int | None = None,
    echo: Callable[[int], Any] | None = None, every: float = EVERY, job_id: int | None = None,
) -> Iterator[Reporter]:  # fmt: skip
    """Run the body as a job of ``kind``: done when it returns, failed (with the error) when it raises,
    cancelled when a cancel request stopped it (an error after a cancel request is the cancel's doing:
    on SQLite the request itself can make the stage's next write fail).

    ``job_id``: a job already claimed by a worker (``jobs.claim_next``) instead of a new one."""
    watch = jobs.watcher(store)
    if job_id is None:
        job_id = jobs.start(store, kind, params, total)
    elif total is not None:
        jobs.progress(store, job_id, 0, total)
    reporter = Reporter(store, watch, job_id, echo, every)
    try:
        yield reporter
    except BaseException as exc:
        cancelled = isinstance(exc, JobCancelled) or reporter.cancelled()
        jobs.progress(watch, reporter.job_id, reporter.done)
        if cancelled:
            jobs.finish(watch, reporter.job_id, jobs.CANCELLED, f"cancelled after {reporter.done:,} items")
        else:
            jobs.finish(watch, reporter.job_id, jobs.FAILED, scrub(f"{type(exc).__name__}: {exc}")[:1000])
        if cancelled and not isinstance(exc, JobCancelled):
            raise reporter.cancel_error() from exc
        raise
    else:
        jobs.progress(store, reporter.job_id, reporter.done)
        jobs.finish(store, reporter.job_id, jobs.DONE, scrub(reporter.note)[:1000])
    finally:
        if watch is not store:
            watch.close()
