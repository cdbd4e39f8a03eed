"""The report's books section: Wikisource transcription progress per Index, per day and month, and
per project/campaign (the figures of the Wikisource Monthly Challenge and of residency reports).

The data (``books_view``, a plain view model) becomes report blocks (``books_blocks``) that the
shared templates draw (docs/templates.md). Shown only when the project tracks books
(a ``glamwiki book progress`` snapshot, or a book in the publishing plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from glamwiki.books.progress import LEVEL_NAMES, done_per_period, latest
from glamwiki.books.upload import DATASET
from glamwiki.render.blocks import Block, Heading, empty, note
from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import line_chart, stacked_bars
from glamwiki.store import Store
from glamwiki.store import books as db

EMPTY = "No progress recorded yet — run `glamwiki book progress`."
LEVEL_ORDER = ["q4", "q3", "q2", "q1", "q0", "not_created"]  # most finished first, as the Index shows them
DAYS_SHOWN = 31  # the per-day table and chart show the last month of days with progress


@dataclass(frozen=True)
class IndexProgress:
    """The last snapshot of one Index."""

    wiki: str  # host of the Wikisource, e.g. cy.wikisource.org
    index_title: str
    campaign: str
    day: str
    pages: int
    levels: dict[str, int]  # not_created, q0..q4 -> pages; they add up to ``pages``

    @property
    def proofread(self) -> int:
        """Pages proofread or validated (quality 3 or 4)."""
        return self.levels["q3"] + self.levels["q4"]

    @property
    def validated(self) -> int:
        return self.levels["q4"]


@dataclass(frozen=True)
class Totals:
    """Summed last snapshots of a campaign (or of the whole project, ``name`` = "")."""

    name: str
    indexes: int
    pages: int
    proofread: int
    validated: int
    not_created: int
    per_month: list[dict[str, Any]] = field(default_factory=list)  # {"period", "proofread", "validated"}


@dataclass(frozen=True)
class BooksView:
    indexes: list[IndexProgress]
    per_day: list[dict[str, Any]]  # {"period": YYYY-MM-DD, "proofread", "validated"}, all indexes
    per_month: list[dict[str, Any]]  # {"period": YYYY-MM, ...}
    project: Totals
    campaigns: list[Totals]  # one per named campaign; empty when no index is in a campaign

    @property
    def empty(self) -> bool:
        return not self.indexes


def books_view(store: Store) -> BooksView | None:
    """The section's figures; None when the project tracks no books."""
    if not db.has_books(store, DATASET):
        return None
    indexes = [_index(snap) for snap in latest(store)]
    indexes.sort(key=lambda i: (i.campaign, i.wiki, i.index_title))
    campaigns = sorted({i.campaign for i in indexes if i.campaign})
    return BooksView(
        indexes=indexes,
        per_day=done_per_period(store, by="day"),
        per_month=done_per_period(store, by="month"),
        project=_totals("", indexes, done_per_period(store, by="month")),
        campaigns=[
            _totals(c, [i for i in indexes if i.campaign == c], done_per_period(store, c, by="month"))
            for c in campaigns
        ],
    )


def _index(snap: dict[str, Any]) -> IndexProgress:
    return IndexProgress(
        wiki=urlsplit(snap["wiki"]).netloc or snap["wiki"],
        index_title=snap["index_title"],
        campaign=snap["campaign"],
        day=snap["day"],
        pages=snap["pages"],
        levels={k: int(snap[k]) for k in db.LEVELS},
    )


def _totals(name: str, indexes: list[IndexProgress], per_month: list[dict[str, Any]]) -> Totals:
    return Totals(
        name=name,
        indexes=len(indexes),
        pages=sum(i.pages for i in indexes),
        proofread=sum(i.proofread for i in indexes),
        validated=sum(i.validated for i in indexes),
        not_created=sum(i.levels["not_created"] for i in indexes),
        per_month=per_month,
    )


def books_section(store: Store) -> Section | None:
    view = books_view(store)
    return None if view is None else Section("books", "Books on Wikisource", books_blocks(view))


def books_blocks(view: BooksView) -> list[Block]:
    """The section's blocks (drawn by ``render/templates/partials/blocks.html``)."""
    if view.empty:
        return [empty(EMPTY)]
    p = view.project
    blocks: list[Block] = [
        figures(
            [
                ("Indexes", p.indexes),
                ("pages", p.pages),
                ("proofread or validated", p.proofread),
                ("validated", p.validated),
                ("not yet created", p.not_created),
            ]
        )
    ]
    blocks += _levels(view.indexes) + _periods(view) + _campaigns(view)
    text = (
        "Levels are ProofreadPage's: validated (4), proofread (3), problematic (2), not proofread (1), "
        "without text (0), and pages not yet created; they add up to the pages of the file. Pages proofread "
        "(reaching level 3 or 4) and validated (reaching 4) in a day or month are the growth between an "
        "Index's consecutive snapshots, dated by the later one: take a snapshot daily "
        "(`glamwiki book progress`) for daily figures."
    )
    return [*blocks, note(text)]


def books_html(view: BooksView) -> str:
    """The section's body as HTML (for tests and for embedding elsewhere)."""
    return Section("books", "Books on Wikisource", books_blocks(view)).html


def _levels(indexes: list[IndexProgress]) -> list[Block]:
    names = [LEVEL_NAMES[k] for k in LEVEL_ORDER]
    rows = [(_label(i), {LEVEL_NAMES[k]: float(i.levels[k]) for k in LEVEL_ORDER}) for i in indexes]
    chart = stacked_bars(rows, names, "Pages by proofreading level, per Index")
    body = [[i.index_title, i.wiki, i.campaign, i.day, i.pages, *(i.levels[k] for k in LEVEL_ORDER)] for i in indexes]
    header = ["Index", "Wikisource", "campaign", "as of", "pages", *names]
    return [chart, table(header, body, set(range(4, 4 + 1 + len(LEVEL_ORDER))))]


def _label(index: IndexProgress) -> str:
    return index.index_title.removeprefix("Index:")


def _periods(view: BooksView) -> list[Block]:
    if not view.per_month:
        return [
            empty(
                "One snapshot per Index so far: pages done per day and month start with the next "
                "`glamwiki book progress` on a later day."
            )
        ]
    days = view.per_day[-DAYS_SHOWN:]
    chart = line_chart(
        {
            "proofread": [(d["period"], float(d["proofread"])) for d in days],
            "validated": [(d["period"], float(d["validated"])) for d in days],
        },
        "Pages proofread and validated per day",
    )
    months = [[m["period"], m["proofread"], m["validated"]] for m in view.per_month]
    day_rows = [[d["period"], d["proofread"], d["validated"]] for d in reversed(days)]
    return [
        Heading("Per month"),
        table(["month", "pages proofread", "pages validated"], months, {1, 2}),
        Heading("Per day"),
        chart,
        table(["day", "pages proofread", "pages validated"], day_rows, {1, 2}),
    ]


def _campaigns(view: BooksView) -> list[Block]:
    if not view.campaigns:
        return []
    rows: list[list[object]] = []
    for c in [*view.campaigns, view.project]:
        this = c.per_month[-1] if c.per_month else {"period": "", "proofread": 0, "validated": 0}
        rows.append([c.name or "whole project", c.indexes, c.pages, c.proofread, c.validated,
                     this["period"], this["proofread"], this["validated"]])  # fmt: skip
    header = ["campaign", "Indexes", "pages", "proofread or validated", "validated",
              "last month", "proofread that month", "validated that month"]  # fmt: skip
    return [Heading("Campaigns"), table(header, rows, {1, 2, 3, 4, 6, 7})]
