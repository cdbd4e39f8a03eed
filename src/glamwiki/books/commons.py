"""The Commons file page of a book: ``{{Book}}`` (https://commons.wikimedia.org/wiki/Template:Book),
the licence from the rights stage, and categories; the file's title; the Wikisource link.

``{{Book}}`` takes Author, Title, Publisher, City, Publication date, Language, Source,
Wikisource (``s:<lang>:Index:<file>``, linking the file to its Index) and Image page (the scan shown
as the file's thumbnail). Catalogue text is escaped with the publishing stage's ``escape``.
The licence is the rights decision's: a book the rights stage does not clear for upload (in copyright
with an NC/ND licence, or waiting for facts) is refused with the decision's reasons.
"""

from __future__ import annotations

from datetime import date

from glamwiki.books.errors import BookError
from glamwiki.books.metadata import BookMeta
from glamwiki.model.rights import UPLOAD, RightsDecision
from glamwiki.publishing.pages import licence_block
from glamwiki.publishing.titles import make_title
from glamwiki.publishing.wikitext import category, escape, template, url
from glamwiki.rights.engine import assess


def rights_decision(meta: BookMeta, facts: dict[str, str] | None = None, as_of: date | None = None) -> RightsDecision:
    """The rights stage's decision on the book (the same engine as for every record)."""
    return assess(meta.record, as_of or date.today(), facts=facts or {}, dataset="books")


def require_upload(decision: RightsDecision) -> None:
    if decision.decision == UPLOAD:
        return
    why = "; ".join(r.text for r in decision.reasons[-2:]) or decision.decision
    missing = f" Facts that would decide it: {', '.join(decision.missing_facts)}." if decision.missing_facts else ""
    raise BookError(f"{decision.record_id}: the rights stage says {decision.decision}, not upload ({why}).{missing}")


def file_title(meta: BookMeta, ext: str) -> str:
    """``Title (year).djvu``: the usual form of a scanned book's name on Commons and Wikisource."""
    base = f"{meta.title} ({meta.year})" if meta.year and meta.year not in meta.title else meta.title
    return make_title(base, ext, set())


def wikisource_link(lang: str, title: str) -> str:
    return f"s:{lang}:Index:{title}" if lang else ""


def book_page(
    meta: BookMeta,
    decision: RightsDecision,
    title: str,
    *,
    wikisource_lang: str = "",
    categories: list[str] | None = None,
    cover: int = 1,
    institution: str = "",
) -> str:
    require_upload(decision)
    params = [
        ("Author", escape("; ".join(meta.authors))),
        ("Title", escape(meta.title)),
        ("Publisher", escape(meta.publisher)),
        ("City", escape(meta.place)),
        ("Publication date", escape(meta.date)),
        ("Language", meta.language),
        ("Description", escape(institution)),
        ("Source", url(meta.manifest_url)),
        ("Image page", str(cover) if cover > 1 else ""),
        ("Wikisource", wikisource_link(wikisource_lang, title)),
    ]
    cats = [c for c in (category(name) for name in categories or []) if c]
    lines = ["=={{int:filedesc}}==", template("Book", params), "", "=={{int:license-header}}==",
             licence_block(decision), "", *cats]  # fmt: skip
    return "\n".join(lines).rstrip() + "\n"
