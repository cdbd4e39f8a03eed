"""What a sheet import reports when a row was decided by someone else since the sheet was exported."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Conflict:
    """One cell not applied: ``file``, ``row`` (as a spreadsheet numbers it) and ``field``, and why."""

    file: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field}: {self.message}"


@dataclass
class SheetImport:
    """How many decisions a sheet import recorded, and the cells it left because of a conflict."""

    applied: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def summary(self, what: str) -> str:
        """ "3 facts stored; 1 not applied because ...", each conflict on its own line."""
        text = f"{self.applied:,} {what}"
        if self.conflicts:
            text += f"; {len(self.conflicts):,} not applied because someone decided them since the sheet was exported:"
            text += "".join(f"\n  {c}" for c in self.conflicts)
        return text


def parse_version(text: str | None) -> int | None:
    """The version column of an exported sheet: an event id, or None when the sheet has none (older sheet)."""
    text = (text or "").strip().lstrip("'")
    return int(text) if text.isdigit() else None
