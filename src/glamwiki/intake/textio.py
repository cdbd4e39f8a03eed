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
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]  # reads bytes like BinaryIO
    return raw


_SINGLE_BYTE = ("latin", "iso-8859", "iso8859", "cp125", "windows-125", "8859")


def single_byte(encoding: str) -> bool:
    """True for the single-byte Latin encodings an export may declare (ISO-8859-x, cp125x)."""
    name = encoding.lower().replace("_", "-")
    return name.startswith(_SINGLE_BYTE) or name in ("l1", "cp819")


def _utf8_text(raw: bytes) -> bool:
    """True for bytes with non-ASCII characters that are valid UTF-8 (in a single-byte file, a
    sequence like "Ã©" is far likelier UTF-8 mislabelled than meant)."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def mismatch_note(lines: DecodedLines, encoding: str) -> str | None:
    """A message when a file declared in a single-byte encoding turned out to hold UTF-8."""
    if not lines.utf8_lines:
        return None
    first = ", ".join(map(str, lines.utf8_lines[:5]))
    return (
        f"the file was declared {encoding} but {len(lines.utf8_lines):,} line(s) are UTF-8 (lines {first}"
        f"{', ...' if len(lines.utf8_lines) > 5 else ''}); they were read as UTF-8. Check the export, and pass "
        "--encoding utf-8 if the whole file is UTF-8."
    )


class DecodedLines:
    """Iterate decoded text lines; remember the lines that were not valid in the encoding.

    A line with bad bytes is decoded with U+FFFD replacement characters and its number is put
    in ``bad_lines`` so the reader can report the row and field it landed in.
    """

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8") -> None:
        self.stream = stream
        self.encoding = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        self.bad_lines: set[int] = set()
        self.utf8_lines: list[int] = []  # lines in UTF-8 although a single-byte encoding was declared
        self.single_byte = single_byte(encoding)
        self.line_no = 0

    def __iter__(self) -> Iterator[str]:
        first = True
        for raw in self.stream:
            self.line_no += 1
            encoding = self.encoding if first else self.encoding.replace("-sig", "")
            first = False
            if self.single_byte and _utf8_text(raw):
                self.utf8_lines.append(self.line_no)  # read as what it is, not as mojibake; reported
                yield raw.decode("utf-8")
                continue
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError:
                self.bad_lines.add(self.line_no)
                yield raw.decode(encoding, errors="replace")
