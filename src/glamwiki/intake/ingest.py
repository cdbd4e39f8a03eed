"""Ingest: read a source through its reader and write records, errors and changes to the store.

Records are written in batches, each in its own transaction, so an interrupted ingest keeps
every batch it finished; ingesting again updates in place and reports what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glamwiki.errors import ConfigError, IntakeFileError
from glamwiki.intake.base import ERROR, Issue, Item, Read, ReadContext
from glamwiki.intake.mapped import detect_format, read_mapped
from glamwiki.intake.mapping import Profile
from glamwiki.intake.registry import format_reader, sniff_reader
from glamwiki.model.codec import encode
from glamwiki.model.records import ObjectRecord
from glamwiki.store import Store
from glamwiki.store.records import Pending, digest, write_batch
from glamwiki.store.runs import IssueRow, add_issues, finish_run, start_run

BATCH_SIZE = 2000
Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestSummary:
    dataset: str
    files: list[str] = field(default_factory=list)
    run_ids: list[int] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    objects: int = 0
    people: int = 0
    errors: int = 0
    warnings: int = 0
    changed_fields: dict[str, int] = field(default_factory=dict)
    status: str = "done"

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


@dataclass(slots=True)
class Plan:
    """One file (or URL) and how to read it."""

    path: str
    reader_name: str
    read: Callable[[ReadContext], Iterator[Item]]


def plan_sources(source: str, profile: Profile | None, reader: str | None, fmt: str | None = None) -> list[Plan]:
    is_url = source.startswith(("http://", "https://"))
    path = Path(source)
    if not is_url and not path.exists():
        raise ConfigError(f"{source} does not exist. Give a file, a folder or an http(s) URL.")
    files = [source] if is_url or path.is_file() else [str(p) for p in sorted(path.iterdir()) if p.is_file()]
    plans = []
    for f in files:
        plan = _plan_one(f, profile, reader, fmt, single=len(files) == 1)
        if plan is not None:
            plans.append(plan)
    if not plans:
        raise ConfigError(f"Nothing in {source} matches the profile's file patterns or a known format.")
    return plans


def _plan_one(f: str, profile: Profile | None, reader: str | None, fmt: str | None, single: bool) -> Plan | None:
    name = Path(f).name
    if profile is not None:
        spec = profile.source_for(name)
        if spec is None or (not single and not spec.matches(name)):
            return None
        if any(j for j in spec.joins.values() if any(Path(name).match(m) for m in j.match)):
            return None
        chosen = fmt or spec.format or detect_format(f)
        if chosen is None:
            raise ConfigError(f"{f}: cannot tell the file format; set format in the mapping or pass --format.")
        return Plan(f, f"mapping:{profile.name}/{spec.name}", lambda ctx, s=spec, c=chosen: read_mapped(ctx, s, c))
    name_of_reader = reader or sniff_reader(f)
    if name_of_reader is None:
        if single:
            raise ConfigError(
                f"{f}: no mapping for this file. Pass --mapping FILE (start from "
                "`glamwiki profiles show generic`) or --profile NAME (`glamwiki profiles`)."
            )
        return None
    return Plan(f, name_of_reader, format_reader(name_of_reader))


def ingest(
    store: Store,
    source: str,
    *,
    dataset: str,
    profile: Profile | None = None,
    reader: str | None = None,
    fmt: str | None = None,
    images_root: Path | None = None,
    encoding: str = "utf-8",
    options: dict[str, object] | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    summary = IngestSummary(dataset=dataset)
    for plan in plan_sources(source, profile, reader, fmt):
        root = images_root or (None if plan.path.startswith("http") else Path(plan.path).resolve().parent)
        ctx = ReadContext(
            path=plan.path, display=plan.path, images_root=root, encoding=encoding, options=dict(options or {})
        )
        _ingest_one(store, plan, ctx, dataset, profile, summary, progress)
        if summary.status != "done":
            break
    return summary


def _ingest_one(
    store: Store,
    plan: Plan,
    ctx: ReadContext,
    dataset: str,
    profile: Profile | None,
    summary: IngestSummary,
    progress: Progress | None,
) -> None:
    with store.transaction():
        run_id = start_run(
            store, source=plan.path, reader=plan.reader_name, profile=profile.name if profile else None, dataset=dataset
        )
    summary.files.append(plan.path)
    summary.run_ids.append(run_id)
    batch: list[Pending] = []
    issues: list[IssueRow] = []
    status = "done"
    try:
        for item in plan.read(ctx):
            if isinstance(item, Issue):
                issues.append(_row(item))
            else:
                batch.append(_pending(item, summary))
                issues.extend(_row(w) for w in item.warnings)
                if len(batch) >= BATCH_SIZE:
                    _flush(store, run_id, dataset, batch, issues, summary, progress, ctx.display)
    except IntakeFileError as exc:
        issues.append(IssueRow(ctx.display, "", "", ERROR, str(exc)))
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        _flush(store, run_id, dataset, batch, issues, summary, progress, ctx.display)
        with store.transaction():
            finish_run(store, run_id, status, summary.as_dict())
        summary.status = status


def _pending(item: Read, summary: IngestSummary) -> Pending:
    record = item.record
    data = encode(record)
    if isinstance(record, ObjectRecord):
        summary.objects += 1
        kind = "object"
    else:
        summary.people += 1
        kind = "person"
    return Pending(kind, record.id, data, digest(data), item.locator)


def _row(issue: Issue) -> IssueRow:
    return IssueRow(issue.file, issue.locator, issue.field, issue.severity, issue.message, issue.value)


def _flush(
    store: Store,
    run_id: int,
    dataset: str,
    batch: list[Pending],
    issues: list[IssueRow],
    summary: IngestSummary,
    progress: Progress | None,
    display: str,
) -> None:
    if not batch and not issues:
        return
    with store.transaction():
        out = write_batch(store, run_id, dataset, batch) if batch else None
        if out is not None:
            for p, why in out.duplicates:
                issues.append(
                    IssueRow(
                        display,
                        p.locator,
                        "id",
                        ERROR,
                        f"duplicate {p.kind} id {p.local_id!r}: {why}; this copy was skipped",
                        p.local_id,
                    )
                )
        add_issues(store, run_id, issues)
    if out is not None:
        summary.added += out.added
        summary.changed += out.changed
        summary.unchanged += out.unchanged
        for name, n in out.changed_fields.items():
            summary.changed_fields[name] = summary.changed_fields.get(name, 0) + n
    summary.errors += sum(1 for i in issues if i.severity == ERROR)
    summary.warnings += sum(1 for i in issues if i.severity != ERROR)
    if progress is not None:
        progress(len(batch))
    batch.clear()
    issues.clear()
