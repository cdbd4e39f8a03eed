"""What every reader yields: records, or issues naming the file, row/record and field."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from glamwiki.errors import ConfigError
from glamwiki.model.records import Record

Severity = Literal["error", "warning"]  # as ingest_errors.severity holds it
ERROR: Severity = "error"  # the record (or file) was not read
WARNING: Severity = "warning"  # the record was read; one value was dropped or is doubtful


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with the input. ``locator`` is "" for a problem with the whole file."""

    file: str
    locator: str
    field: str
    message: str
    severity: Severity = ERROR
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

    def issue(self, locator: str, fld: str, message: str, severity: Severity = ERROR, value: object = None) -> Issue:
        return Issue(self.display, locator, fld, message, severity, None if value is None else str(value)[:500])

    def int_option(self, name: str, default: int) -> int:
        return int(option_value(self.options, name, default))


def option_value(options: Mapping[str, object], name: str, default: float) -> float | str:
    """A reader option that must be a number (or its text); the default when it is absent or empty."""
    value = options.get(name) or default
    if isinstance(value, int | float | str):
        return value
    raise ConfigError(f"Reader option {name!r} must be a number, not {value!r}.")
