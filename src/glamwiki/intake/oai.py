"""OAI-PMH 2.0 ListRecords, harvested from a base URL (following resumption tokens) or read from
saved responses; records in oai_dc, LIDO or MARCXML.

Format: "The Open Archives Initiative Protocol for Metadata Harvesting", version 2.0
(openarchives.org/OAI/openarchivesprotocol.html): record = header (identifier, datestamp, setSpec,
optional status="deleted") + metadata; an <error code=...> element reports a failed request;
a non-empty <resumptionToken> asks for the next page with verb=ListRecords&resumptionToken=...
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element

from glamwiki.errors import IntakeFileError
from glamwiki.intake.base import WARNING, Item, Read, ReadContext
from glamwiki.intake.dublincore import dc_object
from glamwiki.intake.fetch import Limits, fetch, page_url, session_for
from glamwiki.intake.lido import lido_items
from glamwiki.intake.lido_fields import LIDO
from glamwiki.intake.marc import marc_items
from glamwiki.intake.marcxml import RECORD, to_pymarc
from glamwiki.intake.textio import open_binary
from glamwiki.intake.xmlencoding import EncodingMismatch
from glamwiki.intake.xmlsafe import iter_elements, text_of

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
TAGS = frozenset({f"{{{OAI}}}record", f"{{{OAI}}}resumptionToken", f"{{{OAI}}}error"})
NO_RECORDS = "noRecordsMatch"
MAX_TOKEN = 4096  # characters: a token goes back in a URL
MAX_EMPTY_PAGES = 10  # pages in a row with a token but no record: the repository is not getting anywhere


class OaiError(IntakeFileError):
    """The repository answered with an OAI-PMH <error>."""


class Page:
    """One response: its records are read as they stream by; the token is known at the end."""

    def __init__(self) -> None:
        self.token: str | None = None
        self.records = 0


def read_oai(ctx: ReadContext) -> Iterator[Item]:
    circa = ctx.int_option("circa_years", 5)
    if not ctx.path.startswith(("http://", "https://")):
        with open_binary(ctx.path) as stream:
            yield from _page_items(stream, ctx, "", Page(), circa)
        return
    yield from harvest(ctx, circa)


def harvest(ctx: ReadContext, circa: int) -> Iterator[Item]:
    params = {"verb": "ListRecords", "metadataPrefix": str(ctx.options.get("metadata_prefix") or "oai_dc"),
              "set": str(ctx.options.get("set") or "")}  # fmt: skip
    session, limits = session_for(ctx.options), Limits.from_options(ctx.options)
    seen: set[str] = set()
    n = empty = 0
    while True:
        n += 1
        url = page_url(ctx.path, params)
        page = Page()
        yield from _page_items(io.BytesIO(fetch(url, session, limits=limits)), ctx, f"page {n}, ", page, circa)
        if not page.token:
            return
        empty = empty + 1 if page.records == 0 else 0
        _check_progress(ctx, page.token, seen, empty, n)
        seen.add(page.token)
        params = {"verb": "ListRecords", "resumptionToken": page.token}


def _check_progress(ctx: ReadContext, token: str, seen: set[str], empty: int, n: int) -> None:
    """Stop a harvest that cannot end: a resumption token sent again, or page after page of nothing."""
    if len(token) > MAX_TOKEN:
        raise IntakeFileError(
            f"{ctx.display}: page {n} gave a resumption token of {len(token):,} characters (more than {MAX_TOKEN:,}), "
            "too long to send back; stopped. The records read so far are kept; tell the repository's maintainers."
        )
    if token in seen:
        raise IntakeFileError(
            f"{ctx.display}: page {n} gave a resumption token already used ({token[:80]!r}), so the harvest "
            "would loop for ever; stopped. The records read so far are kept; tell the repository's maintainers."
        )
    if empty >= MAX_EMPTY_PAGES:
        raise IntakeFileError(
            f"{ctx.display}: {empty} pages in a row had no records but asked for more (up to page {n}); stopped. "
            "The records read so far are kept; tell the repository's maintainers."
        )


def _page_items(stream: BinaryIO, ctx: ReadContext, where: str, page: Page, circa: int) -> Iterator[Item]:
    try:
        for elem in iter_elements(stream, TAGS, ctx.display):
            local = elem.tag.rsplit("}", 1)[-1]
            if local == "error":
                _raise_error(elem, ctx)
            elif local == "resumptionToken":
                page.token = text_of(elem)
            else:
                page.records += 1
                yield from _record(elem, ctx, f"{where}record {page.records}", circa)
    except EncodingMismatch as note:  # the page was read; the harvest goes on
        yield ctx.issue(where.rstrip(", "), "", str(note), WARNING)


def _raise_error(elem: Element, ctx: ReadContext) -> None:
    code = elem.get("code", "")
    if code != NO_RECORDS:
        raise OaiError(f"{ctx.display}: the OAI-PMH repository answered error {code!r}: {text_of(elem) or ''}. "
                       "Check the metadata prefix (--metadata-prefix) and set (--set) it offers.")  # fmt: skip


def _record(rec: Element, ctx: ReadContext, locator: str, circa: int) -> Iterator[Item]:
    header = rec.find(f"{{{OAI}}}header")
    identifier = text_of(header.find(f"{{{OAI}}}identifier")) if header is not None else None
    if header is not None and header.get("status") == "deleted":
        yield ctx.issue(f"{locator} ({identifier})", "header", "deleted at the source; not read", WARNING)
        return
    metadata = rec.find(f"{{{OAI}}}metadata")
    payload = metadata[0] if metadata is not None and len(metadata) else None
    if payload is None or not identifier:
        yield ctx.issue(locator, "metadata", "the record has no header identifier or no metadata; skipped")
        return
    if payload.tag == f"{{{OAI_DC}}}dc":
        where = f"{locator} ({identifier})"
        yield Read(dc_object(payload, identifier, ctx.display, where, circa), where)
    elif payload.tag == f"{{{LIDO}}}lido":
        yield from lido_items(payload, ctx, locator, circa)
    elif payload.tag == RECORD:
        yield from marc_items(to_pymarc(payload), ctx, locator, circa)
    elif payload.tag == f"{{{LIDO}}}lidoWrap":
        for i, inner in enumerate(payload.findall(f"{{{LIDO}}}lido"), start=1):
            yield from lido_items(inner, ctx, f"{locator}.{i}", circa)
    else:
        yield ctx.issue(locator, "metadata", f"metadata format {payload.tag} is not oai_dc, LIDO or MARCXML; skipped")
