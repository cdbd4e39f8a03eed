"""Functions the plan benchmark runs in fresh processes (see bench_plan.py)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

AS_OF = "2026-01-01"  # a fixed date: the same decisions, hence the same plan, in every run


def prepare(tate: str, folder: str) -> int:
    """A project holding the whole Tate export with its rights decisions, kept as ``pristine.db``
    (made once: ingest and rights take about a minute)."""
    root = Path(folder)
    pristine = root / "pristine.db"
    if not pristine.is_file():
        shutil.rmtree(root, ignore_errors=True)
        root.parent.mkdir(parents=True, exist_ok=True)
        steps = (["init", str(root), "--institution", "Tate"], ["ingest", tate, "--profile", "tate"],
                 ["rights", "--as-of", AS_OF])  # fmt: skip
        for step in steps:
            cwd = root if step[0] != "init" else root.parent
            proc = subprocess.run([sys.executable, "-m", "glamwiki", *step], cwd=cwd, capture_output=True, text=True)
            if proc.returncode not in (0, 3):
                raise RuntimeError(f"glamwiki {step[0]} failed: {proc.stderr[-2000:]}")
        shutil.copyfile(root / "glamwiki.db", pristine)
    return 1


def _fresh(folder: str) -> Path:
    root = Path(folder)
    for suffix in ("", "-wal", "-shm"):
        (root / f"glamwiki.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(root / "pristine.db", root / "glamwiki.db")
    return root


def plan_digest(store: Any, batch: str) -> str:
    """SHA-256 over every plan row's page, title, structured data and rights, the batch id blanked. Computed
    after the plan is timed; it streams, so the peak memory reported is the plan's."""
    from glamwiki.store import publishing as db

    h = hashlib.sha256()
    for i in db.iter_plan(store):  # streamed, in item order (the records' order): constant memory
        fields = (i.dataset, i.record_id, i.image_index, i.status, i.source_kind, i.source, i.title, i.wikitext,
                  i.sdc, i.rights, i.notes)  # fmt: skip
        h.update(repr(fields).replace(batch, "BATCH").encode())
    return h.hexdigest()


def plan(folder: str) -> dict[str, Any]:
    """What `glamwiki publish plan` does in the project (its settings, its store), on a fresh copy."""
    from glamwiki.project import find_project
    from glamwiki.publishing.plan import build_plan
    from glamwiki.publishing.settings import plan_settings

    project = find_project(_fresh(folder))
    settings = plan_settings(project.config)
    cpu, wall = time.process_time(), time.perf_counter()
    with project.open_store() as store:
        before = sum(store.statements.values())
        summary = build_plan(store, settings)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        statements = sum(store.statements.values()) - before  # one executemany is one
        digest = plan_digest(store, summary.batch)
    files = summary.planned + summary.held
    return {"items": files, "extra": {"statements": statements, "digest": digest, "blocked": summary.blocked,
                                      "unplannable": summary.unplannable, "cpu_seconds": cpu,
                                      "plan_seconds": wall}}  # fmt: skip


def bare(folder: str) -> int:
    """The floor: read the same records and decisions, and write one row of comparable size per record
    with one executemany per 500 (no titles, no pages, no structured data)."""
    import json

    import msgspec

    from glamwiki.project import find_project
    from glamwiki.store.plan_inputs import objects_with_decisions

    project = find_project(_fresh(folder))
    sql = "INSERT INTO publish_plan(dataset, record_id, image_index, status, wikitext, sdc) VALUES (?, ?, ?, ?, ?, ?)"
    n, batch = 0, []
    with project.open_store() as store:
        for dataset, record, decision in objects_with_decisions(store):
            text = msgspec.json.encode(record).decode()
            batch.append((dataset, record.id, 0, "planned", text, json.dumps(msgspec.to_builtins(decision))))
            if len(batch) >= 500:
                with store.transaction():
                    store.executemany(sql, batch)
                n, batch = n + len(batch), []
        with store.transaction():
            store.executemany(sql, batch)
    return n + len(batch)


def command(folder: str) -> dict[str, Any]:
    """`glamwiki publish plan` as a user runs it (a new process: start, imports, the plan), on a fresh copy;
    the copy of the store is made before the clock starts."""
    root = _fresh(folder)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "glamwiki", "publish", "plan"], cwd=root, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"glamwiki publish plan failed: {proc.stderr[-2000:]}")
    return {"items": 0, "extra": {"command_seconds": seconds}}
