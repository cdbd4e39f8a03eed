"""``publish run``: every planned file to the target wiki, resumable at any point from the journal."""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from glamwiki.locks import exclusive
from glamwiki.publishing import journal as j
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.claimed import ClaimedWork
from glamwiki.publishing.errors import (
    ApiError,
    AssertFailed,
    MaxLag,
    PublishError,
    RateLimited,
    ReadOnly,
    TransientError,
    Unreachable,
)
from glamwiki.publishing.structured import StructuredData
from glamwiki.publishing.upload import CATEGORY_NOTE, FileUploader, UploadSettings
from glamwiki.scrub import scrub
from glamwiki.store import Store, approvals, jobs
from glamwiki.store import publishing as db

PAGE_BATCH = 50


@dataclass
class RunOptions:
    structured_data: bool = True
    limit: int | None = None  # at most this many files this run (a test run of 5-20 edits first)
    attempts: int = 6  # unanswered tries of one step before leaving the file for the next run
    approved_only: bool = False  # [publishing] require_approval: only files approved (`publish approve`)
    upload: UploadSettings = field(default_factory=UploadSettings)


@dataclass
class RunSummary:
    batch: str
    outcomes: Counter[str] = field(default_factory=Counter)
    unfinished: int = 0
    later: int = 0  # not tried this time because of --limit
    awaiting_approval: int = 0  # not sent: not approved (with [publishing] require_approval)
    job: int | None = None  # the job of this run (`glamwiki jobs show`)
    cancelled: bool = False  # stopped by `glamwiki jobs cancel` (work so far kept)
    seconds: float = 0.0
    requests: int = 0
    notes: list[str] = field(default_factory=list)


def batch_id(store: Store, target: str) -> str:
    """The batch of unfinished files on this target, else the plan's (one batch id per plan, kept
    across ``--limit`` runs), else a new id. It tags every edit summary and page."""
    fresh = f"gw-{datetime.now(UTC):%Y%m%d}-{secrets.token_hex(3)}"
    return db.unfinished_batch(store, target) or db.plan_batch(store) or fresh


def refuse_partial_plan(store: Store, allowed: bool = False) -> None:
    """An interrupted ``publish plan`` left a partial plan: refuse to upload from it unless allowed."""
    last = db.last_plan_run(store)
    if last is not None and last.partial and not allowed:
        raise PublishError(
            f"The last `publish plan` (batch {last.batch}, started {last.started_at}) did not finish: "
            f"{last.done:,} of {last.total:,} records were planned. Run `glamwiki publish plan` again, "
            "or pass --allow-partial-plan to upload what was planned."
        )


def planned_ids(store: Store) -> list[int]:
    return db.planned_item_ids(store)


def get_item(store: Store, item_id: int) -> db.PlanItem:
    item = db.get_plan_item(store, item_id)
    assert item is not None
    return item


