"""Decompress a dump file as a stream of Arrow batches of raw lines (constant memory).

Decompression runs in a child process (``bzip2 -dc`` / ``gzip -dc``) when the tool is on the
PATH, so it overlaps with parsing on another core; otherwise Python's bz2/gzip modules.
Lines that are not UTF-8 are decoded with U+FFFD (the plan then counts them as malformed).
Lines holding the reader's internal delimiter (U+001F) are counted here as malformed.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal, cast

import pyarrow as pa
import pyarrow.csv as pacsv

from glamwiki.reach.errors import DumpFileError

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

SCHEMA = pa.schema([("line", pa.string())])
BLOCK = 4 << 20  # 4 MiB of text per batch
PIPE_BYTES = 1 << 20  # Linux's default /proc/sys/fs/pipe-max-size


class LineCounter:
    def __init__(self) -> None:
        self.rejected = 0

    def __call__(self, row: object) -> Literal["skip"]:
        self.rejected += 1
        return "skip"


@contextmanager
def decompressed(path: Path, compression: str) -> Iterator[IO[bytes]]:
    if not path.is_file():
        raise DumpFileError(f"{path} does not exist. Give the path of a downloaded dump file.")
    tool = {"bz2": "bzip2", "gz": "gzip"}.get(compression)
    exe = shutil.which(tool) if tool else None
    if exe:
        command = [exe, "-dc", str(path)]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=1 << 20)
        assert proc.stdout is not None
        _widen_pipe(proc.stdout)
        try:
            yield proc.stdout
        finally:
            proc.stdout.close()
            code = proc.wait()
        if code not in (0, -13):  # -13: we stopped reading early (SIGPIPE)
            raise DumpFileError(f"{path} is not a valid {compression} file ({tool} exit {code}). Download it again.")
        return
    opener = bz2.open if compression == "bz2" else gzip.open
    with opener(path, "rb") as fh:
        yield cast(IO[bytes], fh)  # a BZ2File / GzipFile reads bytes; typeshed does not call it IO[bytes]


def _widen_pipe(pipe: IO[bytes]) -> None:
    """Let the decompressor run up to 1 MiB ahead of the parser (Linux pipes hold 64 KiB by default,
    so it stalls whenever DuckDB works on a batch); elsewhere, or above the system's limit, keep it."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", 1031) if fcntl is not None and sys.platform == "linux" else None
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), set_size, PIPE_BYTES)


def batches(stream: IO[bytes], counter: LineCounter) -> Iterator[pa.RecordBatch]:
    try:
        reader = pacsv.open_csv(
            stream,
            read_options=pacsv.ReadOptions(column_names=["line"], block_size=BLOCK, use_threads=True),
            parse_options=pacsv.ParseOptions(
                delimiter="\x1f", quote_char=False, escape_char=False, invalid_row_handler=counter
            ),
            convert_options=pacsv.ConvertOptions(column_types={"line": pa.binary()}, strings_can_be_null=False),
        )
    except pa.ArrowInvalid as exc:
        if "Empty CSV" in str(exc):
            return  # nothing decompressed (empty, or not compressed as published: reported on close)
        raise
    for batch in reader:
        column = batch.column(0)
        try:
            text = column.cast(pa.string())
        except pa.ArrowInvalid:  # some bytes are not UTF-8: the rare slow path
            text = pa.array([(v or b"").decode("utf-8", "replace") for v in column.to_pylist()], pa.string())
        yield pa.RecordBatch.from_arrays([text], schema=SCHEMA)


def line_reader(stream: IO[bytes], counter: LineCounter) -> pa.RecordBatchReader:
    return pa.RecordBatchReader.from_batches(SCHEMA, batches(stream, counter))
