"""Assemble the project report from each stage's section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from glamwiki.report.books_section import books_section
from glamwiki.report.gaps_section import gaps_section
from glamwiki.report.intake_section import intake_section
from glamwiki.report.page import Section, render
from glamwiki.report.publishing_section import publishing_section
from glamwiki.report.reach_section import reach_section
from glamwiki.report.rights_section import rights_section
from glamwiki.store import Store

# Each stage adds the function that builds its section; None means "nothing to show yet".
SECTIONS: list[Callable[[Store], Section | None]] = [
    intake_section,
    rights_section,
    gaps_section,
    publishing_section,
    reach_section,
    books_section,
]


def build_report(store: Store, path: Path, title: str, subtitle: str = "") -> Path:
    sections = [s for s in (build(store) for build in SECTIONS) if s is not None]
    path.write_text(render(title, subtitle, sections), encoding="utf-8")
    return path
