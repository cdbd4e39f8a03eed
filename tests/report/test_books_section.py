"""The report's books section, from snapshots taken through the real API client of ProofreadPage
answers in the documented shape served from 127.0.0.1 (tests/books/test_progress.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from glamwiki.books.progress import take_snapshots
from glamwiki.books.upload import plan_book
from glamwiki.model.rights import RightsDecision
from glamwiki.project import Project
from glamwiki.report.books_section import EMPTY, books_html, books_section, books_view
from glamwiki.report.build import build_report

from ..books.test_progress import FILE, LEVELS_DAY1, LEVELS_DAY2, wikisource

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Evil <script>alert("x")</script>.djvu'
DAY1 = datetime(2026, 10, 30, 18, tzinfo=UTC)
DAY2 = datetime(2026, 11, 2, 9, tzinfo=UTC)
DAY3 = datetime(2026, 11, 3, 9, tzinfo=UTC)


def _snapshots(project: Project) -> None:
    """Yr ardd in campaign "NLW 2026" on three days; a second index (hostile title) outside any campaign."""
    levels = list(LEVELS_DAY1)
    with project.open_store() as store, wikisource(levels) as (client, _):
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=DAY1)
        levels[:] = LEVELS_DAY2
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=DAY2)
        levels[:] = [4] * 5 + [3] * 5 + [None, 0]
        take_snapshots(store, client, [FILE], campaign="NLW 2026", when=DAY3)
        levels[:] = [1, 1, 3]
        take_snapshots(store, client, [HOSTILE], when=DAY2)


def test_counts_per_level_add_up_and_days_and_months_are_counted(project: Project) -> None:
    _snapshots(project)
    with project.open_store() as store:
        view = books_view(store)
    assert view is not None and not view.empty
    for index in view.indexes:
        assert sum(index.levels.values()) == index.pages
    evil, ardd = view.indexes  # campaign "" sorts first
    assert (ardd.index_title, ardd.day, ardd.pages) == (f"Index:{FILE}", "2026-11-03", 12)
    assert ardd.wiki.startswith("127.0.0.1:")  # the Wikisource's host, not its API URL
    assert ardd.levels == {"not_created": 1, "q0": 1, "q1": 0, "q2": 0, "q3": 5, "q4": 5}
    assert (evil.pages, evil.proofread) == (3, 1)
    # day 1 -> 2: proofread 1 -> 5 (+4), validated 0 -> 2 (+2); day 2 -> 3: 5 -> 10 (+5), 2 -> 5 (+3)
    assert view.per_day == [
        {"period": "2026-11-02", "proofread": 4, "validated": 2},
        {"period": "2026-11-03", "proofread": 5, "validated": 3},
    ]
    assert view.per_month == [{"period": "2026-11", "proofread": 9, "validated": 5}]
    assert (view.project.indexes, view.project.pages, view.project.proofread, view.project.validated) == (2, 15, 11, 5)
    (nlw,) = view.campaigns
    assert (nlw.name, nlw.indexes, nlw.pages, nlw.proofread, nlw.validated) == ("NLW 2026", 1, 12, 10, 5)


def test_html_has_a_stacked_bar_per_index_and_escapes_titles(project: Project) -> None:
    _snapshots(project)
    with project.open_store() as store:
        section = books_section(store)
    assert section is not None and section.id == "books"
    html = str(section.html)  # plain text: Markup would escape the "<svg" put back in front of each part
    assert "<script>" not in html and "&lt;script&gt;" in html
    stacked, daily = (ET.fromstring("<svg" + part.split("</svg>")[0] + "</svg>") for part in html.split("<svg")[1:])
    bars = [t.text for t in stacked.iter(f"{SVG}title")]
    assert f"{FILE}, validated: 5 (42%)" in bars and f"{FILE}, not yet created: 1 (8%)" in bars
    assert sum(1 for t in bars if t.startswith(FILE)) == 4  # levels with pages: q4, q3, q0, not created
    assert len(list(daily.iter(f"{SVG}circle"))) == 4  # proofread and validated on two days
    assert "NLW 2026" in section.html and "whole project" in section.html


def test_a_planned_book_without_progress_says_how_to_get_it(project: Project, tmp_path) -> None:
    book = tmp_path / "book.pdf"
    book.write_bytes(b"%PDF-1.4\n")
    with project.open_store() as store:
        assert books_section(store) is None  # no books at all: no section
        decision = RightsDecision("books", "b1", "2026-11-01", "UPLOAD", templates=["{{PD-old-100}}"])
        plan_book(store, "b1", book, "Book.pdf", "{{Book}}", decision)
        view = books_view(store)
        assert view is not None and view.empty
        assert EMPTY in books_html(view) and "glamwiki book progress" in EMPTY


def test_the_project_report_includes_the_section(project: Project, tmp_path) -> None:
    _snapshots(project)
    with project.open_store() as store:
        page = build_report(store, tmp_path / "report.html", "Report").read_text(encoding="utf-8")
    assert '<section id="books">' in page and "Pages by proofreading level, per Index" in page
