"""XML that declares a single-byte encoding (ISO-8859-1, Windows-1252...) but holds UTF-8.

Exports are often written in UTF-8 by a tool that keeps an old ``encoding="ISO-8859-1"`` line; an XML
parser trusts the declaration and every accented letter becomes two (mojibake), silently. The stream
is read through :class:`DeclaredEncoding`: when the declaration names a single-byte encoding, the
first non-ASCII bytes decide: valid UTF-8 means the file is UTF-8 (read so, and reported through
:class:`EncodingMismatch` once the file is read); otherwise the declared encoding is right. Either
way the parser gets UTF-8, so only the text that is really there is read.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import WARNING
from glamwiki.intake.textio import single_byte

_DECLARATION = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")


class EncodingMismatch(IntakeFileError):
    """The file was read (as UTF-8), but its declaration says otherwise: a warning, not an error."""

    severity = WARNING


class DeclaredEncoding:
    """A binary stream handing the XML parser UTF-8, whatever single-byte encoding is declared."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.declared: str | None = None  # set when a single-byte encoding is declared
        self.mode: str | None = None  # "utf-8" or the declared encoding, once non-ASCII bytes were seen
        self.started = False
        self.utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.single = codecs.getincrementaldecoder("latin-1")()

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        if not self.started:
            self.started = True
            chunk = self._declaration(chunk)
        if self.declared is None or not chunk:
            return chunk
        if self.mode is None and not chunk.isascii():
            self.mode = "utf-8" if _valid_utf8(chunk) else self.declared
            self.single = codecs.getincrementaldecoder(self.declared)()
        if self.mode is None:
            return chunk  # ASCII so far: the same bytes in every encoding concerned
        if self.mode == "utf-8":
            return self.utf8.decode(chunk).encode("utf-8")
        return self.single.decode(chunk).encode("utf-8")

    def _declaration(self, chunk: bytes) -> bytes:
        found = _DECLARATION.match(chunk)
        if not found or not single_byte(found.group(2).decode("ascii")):
            return chunk
        try:
            codecs.lookup(found.group(2).decode("ascii"))
        except LookupError:
            return chunk  # the parser says it does not know the encoding
        self.declared = found.group(2).decode("ascii")
        return found.group(1) + b"UTF-8" + found.group(3) + chunk[found.end() :]

    def mismatch(self, display: str) -> EncodingMismatch | None:
        if self.declared is None or self.mode != "utf-8":
            return None
        return EncodingMismatch(
            f'{display}: the XML declares encoding="{self.declared}" but its text is UTF-8; it was read as '
            'UTF-8. Correct the declaration in the export (encoding="UTF-8").'
        )


def _valid_utf8(chunk: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(chunk)  # a sequence cut at the end is fine
    except UnicodeDecodeError:
        return False
    return True
