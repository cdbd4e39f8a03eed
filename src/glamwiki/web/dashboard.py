"""The programme dashboard: every project the user may see, added up with
:func:`glamwiki.programme.totals` (a file or an article two projects share counted once), with a
row per project and the views per month drawn by the report's own chart and table blocks."""

from __future__ import annotations

from collections.abc import Sequence

from glamwiki.programme import Totals, totals
from glamwiki.render.blocks import Section, empty, figures, note, table
from glamwiki.report.svg import bar_chart
from glamwiki.store import Store


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _headline(t: Totals) -> list[tuple[str, object]]:
    return [
        ("projects", t.projects),
        ("uploads", t.uploads),
        ("files in use", f"{t.files_in_use:,} ({_share(t.share_in_use)})"),
        ("views since the start", t.views_since_start),
        ("articles created", t.articles_created),
        ("articles improved", t.articles_improved),
        ("women among the biographies worked on", f"{_share(t.share_women)} of {t.biographies:,}"),
    ]


def programme_sections(stores: Sequence[tuple[str, Store]], target: str) -> list[Section]:
    """The totals, the views per month (chart and table) and one row per project."""
    whole = totals([s for _, s in stores], target)
    rows = []
    for name, store in stores:
        t = totals([store], target)
        rows.append((name, t.uploads, t.files_in_use, _share(t.share_in_use), t.views_since_start,
                     t.articles_created, t.articles_improved, _share(t.share_women)))  # fmt: skip
    summary = Section("programme-totals", "All projects", [figures(_headline(whole))])
    if whole.shared_files:
        summary.blocks.append(note(f"{whole.shared_files:,} uploads counted by more than one project: counted once."))
    months = list(whole.views_by_month.items())
    views = Section("programme-views", "Views per month", [
        bar_chart([(m, float(n)) for m, n in months], "Views per month (all projects)"),
        table(("month", "views"), months, numeric=[1]),
    ] if months else [empty("No views measured yet (glamwiki reach collect).")])  # fmt: skip
    header = ("project", "uploads", "files in use", "in use", "views since the start", "articles created",
              "articles improved", "women")  # fmt: skip
    per_project = Section("programme-projects", "Per project", [table(header, rows, numeric=[1, 2, 4, 5, 6])])
    return [summary, views, per_project]
