"""Opening files (plain or gzip) and decoding them line by line, so one bad byte costs one
row, not the file."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from glamwiki.errors import IntakeFileError

_GZIP_MAGIC = b"\x1f\x8b"


def open_binary(path: str | Path) -> BinaryIO:
    """Open a file for reading bytes, transparently un-gzipping it."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    except OSError as exc:
        raise IntakeFileError(f"Cannot open {path}: {exc.strerror}. Check the path.") from exc
    head = raw.peek(2)[:2] if isinstance(raw, io.BufferedReader) else b""
    if head == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


class DecodedLines:
    """Iterate decoded text lines; remember the lines that were not valid in the encoding.

    A line with bad bytes is decoded with U+FFFD replacement characters and its number is put
    in ``bad_lines`` so the reader can report the row and field it landed in.
    """

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8") -> None:
        self.stream = stream
        self.encoding = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        self.bad_lines: set[int] = set()
        self.line_no = 0

    def __iter__(self) -> Iterator[str]:
        first = True
        for raw in self.stream:
            self.line_no += 1
            encoding = self.encoding if first else self.encoding.replace("-sig", "")
            first = False
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError:
                self.bad_lines.add(self.line_no)
                yield raw.decode(encoding, errors="replace")
