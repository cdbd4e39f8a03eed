"""How an ingest run ended, as the store's ``ingest_runs.status`` holds it."""

from __future__ import annotations

from enum import StrEnum


class IngestStatus(StrEnum):
    RUNNING = "running"  # the column's default while the run goes on
    DONE = "done"
    INTERRUPTED = "interrupted"  # stopped by the user (Ctrl-C)
    FAILED = "failed"
    KILLED = "killed"  # never stored: a run left ``running`` by a process that no longer exists
