"""Text back from Wikisource: each ``Page:`` of an Index as plain text, header and footer removed.

A Page's wikitext is ProofreadPage's serialisation (``PageContentHandler``): the header inside the
first ``<noinclude>`` with the ``<pagequality level="N" user="…"/>`` mark, the body, and the footer
inside the last ``<noinclude>`` (older pages also wrap them in ``<div class="pagetext">``). Only the
body is kept. It becomes plain text with mwparserfromhell: links show their label, markup and most
templates go, and the templates that carry printed text keep it (a word hyphenated across pages,
``{{hws}}``/``{{hwe}}``, keeps the half printed on this page; ``{{sc}}``, ``{{larger}}`` and the
like keep their text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import mwparserfromhell

from glamwiki.books.errors import BookError
from glamwiki.books.progress import MAX_BATCHES, index_title

_QUALITY = re.compile(r'<pagequality\s+level="([0-4])"[^>]*?(?:/>|>\s*</pagequality>)', re.IGNORECASE)
_PAGE = re.compile(r"^<noinclude>(?P<header>.*?)</noinclude>(?P<body>.*)<noinclude>(?P<footer>(?:(?!<noinclude>).)*)"
                   r"</noinclude>\s*$", re.DOTALL)  # fmt: skip
_KEEP_FIRST = frozenset({
    "hws", "hwe", "hyphenated word start", "hyphenated word end", "sc", "smallcaps", "small-caps", "larger",
    "smaller", "x-larger", "x-smaller", "xx-larger", "center", "c", "centre", "bold", "b", "italic", "i", "uc",
    "lc", "sup", "sub", "nowrap",
})  # fmt: skip
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class PageText:
    number: int  # scan number in the file
    title: str
    quality: int | None  # None: the page is not yet created
    text: str  # the body as plain text ("" for a page without text)


def split_page(wikitext: str) -> tuple[str, str, str, int | None]:
    """(header, body, footer, quality) of a Page's wikitext; a text without sections is all body."""
    match = _PAGE.match(wikitext)
    if not match:
        quality = _QUALITY.search(wikitext)
        return "", _QUALITY.sub("", wikitext), "", int(quality.group(1)) if quality else None
    header, body, footer = match.group("header"), match.group("body"), match.group("footer")
    quality = _QUALITY.search(header)
    header = _QUALITY.sub("", header).replace('<div class="pagetext">', "").rstrip("\n")
    footer = footer.removesuffix("</div>")
    return header, body, footer, int(quality.group(1)) if quality else None


def plain_text(body: str) -> str:
    code = mwparserfromhell.parse(body)
    for tpl in code.filter_templates(recursive=True):
        name = str(tpl.name).strip().lower().replace("_", " ")
        try:
            keep = str(tpl.get(1).value) if name in _KEEP_FIRST and tpl.has(1) else ""
        except ValueError:
            keep = ""
        try:
            code.replace(tpl, keep)
        except ValueError:
            continue  # inside a template already replaced
    for tag in code.filter_tags(recursive=False):
        if str(tag.tag).lower() == "br":
            code.replace(tag, "\n")
        elif str(tag.tag).lower() in ("ref", "noinclude", "section"):
            code.replace(tag, "")
    text = code.strip_code(normalize=True, collapse=True)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def read_pages(client: Any, index: str) -> Iterator[PageText]:
    """Every page of the Index in order, with its quality and plain text (reads only; continued)."""
    title = index_title(index)
    params: dict[str, Any] = {"action": "query", "generator": "proofreadpagesinindex", "gprppiititle": title,
                              "gprppiilimit": "50", "prop": "revisions|proofread", "rvprop": "content",
                              "rvslots": "main", "formatversion": "2"}  # fmt: skip
    found: dict[int, PageText] = {}
    for _ in range(MAX_BATCHES):
        data = client.get(**params)
        for page in data.get("query", {}).get("pages", []):
            number = _number(page.get("title", ""))
            if number is None or (number in found and found[number].quality is not None):
                continue
            found[number] = _page_text(number, page)
        if "continue" not in data:
            break
        params = {**params, **data["continue"]}
    else:
        raise BookError(f"{title}: more than {MAX_BATCHES} batches of pages; stopped")
    if not found:
        raise BookError(f"{title}: the wiki lists no pages for it")
    yield from (found[n] for n in sorted(found))


def _page_text(number: int, page: dict[str, Any]) -> PageText:
    if page.get("missing"):
        return PageText(number, page["title"], None, "")
    revisions = page.get("revisions") or []
    content = revisions[0]["slots"]["main"].get("content", "") if revisions else ""
    _, body, _, level = split_page(content)
    quality = (page.get("proofread") or {}).get("quality", level)
    return PageText(number, page["title"], quality, "" if quality == 0 else plain_text(body))


def _number(title: str) -> int | None:
    _, _, tail = title.rpartition("/")
    return int(tail) if tail.isdigit() else None
