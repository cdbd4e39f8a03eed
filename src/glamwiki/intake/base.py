"""What every reader yields: records, or issues naming the file, row/record and field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glamwiki.model.records import Record

ERROR = "error"  # the record (or file) was not read
WARNING = "warning"  # the record was read; one value was dropped or is doubtful


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with the input. ``locator`` is "" for a problem with the whole file."""

    file: str
    locator: str
    field: str
    message: str
    severity: str = ERROR
    value: str | None = None

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, self.locator, self.field and f"field {self.field!r}") if p)
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Read:
    """A record and the warnings raised while building it; ``locator`` says where it was read."""

    record: Record
    locator: str
    warnings: list[Issue] = field(default_factory=list)


Item = Read | Issue
Reader = Callable[["ReadContext"], Iterator[Item]]


@dataclass(slots=True)
class ReadContext:
    """Everything a reader needs to know about one source."""

    path: str  # a file path, or a URL for network readers
    display: str  # how the source is named in messages (the file name as the user gave it)
    images_root: Path | None = None  # local image paths must stay inside this folder
    encoding: str = "utf-8"
    options: dict[str, object] = field(default_factory=dict)

    def issue(self, locator: str, fld: str, message: str, severity: str = ERROR, value: object = None) -> Issue:
        return Issue(self.display, locator, fld, message, severity, None if value is None else str(value)[:500])
