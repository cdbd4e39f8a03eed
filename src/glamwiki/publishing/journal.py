"""The life of one file on one wiki, as states in the store's journal.

pending -> fetched -> ready -> (uploading ->) stashed -> uploaded -> done
with the terminal outcomes duplicate, failed, held (the downloaded image is smaller than the
``min_long_side`` setting: never sent) and blocked (records the rights stage held back).
Each step writes a ``before`` entry, does its one thing, then writes ``after`` and the new state
in one transaction — so a run killed at any point is resumed from the last state, and a step whose
``before`` has no ``after`` is checked against the wiki before it is done again.
"""

from __future__ import annotations

from typing import Any

from glamwiki.model.publishing import TERMINAL_STATES, FileStatus, JournalPhase
from glamwiki.scrub import scrub
from glamwiki.store import Store
from glamwiki.store import publishing as db

PENDING = FileStatus.PENDING
FETCHED = FileStatus.FETCHED
READY = FileStatus.READY
UPLOADING = FileStatus.UPLOADING
STASHED = FileStatus.STASHED
UPLOADED = FileStatus.UPLOADED
DONE = FileStatus.DONE
DUPLICATE = FileStatus.DUPLICATE
FAILED = FileStatus.FAILED
BLOCKED = FileStatus.BLOCKED
HELD = FileStatus.HELD
TERMINAL = TERMINAL_STATES
OUTCOMES: dict[str, str] = {DONE: "uploaded", DUPLICATE: "duplicate-of", FAILED: "failed", BLOCKED: "blocked-by-rights",
            HELD: "held-small-image"}  # fmt: skip


def unfinished_write(store: Store, state: db.FileState, step: str) -> bool:
    """True when the last journal entry of ``step`` for this file is its ``before``: the write may
    have reached the wiki without its answer being recorded."""
    return db.last_journal_phase(store, state.target, state.item_id, step) == "before"


def begin(store: Store, state: db.FileState, step: str, data: dict[str, Any] | None = None) -> None:
    db.journal(store, state, step, JournalPhase.BEFORE, data)


def done(store: Store, state: db.FileState, step: str, data: dict[str, Any] | None = None) -> None:
    db.record_step(store, state, step, data)


def fail(store: Store, state: db.FileState, step: str, message: str, new_state: FileStatus = FAILED) -> None:
    state.state = new_state
    message = scrub(message)  # a server's words may quote a secret
    state.message = message
    with store.transaction():
        db.journal(store, state, step, JournalPhase.ERROR, {"message": message})
        db.put_state(store, state)


def hold(store: Store, state: db.FileState, step: str, message: str) -> None:
    """End the file's run as ``held``: nothing is sent, the reason is journaled and kept as its message."""
    state.state, state.message = HELD, message
    done(store, state, step, {"held": message})
