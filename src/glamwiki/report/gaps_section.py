"""The report's gap section: who is in the collection, who is covered on Wikimedia, what to do."""

from __future__ import annotations

from html import escape

from glamwiki.gaps.summary import GapReport, gap_report
from glamwiki.report.page import Section, figures, table
from glamwiki.report.svg import bar_chart, stacked_bars
from glamwiki.store import Store


def gaps_section(store: Store, languages: list[str] | None = None) -> Section | None:
    report = gap_report(store, languages)
    if not report.creators:
        return None
    share, _ = report.women
    html = figures([
        ("people in the collection", len(report.creators)),
        ("women (gender recorded)", f"{share:.1%}" if share is not None else "—"),
        ("with a Wikidata item", sum(1 for c in report.creators if c.qid)),
        ("gender: collection ≠ Wikidata", len(report.disagreements)),
    ])  # fmt: skip
    html += _shares(report)
    html += _funnel(report)
    html += bar_chart(
        [(p, round(100 * s, 1)) for p, s, _ in report.by_period], "Share of women by birth period", unit="%"
    )
    html += "<h3>The collection's own record and Wikidata's, side by side</h3>"
    for t in report.tables:
        html += f"<h4>{escape(t.dimension)} — {escape(t.source)}</h4>"
        html += table(["value", "people", "works"], t.rows()[:12], {1, 2})
    html += '<p class="note">Cells under 5 are shown as "&lt;5"; missing values are counted as "not recorded".</p>'
    html += _worklist(report)
    return Section("gaps", "Who is in the collection, and who is missing from Wikimedia", html)


def _shares(report: GapReport) -> str:
    if not report.shares:
        return ""
    rows = [[g.label, g.artists, _pct(g.share_artists), g.works, _pct(g.share_works)] for g in report.shares]
    html = "<h3>Women among artists and among works</h3>"
    html += '<p class="note">Counted over the works in this project; artists with no gender recorded are left out.</p>'
    html += table(["works counted", "artists (gender recorded)", "women", "works", "by women"], rows, {1, 3})
    bars = [(g.label, {"by women": g.works_by_women, "others": g.works - g.works_by_women}) for g in report.shares]
    html += stacked_bars(bars, ["by women", "others"], "Works by women")
    return html


def _funnel(report: GapReport) -> str:
    html = ""
    if not any(c.qid for c in report.creators):
        html += ('<p class="note">No one is linked to Wikidata in this project yet (glamwiki link run), so the '
                 "steps after the first are empty: they say nothing yet about Wikimedia.</p>")  # fmt: skip
    html += bar_chart([(s.label, s.people) for s in report.steps], "Coverage on Wikimedia (people)")
    rows = [[s.label, s.people, _pct(s.share_women)] for s in report.steps]
    return html + table(["step", "people", "women"], rows, {1})


def _worklist(report: GapReport) -> str:
    lang = report.languages[0]
    head = f"<h3>Worklist: women with a Wikidata item but no {escape(lang)} Wikipedia article</h3>"
    if not report.worklist:
        return (
            head
            + '<p class="empty">None yet: link people to Wikidata (`glamwiki link run`) and record their items.</p>'
        )
    rows = [[e.creator.name, e.creator.qid, e.creator.works, e.creator.works_cleared] for e in report.worklist[:15]]
    return head + table(["name", "item", "works held", "cleared for upload"], rows, {2, 3})


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"
