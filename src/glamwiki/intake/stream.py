"""Read a source without a project: records and issues as a stream, for commands such as
`glamwiki rights assess` and `glamwiki link match` that work straight from an export."""

from __future__ import annotations

from collections.abc import Iterator

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import ERROR, Issue, Item
from glamwiki.intake.ingest import plan_sources
from glamwiki.intake.mapping import Profile


def read_source(
    source: str,
    *,
    profile: Profile | None = None,
    reader: str | None = None,
    fmt: str | None = None,
    encoding: str = "utf-8",
    options: dict[str, object] | None = None,
) -> Iterator[Item]:
    """Every record (as ``Read``) and input problem (as ``Issue``) in ``source``, in file order.

    Streams: nothing is held but the current record and the readers' bounded caches."""
    for plan in plan_sources(source, profile, reader, fmt):
        ctx = plan.context(encoding, options)
        try:
            yield from plan.read(ctx)
        except IntakeFileError as exc:
            yield Issue(ctx.display, "", "", str(exc), getattr(exc, "severity", ERROR))
