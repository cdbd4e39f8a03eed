"""Writing one ingest run to the store: batches of records and issues, each batch in its own
transaction, with counts kept per run and added to the caller's summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields

from glamwiki.intake.base import ERROR, Issue
from glamwiki.intake.pipeline import Encoded
from glamwiki.model.runs import IngestStatus
from glamwiki.store import Store
from glamwiki.store.records import BatchOutcome, Pending, has_records, write_batch, write_new_batch
from glamwiki.store.runs import IssueRow, abandon_pending, add_issues, finish_run

BATCH_SIZE = 2000
KINDS = ("object", "person")


@dataclass(slots=True)
class Counts:
    objects: int = 0
    people: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: int = 0
    warnings: int = 0
    changed_fields: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        for name in ("objects", "people", "added", "changed", "unchanged", "errors", "warnings"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, n in other.changed_fields.items():
            self.changed_fields[key] = self.changed_fields.get(key, 0) + n

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(Counts)}


class RunWriter:
    def __init__(self, store: Store, run_id: int, dataset: str, display: str,
                 progress: Callable[[int], None] | None = None,
                 earlier: dict[int, str] | None = None) -> None:  # fmt: skip
        self.store, self.run_id, self.dataset, self.display, self.progress = store, run_id, dataset, display, progress
        self.earlier = earlier or {}  # runs of the same ingest (other files): run id -> file
        # Kinds the dataset had no record of when the run began take the fast insert path.
        self.fresh = {k for k in KINDS if not has_records(store, dataset, k)}
        self.counts = Counts()
        self.batch: list[Pending] = []
        self.issues: list[IssueRow] = []

    def encoded(self, item: Encoded) -> None:
        if item.kind == "object":
            self.counts.objects += 1
        else:
            self.counts.people += 1
        self.batch.append(Pending(item.kind, item.local_id, item.data, item.hash, item.locator))
        if item.warnings:
            self.issues.extend(_row(w) for w in item.warnings)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def issue(self, issue: Issue) -> None:
        self.issues.append(_row(issue))

    def flush(self) -> None:
        if not self.batch and not self.issues:
            return
        with self.store.transaction():
            for out in self._write():
                self._count(out)
            add_issues(self.store, self.run_id, self.issues)
        self.counts.errors += sum(1 for i in self.issues if i.severity == ERROR)
        self.counts.warnings += sum(1 for i in self.issues if i.severity != ERROR)
        if self.progress is not None:
            self.progress(len(self.batch))
        self.batch.clear()
        self.issues.clear()

    def finish(self, status: IngestStatus) -> None:
        self.flush()
        with self.store.transaction():
            finish_run(self.store, self.run_id, status, self.counts.as_dict())

    def finish_status_only(self, status: IngestStatus) -> None:
        """Mark the run without writing what is pending (when writing it is what failed)."""
        abandon_pending(self.store)
        with self.store.transaction():
            finish_run(self.store, self.run_id, status, self.counts.as_dict())

    def _write(self) -> list[BatchOutcome]:
        new = [p for p in self.batch if p.kind in self.fresh]
        old = [p for p in self.batch if p.kind not in self.fresh]
        outs = []
        if new:
            outs.append(write_new_batch(self.store, self.run_id, self.dataset, new))
        if old:
            outs.append(write_batch(self.store, self.run_id, self.dataset, old, self.earlier))
        return outs

    def _count(self, out: BatchOutcome) -> None:
        c = self.counts
        c.added, c.changed, c.unchanged = c.added + out.added, c.changed + out.changed, c.unchanged + out.unchanged
        for name, n in out.changed_fields.items():
            c.changed_fields[name] = c.changed_fields.get(name, 0) + n
        for p, why in out.duplicates:
            message = f"duplicate {p.kind} id {p.local_id!r}: {why}; this copy was skipped"
            self.issues.append(IssueRow(self.display, p.locator, "id", ERROR, message, p.local_id))


def _row(issue: Issue) -> IssueRow:
    return IssueRow(issue.file, issue.locator, issue.field, issue.severity, issue.message, issue.value)
