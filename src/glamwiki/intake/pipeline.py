"""Reading and writing on both cores: a forked producer reads, maps and encodes records while
the ingest process writes them to the store.

The producer sends batches of already-encoded records (bytes and small tuples) through a pipe,
so the hand-over is cheap. Small files, URLs, and systems without ``fork`` are read in-process;
either way the ingest sees the same stream of items.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing as mp
import os
import signal
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from glamwiki.errors import GlamwikiError, IntakeFileError
from glamwiki.intake.base import ERROR, Issue, Item, ReadContext
from glamwiki.model.codec import encode
from glamwiki.model.records import ObjectRecord
from glamwiki.store.records import digest

PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # below this, forking costs more than it saves
BATCH = 1000
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Encoded(NamedTuple):
    kind: str
    local_id: str
    data: bytes
    hash: bytes
    locator: str
    warnings: list[Issue]


Produced = Encoded | Issue
Source = Callable[[ReadContext], Iterator[Item]]


class ReaderCrashed(GlamwikiError):
    """The reader failed in a way it did not report as an input problem."""


def encoded_items(read: Source, ctx: ReadContext) -> Iterator[Produced]:
    """Items of a source with records encoded; a whole-file problem becomes one Issue."""
    try:
        for item in read(ctx):
            if isinstance(item, Issue):
                yield item
                continue
            record, data = item.record, encode(item.record)
            kind = "object" if isinstance(record, ObjectRecord) else "person"
            yield Encoded(kind, record.id, data, digest(data), item.locator, item.warnings)
    except IntakeFileError as exc:
        yield Issue(ctx.display, "", "", str(exc), getattr(exc, "severity", ERROR))


def produce(read: Source, ctx: ReadContext, parallel: bool | None = None) -> Iterator[Produced]:
    """The encoded items of a source, read in a forked process when that pays."""
    if parallel is None:
        parallel = _worth_forking(ctx.path)
    if not parallel or "fork" not in mp.get_all_start_methods():
        yield from encoded_items(read, ctx)
        return
    yield from _from_child(read, ctx)


def _worth_forking(path: str) -> bool:
    try:
        return Path(path).stat().st_size >= PARALLEL_MIN_BYTES
    except OSError:
        return False  # a URL or a missing file: read in-process, where errors are simplest


def _from_child(read: Source, ctx: ReadContext) -> Iterator[Produced]:
    parent_end, child_end = mp.get_context("fork").Pipe(duplex=False)
    child = mp.get_context("fork").Process(target=_child, args=(read, ctx, child_end, os.getpid()), daemon=True)
    child.start()
    child_end.close()
    try:
        while True:
            message = parent_end.recv()
            if message is None:
                return
            if isinstance(message, str):
                raise ReaderCrashed(f"Reading {ctx.display} failed: {message}")
            yield from message
    except EOFError:
        raise ReaderCrashed(f"The reader of {ctx.display} stopped without finishing; run the ingest again.") from None
    finally:
        if child.is_alive():
            child.terminate()
        child.join(timeout=5)
        parent_end.close()


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies, however it dies (prctl PR_SET_PDEATHSIG);
    if the parent is already gone, leave now. Elsewhere the child ends when its pipe breaks."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _child(read: Source, ctx: ReadContext, conn: Connection, parent: int) -> None:
    """In the forked process: send batches, then None; a crash is sent as its traceback text."""
    _die_with(parent)
    try:
        batch: list[Produced] = []
        for item in encoded_items(read, ctx):
            batch.append(item)
            if len(batch) >= BATCH:
                conn.send(batch)
                batch = []
        conn.send(batch)
        conn.send(None)
    except BaseException:
        conn.send(traceback.format_exc(limit=5))
    finally:
        conn.close()
        os._exit(0)  # never run the parent's clean-up (e.g. its database handles) in the child
