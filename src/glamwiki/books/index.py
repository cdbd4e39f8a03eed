"""The ``Index:`` page of a book on a Wikisource, in that wiki's own fields.

Each Wikisource describes its Index form in ``MediaWiki:Proofreadpage_index_data_config`` (JSON;
https://www.mediawiki.org/wiki/Extension:Proofread_Page/Index_data_configuration): field keys in
the wiki's language, each with a type, a default, optional allowed ``values`` and a ``data`` role
(title, author, year, publisher, place, language, progress, pagelist...) that says what it means to
ProofreadPage. The page is filled by role, never by key, so it fits any Wikisource's form, and is
written as ProofreadPage serialises Index content (``IndexContentHandler``):
``{{:MediaWiki:Proofreadpage_index_template`` then ``|Key=value`` per line, then ``}}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from glamwiki.books.errors import BookError
from glamwiki.books.metadata import BookMeta
from glamwiki.books.pagelist import pagelist
from glamwiki.books.pages import Book
from glamwiki.publishing.wikitext import escape

CONFIG_PAGE = "MediaWiki:Proofreadpage_index_data_config"
TO_BE_PROOFREAD = ("C", "OCR", "X")  # progress codes for a new scan, in order of preference (when offered)


def load_config(path: str | Path) -> dict[str, dict[str, Any]]:
    try:
        return parse_config(Path(path).read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise BookError(f"{path}: cannot read the Index field configuration ({exc.strerror})") from None


def parse_config(text: str, where: str) -> dict[str, dict[str, Any]]:
    try:
        config = json.loads(text)
    except ValueError as exc:
        raise BookError(f"{where}: the Index field configuration is not JSON ({exc})") from None
    if not isinstance(config, dict) or not all(isinstance(v, dict) for v in config.values()):
        raise BookError(f"{where}: the Index field configuration must map field names to objects")
    return config


def fetch_config(client: Any) -> dict[str, dict[str, Any]]:
    """The wiki's own configuration page, read through the API client (prop=revisions,
    https://www.mediawiki.org/wiki/API:Revisions)."""
    data = client.get(action="query", prop="revisions", titles=CONFIG_PAGE, rvprop="content", rvslots="main",
                      formatversion="2")  # fmt: skip
    pages = data.get("query", {}).get("pages", [])
    if not pages or pages[0].get("missing") or not pages[0].get("revisions"):
        raise BookError(f"{client.api_url}: the wiki has no {CONFIG_PAGE} page; give the configuration with --config")
    content = pages[0]["revisions"][0]["slots"]["main"]["content"]
    return parse_config(content, f"{client.api_url} {CONFIG_PAGE}")


def role_values(meta: BookMeta, book: Book) -> dict[str, str]:
    """Values for each ProofreadPage data role, escaped (catalogue text cannot inject wikitext)."""
    return {
        "title": escape(meta.title),
        "author": escape("; ".join(meta.authors)),
        "year": escape(meta.year),
        "publisher": escape(meta.publisher),
        "place": escape(meta.place),
        "language": meta.language,
        "pagelist": pagelist([p.label for p in book.pages]),
        "type": "book",
    }


def index_fields(config: Mapping[str, Mapping[str, Any]], values: Mapping[str, str]) -> list[tuple[str, str]]:
    """(key, value) for every field of the form, in the configuration's order."""
    out = []
    for key, spec in config.items():
        role = spec.get("data")
        value = values.get(str(role), "") if role else ""
        allowed = spec.get("values") or None
        if role == "progress":
            value = next((c for c in TO_BE_PROOFREAD if allowed and c in allowed), "")
        elif allowed and value not in allowed:
            value = ""
        if not value:
            value = str(spec.get("default") or "")
        out.append((key, value))
    return out


def index_page(config: Mapping[str, Mapping[str, Any]], meta: BookMeta, book: Book) -> str:
    fields = index_fields(config, role_values(meta, book))
    lines = ["{{:MediaWiki:Proofreadpage_index_template", *(f"|{k}={v}" for k, v in fields), "}}"]
    return "\n".join(lines)
