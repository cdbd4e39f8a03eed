"""``publish run`` as a job that claims its files (docs/adr/0008): two runs on one project share the
planned files and never send the same one; progress and a cancel request go through the store."""

from __future__ import annotations

import time
from collections.abc import Iterator

from glamwiki.scrub import scrub
from glamwiki.store import Store, jobs

CLAIM_BATCH = 10  # files claimed at a time: a cancel request is honoured between two such batches
BEAT_EVERY = 30.0  # seconds: at most this long without a heartbeat while a run is alive (stale after 15 min)


class ClaimedWork:
    """The job of one run: its claims, its progress, and how it ended."""

    def __init__(self, store: Store, target: str, approved_only: bool, job_id: int | None = None) -> None:
        self.store = store
        self.target = target
        self.approved_only = approved_only
        params = {"target": target, "approved_only": approved_only}
        jobs.reap_dead(store)  # a run killed before: its claims are free at once, not after 15 minutes
        open_now = len(jobs.open_files(store, target, approved_only))
        self.job_id = job_id if job_id is not None else jobs.start(store, "publish", params, open_now)
        if job_id is not None:
            jobs.mark_running(store, job_id)
            jobs.progress(store, job_id, 0, open_now)
        self.tried: set[int] = set()
        self.last = 0  # the highest item id claimed: the next claim reads on from there
        self.done = 0
        self.cancelled = False
        self._beaten = time.monotonic()

    def batches(self, limit: int | None) -> Iterator[list[int]]:
        """Claimed files, a batch at a time, until none is left, ``limit`` is reached or a cancel is asked."""
        while True:
            if jobs.cancel_requested(self.store, self.job_id):
                self.cancelled = True
                return
            n = CLAIM_BATCH if limit is None else min(CLAIM_BATCH, limit - len(self.tried))
            if n <= 0:
                return
            got = self._claim(n, self.last) or self._claim(n, 0)  # then what a dead run left behind
            if not got:
                return
            self.tried.update(got)
            self.last = max(self.last, *got)
            yield got

    def _claim(self, n: int, after: int) -> list[int]:
        return jobs.claim_items(self.store, self.job_id, n, scope=self.target, approved_only=self.approved_only,
                                after=after)  # fmt: skip

    def advance(self) -> None:
        self.done += 1
        self._beaten = time.monotonic()
        jobs.progress(self.store, self.job_id, self.done)

    def beat(self) -> None:
        """Tell that this run is alive (a large file's chunks, a long wait) so its claims are not taken over."""
        if time.monotonic() - self._beaten >= BEAT_EVERY:
            self._beaten = time.monotonic()
            jobs.progress(self.store, self.job_id, self.done)

    def left(self) -> tuple[int, int, int]:
        """(tried and unfinished, not tried, awaiting approval) among the planned files now."""
        left = set(jobs.open_files(self.store, self.target, self.approved_only))
        awaiting = len(jobs.open_files(self.store, self.target)) - len(left) if self.approved_only else 0
        return len(left & self.tried), len(left - self.tried), awaiting

    def end(self, error: BaseException | None = None) -> None:
        if error is not None:
            status, message = jobs.FAILED, scrub(f"{type(error).__name__}: {error}")
        elif self.cancelled:
            status, message = jobs.CANCELLED, f"cancelled after {self.done:,} files; run again to go on"
        else:
            status, message = jobs.DONE, f"{self.done:,} files"
        jobs.finish(self.store, self.job_id, status, message)
