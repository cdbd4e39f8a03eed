"""A funder report as HTML (the report page's blocks and charts), CSV (one row per figure, then one
per month) and wikitext (wikitables for an on-wiki report page).

Event and project names are typed by people: in HTML the templates escape them, in CSV every cell
goes through ``glamwiki.cells.neutralise`` (no spreadsheet formula), in wikitext through the
publishing stage's ``escape`` (no template, link, table cell or tag can be opened)."""

from __future__ import annotations

import csv
import io

from glamwiki.cells import neutralise
from glamwiki.publishing.wikitext import escape
from glamwiki.render.blocks import Block, Heading, Section, empty, figures, note, table
from glamwiki.report.funder import NOT_MEASURED, FunderReport
from glamwiki.report.page import render
from glamwiki.report.svg import line_chart

CSV_COLUMNS = ("report", "name", "period", "figure", "month", "value", "label", "note")
EVENT_HEADER = ("event", "start", "participants", "edits", "articles created", "improved", "bytes added", "references")
HEADLINE = ("events", "participants", "uploads", "share_in_use", "views", "articles_created", "articles_improved")
FORMATS = {  # format -> (file extension, Content-Type)
    "html": ("html", "text/html; charset=utf-8"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "wikitext": ("wiki", "text/plain; charset=utf-8"),
}


def title_of(report: FunderReport) -> str:
    what = "Residency report" if report.kind == "residency" else "Programme report"
    return f"{what}: {report.name}, {report.period.label}"


def file_name(report: FunderReport, fmt: str) -> str:
    """A download's name: ASCII letters, digits and dashes only (safe in Content-Disposition)."""
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in report.name).strip("-").lower() or "report"
    return f"{report.kind}-{stem[:40]}-{report.period.label.replace(' ', '')}.{FORMATS[fmt][0]}"


def _shown(value: int | None) -> object:
    return NOT_MEASURED if value is None else value


def sections(report: FunderReport) -> list[Section]:
    """The report as the report page's sections (the web page shows the same)."""
    head = [(f.label, f.shown) for k in HEADLINE for f in [report.figure(k)]]
    rows = [[f.label, f.shown, f.note] for f in report.figures]
    blocks: list[Block] = [
        figures(head),
        table(["figure", "value", "how it is counted"], rows),
    ]
    if report.kind == "programme":
        blocks.append(note(f"Projects: {', '.join(report.projects)}. A file, an article's views in a month and an "
                           "edit that several projects recorded are counted once."))  # fmt: skip
    return [Section("figures", "Figures", blocks), Section("views", "Views per month", _views(report)),
            Section("events", "Events", _events(report))]  # fmt: skip


def _views(report: FunderReport) -> list[Block]:
    points = [(m, float(v)) for m, v in report.chart_months if v is not None]
    chart = line_chart({"views (users)": points}, "Views per month of Wikipedia articles showing the files")
    rows = [[m, _shown(v)] for m, v in report.views_by_month]
    return [chart, table(["month", "views"], rows, {1}),
            note("A month shown as not measured had nothing collected (glamwiki reach collect).")]  # fmt: skip


def _events(report: FunderReport) -> list[Block]:
    if not report.events:
        return [empty("No event started in the period.")]
    rows = [[e.name, e.start, e.participants, e.edits, e.articles_created, e.articles_improved, e.bytes_added,
             _shown(e.references_added)] for e in report.events]  # fmt: skip
    return [Heading("Events that started in the period"), table(EVENT_HEADER, rows, {2, 3, 4, 5, 6, 7})]


def to_html(report: FunderReport) -> str:
    return render(title_of(report), f"{report.period.first} to {report.period.last}", sections(report))


def to_csv(report: FunderReport) -> str:
    """One row per figure, then one per month of views; stable columns (``CSV_COLUMNS``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180 line ends: a \r or \n inside a name is quoted
    writer.writerow(CSV_COLUMNS)
    base = [report.kind, report.name, report.period.label]
    for f in report.figures:
        writer.writerow([neutralise(str(c)) for c in [*base, f.key, "", _csv_value(f.value), f.label, f.note]])
    for month, views in report.views_by_month:
        cells = [*base, "views_in_month", month, _csv_value(views), "views in the month", ""]
        writer.writerow([neutralise(str(c)) for c in cells])
    return buffer.getvalue()


def _csv_value(value: int | float | None) -> str:
    if value is None:
        return NOT_MEASURED
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def to_wikitext(report: FunderReport) -> str:
    """Wikitables for an on-wiki report page; every name and label escaped."""
    lines = [f"== {escape(title_of(report))} ==", '{| class="wikitable"', "! Figure !! Value !! How it is counted"]
    for f in report.figures:
        lines += ["|-", f"| {escape(f.label)} || {escape(f.shown)} || {escape(f.note)}"]
    lines += ["|}", "", "=== Views per month ===", '{| class="wikitable"', "! Month !! Views"]
    for month, views in report.views_by_month:
        lines += ["|-", f"| {month} || {escape(NOT_MEASURED if views is None else f'{views:,}')}"]
    lines += ["|}"]
    if report.events:
        lines += ["", "=== Events ===", '{| class="wikitable sortable"', "! " + " !! ".join(EVENT_HEADER)]
        for e in report.events:
            cells = [e.name, e.start, e.participants, e.edits, e.articles_created, e.articles_improved, e.bytes_added,
                     _shown(e.references_added)]  # fmt: skip
            lines += ["|-", "| " + " || ".join(escape(str(c)) for c in cells)]
        lines += ["|}"]
    if report.kind == "programme":
        lines += ["", f"Projects: {escape(', '.join(report.projects))}."]
    return "\n".join(lines) + "\n"


def write(report: FunderReport, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return {"html": to_html, "csv": to_csv, "wikitext": to_wikitext}[fmt](report)
