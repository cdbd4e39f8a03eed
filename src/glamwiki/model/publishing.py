"""The closed sets of words publishing stores: a plan row's status, a file's state on a wiki, and
the phase of a journal entry. The values are the text the store holds and the reports print."""

from __future__ import annotations

from enum import StrEnum


class PlanStatus(StrEnum):
    """What ``publish plan`` decided for one image of one record."""

    PLANNED = "planned"
    BLOCKED = "blocked"
    UNPLANNABLE = "unplannable"
    HELD = "held"  # planned page, but held back: only a small image, or a date that cannot be right


class FileStatus(StrEnum):
    """The life of one file on one wiki (see ``glamwiki.publishing.journal``)."""

    PENDING = "pending"
    FETCHED = "fetched"
    READY = "ready"
    UPLOADING = "uploading"
    STASHED = "stashed"
    UPLOADED = "uploaded"
    DONE = "done"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    BLOCKED = "blocked"
    HELD = "held"  # the downloaded image is smaller than ``min_long_side``: never sent


# The states that end a file's life on a wiki: a run never takes such a file again (the journal, job claims).
TERMINAL_STATES = frozenset(
    {FileStatus.DONE, FileStatus.DUPLICATE, FileStatus.FAILED, FileStatus.BLOCKED, FileStatus.HELD}
)


class JournalPhase(StrEnum):
    """A journal entry is written ``before`` a step touches the wiki and ``after`` it has."""

    BEFORE = "before"
    AFTER = "after"
    ERROR = "error"  # the step failed; the entry holds the (scrubbed) message