class Runner:
    def __init__(self, store: Store, client: ApiClient, options: RunOptions | None = None) -> None:
        self.store = store
        self.client = client
        self.options = options or RunOptions()
        self.target = client.api_url
        self.summary = RunSummary(batch_id(store, self.target))
        self.uploader = FileUploader(client, store, self.target, self.summary.batch, self.options.upload)
        self.sdc = StructuredData(client)
        self.waiting: list[tuple[db.PlanItem, db.FileState]] = []
        self.notify: Callable[[str], None] = lambda _: None
        self.beat: Callable[[], None] = lambda: None  # "still alive" to the job, between the steps of a file

    def run(
        self,
        progress: Callable[[int], None] | None = None,
        notify: Callable[[str], None] | None = None,
        item_ids: list[int] | None = None,
        job_id: int | None = None,
    ) -> RunSummary:
        """Drive every planned file on (or only ``item_ids``, e.g. one book); ``notify`` hears of each
        wait before a retry, so a long backoff is never silent.

        Every planned file: as a job (``job_id``, else a new one) that claims its files, so runs at
        once share them (docs/adr/0008). Only ``item_ids``: one such run at a time in the project."""
        if item_ids is None:
            return self._run_claimed(progress, notify, job_id)
        with exclusive(self.store, "publish", "publishing run"):  # two runs at once could send a file twice
            return self._run(progress, notify, item_ids)

    def _run_claimed(
        self, progress: Callable[[int], None] | None, notify: Callable[[str], None] | None, job_id: int | None
    ) -> RunSummary:
        self._hear(notify)
        started = time.monotonic()
        self.uploader.settings.taken |= {t.lower() for t in db.plan_titles(self.store)}
        work = ClaimedWork(self.store, self.target, self.options.approved_only, job_id)
        self.summary.job, self.beat = work.job_id, work.beat
        if progress:
            progress(len(planned_ids(self.store)) - len(jobs.open_files(self.store, self.target)))
        try:
            for batch in work.batches(self.options.limit):
                for item_id in batch:
                    item = get_item(self.store, item_id)
                    state = self.uploader.state_of(item)
                    if state.state not in j.TERMINAL:
                        self._drive(item, state)
                    work.advance()
                    if progress:
                        progress(1)
            self._finish()
        except BaseException as exc:
            work.end(exc)
            raise
        counts = db.state_counts(self.store, self.target)
        self.summary.outcomes = Counter({k: v for k, v in counts.items() if k in j.TERMINAL})
        self.summary.unfinished, self.summary.later, self.summary.awaiting_approval = work.left()
        self.summary.cancelled = work.cancelled
        self.summary.seconds = time.monotonic() - started
        self.summary.requests = self.client.requests
        work.end()
        return self.summary

    def _hear(self, notify: Callable[[str], None] | None) -> None:
        heard = notify or (lambda _: None)
        self.notify = lambda note: heard(scrub(note))  # notes quote errors, which may quote a server

    def _run(
        self, progress: Callable[[int], None] | None, notify: Callable[[str], None] | None, item_ids: list[int] | None
    ) -> RunSummary:
        self._hear(notify)
        started = time.monotonic()
        self.uploader.settings.taken |= {t.lower() for t in db.plan_titles(self.store)}
        sent = 0
        wanted = planned_ids(self.store) if item_ids is None else item_ids
        if self.options.approved_only:
            approved = approvals.approved_item_ids(self.store)
            self.summary.awaiting_approval = sum(1 for i in wanted if i not in approved and not self._ended(i))
            wanted = [i for i in wanted if i in approved]
        for item_id in wanted:
            item = get_item(self.store, item_id)
            state = self.uploader.state_of(item)
            if state.state not in j.TERMINAL:
                if self.options.limit is not None and sent >= self.options.limit:
                    self.summary.later += 1
                    continue
                sent += 1
                self._drive(item, state)
            if progress:
                progress(1)
        self._finish()
        counts = db.state_counts(self.store, self.target)
        self.summary.outcomes = Counter({k: v for k, v in counts.items() if k in j.TERMINAL})
        if item_ids is None:
            left = len(planned_ids(self.store)) - sum(self.summary.outcomes.values())
        else:
            states = [db.get_state(self.store, self.target, i) for i in item_ids]
            left = sum(1 for st in states if st is None or st.state not in j.TERMINAL)
        # tried and not finished (a --limit or a file awaiting approval is not a failure)
        self.summary.unfinished = left - self.summary.later - self.summary.awaiting_approval
        self.summary.seconds = time.monotonic() - started
        self.summary.requests = self.client.requests
        return self.summary

    def _ended(self, item_id: int) -> bool:
        state = db.get_state(self.store, self.target, item_id)
        return state is not None and state.state in j.TERMINAL

    def _drive(self, item: db.PlanItem, state: db.FileState) -> None:
        attempt = 0
        while state.state not in j.TERMINAL and state.state != j.UPLOADED:
            try:
                self.uploader.advance(item, state)
                self.beat()
                attempt = 0
            except (TransientError, MaxLag, RateLimited, ReadOnly) as exc:
                attempt += 1
                if attempt >= self.options.attempts:
                    self._leave(state, f"{exc} Run `glamwiki publish run` again to go on.")
                    return
                e = self.client.etiquette
                wait = e.backoff(e.transient_wait, attempt)
                self.notify(
                    f"{item.record_id}: {exc} Waiting {wait:.0f} s (try {attempt + 1} of {self.options.attempts})."
                )
                e.sleep(wait)
                self.beat()
                fresh = db.get_state(self.store, state.target, state.item_id)
                if fresh:
                    state.__dict__.update(fresh.__dict__)
            except Unreachable as exc:  # waiting will not mend it: no backoff, left for the next run
                self._leave(state, f"{exc} Run `glamwiki publish run` again when it can be reached.")
                return
            except AssertFailed:
                raise  # logged out and logging in again did not help: stop the run, not each file
            except ApiError as exc:
                j.fail(self.store, state, state.state, f"The wiki refused it: {exc.code}: {exc.info}")
        if state.state == j.UPLOADED:
            self.waiting.append((item, state))
            if len(self.waiting) >= PAGE_BATCH:
                self._finish()

    def _leave(self, state: db.FileState, message: str) -> None:
        state.message = scrub(message)
        state.attempts += 1
        db.put_state(self.store, state)

    def _finish(self) -> None:
        """Page ids in bulk for uploaded files, then their structured data."""
        waiting, self.waiting = self.waiting, []
        if not waiting:
            return
        try:
            pages = self.uploader.preflight.page_ids([s.title or "" for _, s in waiting])
        except TransientError as exc:
            self.summary.notes.append(str(exc))
            return
        for item, state in waiting:
            if state.title in pages:
                state.page_id, state.revision = pages[state.title]
                j.done(self.store, state, "page", {"page_id": state.page_id, "revision": state.revision})
                self._structured(item, state)

    def _structured(self, item: db.PlanItem, state: db.FileState) -> None:
        data = item.sdc_data
        mid = f"M{state.page_id}"
        try:
            if not (self.options.structured_data and data.get("claims") and self.sdc.supported()):
                state.state = j.DONE
                state.message = _with_note(
                    state, "structured data not written (the wiki has no WikibaseMediaInfo, or turned off)"
                )
                return j.done(self.store, state, "sdc", {"skipped": True, "page_id": state.page_id})
            revision = self.sdc.already_written(mid, data) if j.unfinished_write(self.store, state, "sdc") else None
            if revision is None:
                j.begin(self.store, state, "sdc", {"mid": mid})
                revision = self.sdc.write(
                    mid, data, f"Structured data for {item.record_id} (glamwiki batch {self.summary.batch})"
                )
        except TransientError as exc:
            self._leave(state, f"{exc} Run `glamwiki publish run` again to add the structured data.")
            return
        except ApiError as exc:
            state.message = f"structured data refused: {exc.code}: {exc.info}"
            state.state = j.DONE
            return j.done(self.store, state, "sdc", {"error": exc.code})
        state.state, state.revision, state.message = j.DONE, revision or state.revision, _with_note(state, None)
        j.done(self.store, state, "sdc", {"mid": mid, "revision": revision})


def _with_note(state: db.FileState, message: str | None) -> str | None:
    """Keep the pre-flight's note of categories the wiki lacks next to the final message."""
    note = state.message if state.message and state.message.startswith(CATEGORY_NOTE) else None
    return "; ".join(m for m in (note, message) if m) or None
