"""Reading XML safely and in constant memory.

Every XML reader goes through here. Entity declarations are refused outright: they are how
XXE (external entities that read local files or call out to the network) and entity-expansion
bombs ("billion laughs") work, and no catalogue export needs them. Records are handed out one
element at a time and dropped from the tree as soon as the reader is done with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from glamwiki.errors import IntakeFileError
from glamwiki.intake.xmlencoding import DeclaredEncoding

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SPACE = re.compile(r"\s+")


class XmlRefused(IntakeFileError):
    """The XML declares entities or an external DTD reference; it is not read at all."""


def iter_elements(stream: BinaryIO, tags: frozenset[str], display: str) -> Iterator[Element]:
    """Each complete element whose tag (Clark notation, ``{ns}local``) is in ``tags``.

    The element is detached from its parent after the caller has used it, so memory stays flat
    however many records the file holds."""
    for elem, _ in iter_with_ancestors(stream, tags.__contains__, display):
        yield elem


def iter_with_ancestors(
    stream: BinaryIO, wanted: Callable[[str], bool], display: str
) -> Iterator[tuple[Element, list[Element]]]:
    """Like iter_elements, for nested records (archival components): each wanted element when it
    ends, with its open ancestors (whose earlier children, such as a parent's <did>, are complete)."""
    stack: list[Element] = []
    source = DeclaredEncoding(stream)
    try:
        for event, elem in iterparse(source, events=("start", "end")):
            if event == "start":
                stack.append(elem)
                continue
            stack.pop()
            if wanted(elem.tag):
                yield elem, stack
                if stack:
                    stack[-1].remove(elem)
    except DefusedXmlException as exc:
        raise _refused(display, exc) from None
    except ParseError as exc:
        raise _broken(display, exc) from None
    except LookupError as exc:  # the XML declaration names an encoding no codec knows
        raise IntakeFileError(f'{display}: {exc}; fix the XML declaration\'s encoding="..." or re-export.') from None
    if note := source.mismatch(display):
        raise note  # after the last record: everything was read, as UTF-8


def _refused(display: str, exc: Exception) -> XmlRefused:
    return XmlRefused(
        f"{display}: refused: the file declares an XML entity or external reference ({exc}). Entity "
        "declarations are how XXE and entity-expansion ('billion laughs') attacks work, so glamwiki does "
        "not read them; export the file without a DOCTYPE internal subset and ingest it again."
    )


def _broken(display: str, exc: ParseError) -> IntakeFileError:
    line, column = getattr(exc, "position", (0, 0))
    return IntakeFileError(
        f"{display}: not well-formed XML at line {line}, column {column} ({_reason(exc)}); records before "
        "that point were read, the rest of the file was not. Fix the file (or export it again) and re-ingest."
    )


def _reason(exc: ParseError) -> str:
    return str(exc).split(":")[0]


def squash(text: str | None) -> str | None:
    """Whitespace collapsed; None for empty."""
    if text is None:
        return None
    out = _SPACE.sub(" ", text).strip()
    return out or None


def text_of(elem: Element | None) -> str | None:
    """All the text inside an element (mixed content included), whitespace collapsed."""
    if elem is None:
        return None
    return squash("".join(elem.itertext()))


def texts_of(elems: list[Element]) -> list[str]:
    return [t for t in (text_of(e) for e in elems) if t]


def lang_of(elem: Element, default: str | None = None) -> str | None:
    return elem.get(XML_LANG) or default


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
