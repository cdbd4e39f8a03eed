"""The worker: claims the oldest queued job (``jobs.claim_next``), runs it by kind, one at a time,
with a heartbeat while it works; ``stop()`` (SIGTERM, Ctrl-C, the web server shutting down) asks the
current job to stop at its next batch boundary, so it ends cancelled and can be run again."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence

from glamwiki.scrub import scrub
from glamwiki.store import Store, jobs
from glamwiki.worker.kinds import KINDS, RUNNERS
from glamwiki.worker.setup import Setup

log = logging.getLogger(__name__)
POLL = 2.0  # seconds between two looks for a queued job when there is none
BEAT = 60.0  # seconds between two heartbeats of a job whose stage writes no progress meanwhile


class Worker:
    def __init__(self, setup: Setup, kinds: Sequence[str] = (), name: str | None = None, poll: float = POLL,
                 beat: float = BEAT) -> None:  # fmt: skip
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown:
            from glamwiki.errors import ConfigError

            raise ConfigError(f"no such job kind: {', '.join(unknown)} (known: {', '.join(KINDS)})")
        self.setup = setup
        self.kinds = tuple(kinds) or KINDS
        self.name = name or jobs.this_worker()
        self.poll = poll
        self.beat = beat
        self.stopping = threading.Event()
        self.current: int | None = None
        self.finished: list[int] = []  # the jobs this worker ran, in order

    def _store(self) -> Store:
        return self.setup.project.open_store()

    def run_next(self) -> jobs.Job | None:
        """Claim and run the oldest queued job of this worker's kinds; None when there was none."""
        with self._store() as store:
            if not jobs.list_jobs(store, jobs.QUEUED, 1):  # a read: an idle worker takes no write lock
                return None
            job = jobs.claim_next(store, self.name, self.kinds)
            if job is None:
                return None
            self.current = job.id
            ended = threading.Event()
            beating = threading.Thread(target=self._heartbeat, args=(job.id, ended), daemon=True)
            beating.start()
            try:
                run_job(store, job, self.setup)
            finally:
                self.current = None
                ended.set()
                beating.join()
            self.finished.append(job.id)
            return jobs.get(store, job.id)

    def run_queued(self) -> int:
        """Every queued job, then return how many ran (``glamwiki worker --once``)."""
        n = 0
        while not self.stopping.is_set() and self.run_next() is not None:
            n += 1
        return n

    def serve(self) -> None:
        """Run queued jobs as they come until ``stop()``."""
        while not self.stopping.is_set():
            try:
                ran = self.run_next()
            except Exception as exc:  # a store that is busy or gone for a while: try again later
                log.warning("worker: %s", scrub(str(exc)))
                ran = None
            if ran is None:
                self.stopping.wait(self.poll)

    def stop(self) -> None:
        """Stop taking jobs; the current one is asked to stop at its next batch boundary (resumable)."""
        self.stopping.set()

    def _heartbeat(self, job_id: int, ended: threading.Event) -> None:
        """Beat while the job runs; once the worker is stopping, ask the job to stop (resumable). Its own
        connection: the stage may hold the job's connection in a long transaction."""
        asked, last = False, time.monotonic()
        while not ended.wait(0.2):
            if self.stopping.is_set() and not asked:
                asked = self._ask(job_id, jobs.request_cancel)
            elif time.monotonic() - last >= self.beat:
                last = time.monotonic()
                self._ask(job_id, jobs.heartbeat)

    def _ask(self, job_id: int, what: Callable[[Store, int], object]) -> bool:
        try:
            with self._store() as store:
                what(store, job_id)
            return True
        except Exception as exc:  # busy: the next beat will do
            log.warning("worker heartbeat of job %s: %s", job_id, scrub(str(exc)))
            return False


def run_job(store: Store, job: jobs.Job, setup: Setup) -> None:
    """Run one claimed job by kind; whatever stops it early leaves it failed with the reason (scrubbed)
    unless its stage already ended it (done, cancelled, failed)."""
    try:
        runner = RUNNERS.get(job.kind)
        if runner is None:
            from glamwiki.errors import ConfigError

            raise ConfigError(f"this worker cannot run jobs of kind {job.kind!r}")
        runner(store, job, setup)
    except BaseException as exc:
        _fail(store, job.id, exc)
        if not isinstance(exc, Exception):
            raise
        log.warning("job %s (%s) failed: %s", job.id, job.kind, scrub(str(exc)))


def _fail(store: Store, job_id: int, exc: BaseException) -> None:
    watch = jobs.watcher(store)
    try:
        if jobs.get(watch, job_id).status == jobs.RUNNING:
            jobs.finish(watch, job_id, jobs.FAILED, scrub(f"{type(exc).__name__}: {exc}")[:1000])
    finally:
        if watch is not store:
            watch.close()


def in_thread(worker: Worker) -> threading.Thread:
    """The worker serving in a daemon thread of this process (``glamwiki web``'s embedded default);
    ``worker.stop()`` then ``join`` ends it."""
    thread = threading.Thread(target=worker.serve, name="glamwiki-worker", daemon=True)
    thread.start()
    return thread
